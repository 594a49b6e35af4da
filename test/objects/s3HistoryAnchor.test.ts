import { ListObjectVersionsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import {
  headOfAnchorKey,
  historyAnchorKey,
  S3HistoryAnchor,
  s3HistoryAnchorFromEnv,
} from '../../shared/objects/s3HistoryAnchor.js';

const head = { applicationId: 'abc123def456-1', seq: 7, hash: 'c'.repeat(64) };

/** A stand-in S3 client that records commands and answers ListObjectVersions from fixed pages. */
function fakeS3(pages: { Versions?: { Key: string }[]; IsTruncated?: boolean; NextKeyMarker?: string }[] = []) {
  const sent: unknown[] = [];
  let page = 0;
  const client = {
    send: async (command: unknown) => {
      sent.push(command);
      if (command instanceof ListObjectVersionsCommand) return pages[page++] ?? {};
      return {};
    },
  } as unknown as S3Client;
  return { client, sent };
}

describe('S3 history anchor', () => {
  it('names each head by application, zero-padded seq and hash, and reads it back from the key', () => {
    const key = historyAnchorKey(head);
    expect(key).toBe(`heads/abc123def456-1/0000000007-${'c'.repeat(64)}.json`);
    expect(headOfAnchorKey(key)).toEqual(head);
    expect(headOfAnchorKey('heads/x/7-abc.json')).toBeUndefined();
  });

  it('publishes with a SHA-256 checksum (Object Lock refuses puts without one) and no SSE override', async () => {
    const { client, sent } = fakeS3();
    await new S3HistoryAnchor(client, 'anchors').publish(head);
    const put = sent[0] as PutObjectCommand;
    expect(put).toBeInstanceOf(PutObjectCommand);
    expect(put.input).toMatchObject({ Bucket: 'anchors', Key: historyAnchorKey(head) });
    expect(put.input.ChecksumSHA256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(put.input.ServerSideEncryption).toBeUndefined();
  });

  it('reads every object version under the application, page by page, so a later object hides no head', async () => {
    const other = { ...head, hash: 'd'.repeat(64) };
    const { client, sent } = fakeS3([
      { Versions: [{ Key: historyAnchorKey(head) }], IsTruncated: true, NextKeyMarker: 'k' },
      { Versions: [{ Key: historyAnchorKey(other) }, { Key: 'heads/abc123def456-1/junk' }] },
    ]);
    expect(await new S3HistoryAnchor(client, 'anchors').heads(head.applicationId)).toEqual([head, other]);
    expect(sent).toHaveLength(2);
    expect((sent[0] as ListObjectVersionsCommand).input).toMatchObject({ Prefix: 'heads/abc123def456-1/' });
    expect((sent[1] as ListObjectVersionsCommand).input).toMatchObject({ KeyMarker: 'k' });
  });

  it('is configured by HISTORY_ANCHOR_BUCKET', () => {
    expect(s3HistoryAnchorFromEnv({})).toBeUndefined();
    expect(s3HistoryAnchorFromEnv({ HISTORY_ANCHOR_BUCKET: 'b' })?.bucket).toBe('b');
  });
});
