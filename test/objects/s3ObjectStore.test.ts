import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ObjectNotFound, UnsafeObjectKey } from '../../shared/objects/objectStore.js';
import { putIfChanged } from '../../shared/objects/putIfChanged.js';
import { S3ObjectStore } from '../../shared/objects/s3ObjectStore.js';

const s3 = mockClient(S3Client);

beforeEach(() => s3.reset());

function notFound(name: string) {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 404 } });
}

describe('S3ObjectStore', () => {
  it('puts with SSE-KMS, the configured key, the bucket key, a SHA-256 checksum and the sha256 metadata', async () => {
    s3.on(PutObjectCommand).resolves({ VersionId: 'v1' });
    const store = new S3ObjectStore(new S3Client({}), 'submissions', { kmsKeyId: 'arn:aws:kms:r:1:key/k' });
    const result = await store.put('derived/b/x.json', '{}', { contentType: 'application/json', metadata: { a: 'b' } });
    const input = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      Bucket: 'submissions',
      Key: 'derived/b/x.json',
      ContentType: 'application/json',
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: 'arn:aws:kms:r:1:key/k',
      BucketKeyEnabled: true,
      Metadata: { a: 'b', sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' },
      ChecksumSHA256: Buffer.from('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', 'hex').toString(
        'base64',
      ),
    });
    expect(result).toEqual({
      key: 'derived/b/x.json',
      sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      versionId: 'v1',
    });
  });

  it('without a configured key leaves the key to the bucket default (still aws:kms)', async () => {
    s3.on(PutObjectCommand).resolves({});
    await new S3ObjectStore(new S3Client({}), 'b').put('reports/x/report.json', 'x');
    const input = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input?.ServerSideEncryption).toBe('aws:kms');
    expect(input?.SSEKMSKeyId).toBeUndefined();
  });

  it('gets a version as bytes and as a stream', async () => {
    s3.on(GetObjectCommand, { Bucket: 'b', Key: 'incoming/u/a.zip', VersionId: 'v7' }).callsFake(() => ({
      Body: Readable.from([Buffer.from('zip-bytes')]) as never,
    }));
    const store = new S3ObjectStore(new S3Client({}), 'b');
    expect(Buffer.from(await store.get('incoming/u/a.zip', 'v7')).toString()).toBe('zip-bytes');
    let text = '';
    for await (const chunk of await store.getStream('incoming/u/a.zip', 'v7')) text += String(chunk);
    expect(text).toBe('zip-bytes');
  });

  it('maps NoSuchKey to ObjectNotFound and a 404 head to undefined', async () => {
    s3.on(GetObjectCommand).rejects(notFound('NoSuchKey'));
    s3.on(HeadObjectCommand).rejects(notFound('NotFound'));
    const store = new S3ObjectStore(new S3Client({}), 'b');
    await expect(store.get('x/y')).rejects.toBeInstanceOf(ObjectNotFound);
    expect(await store.head('x/y')).toBeUndefined();
  });

  it('heads with size, LastModified, version and metadata', async () => {
    const lastModified = new Date('2025-08-15T02:00:00Z');
    s3.on(HeadObjectCommand).resolves({
      ContentLength: 12,
      LastModified: lastModified,
      VersionId: 'v2',
      Metadata: { sha256: 'abc', 'unit-name': '%E9%95%BF' },
    });
    const info = await new S3ObjectStore(new S3Client({}), 'b').head('incoming/u/a.zip', 'v2');
    expect(info).toEqual({
      key: 'incoming/u/a.zip',
      size: 12,
      lastModified,
      versionId: 'v2',
      metadata: { sha256: 'abc', 'unit-name': '%E9%95%BF' },
    });
    expect(s3.commandCalls(HeadObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'b',
      Key: 'incoming/u/a.zip',
      VersionId: 'v2',
    });
  });

  it('lists every page of a prefix', async () => {
    s3.on(ListObjectsV2Command, { Bucket: 'b', Prefix: 'derived/x/', ContinuationToken: undefined }).resolves({
      Contents: [{ Key: 'derived/x/b.json', Size: 2 }],
      IsTruncated: true,
      NextContinuationToken: 't1',
    });
    s3.on(ListObjectsV2Command, { Bucket: 'b', Prefix: 'derived/x/', ContinuationToken: 't1' }).resolves({
      Contents: [{ Key: 'derived/x/a.json', Size: 1 }],
      IsTruncated: false,
    });
    const listed = await new S3ObjectStore(new S3Client({}), 'b').list('derived/x/');
    expect(listed.map((o) => o.key)).toEqual(['derived/x/a.json', 'derived/x/b.json']);
    expect(s3.commandCalls(ListObjectsV2Command)).toHaveLength(2);
  });

  it('refuses unsafe keys before calling S3', async () => {
    await expect(new S3ObjectStore(new S3Client({}), 'b').put('../x', 'y')).rejects.toBeInstanceOf(UnsafeObjectKey);
    expect(s3.calls()).toHaveLength(0);
  });

  it('putIfChanged sends no PutObject when the object already has the same sha256', async () => {
    s3.on(HeadObjectCommand).resolves({
      ContentLength: 2,
      Metadata: { sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a' },
    });
    const result = await putIfChanged(new S3ObjectStore(new S3Client({}), 'b'), 'derived/b/x.json', '{}');
    expect(result.written).toBe(false);
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(0);
  });
});
