import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { assertSafeKey } from './objectKeys.js';
import { type ObjectInfo, ObjectNotFound, type ObjectStore, type PutOptions, type PutResult } from './objectStore.js';

export interface S3ObjectStoreOptions {
  /** The KMS key the bucket encrypts with (ARN or id); without it S3 uses the bucket's default key. */
  kmsKeyId?: string;
}

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e.name === 'NotFound' || e.name === 'NoSuchKey' || e.name === 'NoSuchVersion' || e.$metadata?.httpStatusCode === 404
  );
};

/**
 * The object store on the submissions bucket (AWS adapter). Every put is SSE-KMS (`aws:kms`, bucket key on, the
 * data key when configured) and carries the content's sha256 as `x-amz-meta-sha256`, so a step can tell whether an
 * object already holds the bytes it would write (and write nothing new).
 */
export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3' as const;

  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    private readonly options: S3ObjectStoreOptions = {},
  ) {}

  async put(key: string, body: Uint8Array | string, options: PutOptions = {}): Promise<PutResult> {
    assertSafeKey(key);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const result = await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentType: options.contentType ?? 'application/octet-stream',
        Metadata: { ...options.metadata, sha256 },
        ServerSideEncryption: 'aws:kms',
        ...(this.options.kmsKeyId ? { SSEKMSKeyId: this.options.kmsKeyId } : {}),
        BucketKeyEnabled: true,
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      }),
    );
    return { key, sha256, ...(result.VersionId ? { versionId: result.VersionId } : {}) };
  }

  async getStream(key: string, versionId?: string): Promise<Readable> {
    assertSafeKey(key);
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
      );
      const body = result.Body;
      if (!body) throw new ObjectNotFound(`no body for ${key}`);
      if (body instanceof Readable) return body;
      return Readable.from(Buffer.from(await body.transformToByteArray()));
    } catch (error) {
      if (notFound(error)) throw new ObjectNotFound(`no object ${key}${versionId ? ` version ${versionId}` : ''}`);
      throw error;
    }
  }

  async get(key: string, versionId?: string): Promise<Uint8Array> {
    const stream = await this.getStream(key, versionId);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  }

  async head(key: string, versionId?: string): Promise<ObjectInfo | undefined> {
    assertSafeKey(key);
    try {
      const r = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
      );
      return {
        key,
        size: r.ContentLength ?? 0,
        lastModified: r.LastModified ?? new Date(0),
        ...(r.VersionId ? { versionId: r.VersionId } : {}),
        metadata: { ...r.Metadata },
      };
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
  }

  /** Lists keys (paginated); metadata is not part of a listing, so `metadata` is empty here. */
  async list(prefix: string): Promise<ObjectInfo[]> {
    const out: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? [])
        if (o.Key)
          out.push({ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified ?? new Date(0), metadata: {} });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}
