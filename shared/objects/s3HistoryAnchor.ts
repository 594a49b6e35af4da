import { createHash } from 'node:crypto';
import { ListObjectVersionsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AnchoredHead, type HistoryAnchor } from '../domain/history/historyAnchor.js';

export const historyAnchorPrefix = 'heads/';

/** `heads/<applicationId>/<seq, 10 digits>-<hash>.json`: the key itself carries the head, so listing reads it. */
export function historyAnchorKey(head: AnchoredHead): string {
  return `${historyAnchorPrefix}${encodeURIComponent(head.applicationId)}/${String(head.seq).padStart(10, '0')}-${head.hash}.json`;
}

const keyPattern = /^heads\/([^/]+)\/(\d{10})-([0-9a-f]{64})\.json$/;

/** The head a key names, or undefined for a key of another shape. */
export function headOfAnchorKey(key: string): AnchoredHead | undefined {
  const m = keyPattern.exec(key);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  const parsed = AnchoredHead.safeParse({ applicationId: decodeURIComponent(m[1]), seq: Number(m[2]), hash: m[3] });
  return parsed.success ? parsed.data : undefined;
}

/**
 * The history anchor on AWS (adapter): the anchor bucket has Object Lock (compliance mode, default retention), so a
 * published head can be neither overwritten nor deleted by anyone, the records' writer included; the writer's role
 * may only PutObject under `heads/`. Reading lists every object VERSION under the application's prefix: a delete
 * marker or a later object hides nothing from it.
 */
export class S3HistoryAnchor implements HistoryAnchor {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async publish(head: AnchoredHead): Promise<void> {
    const parsed = AnchoredHead.parse(head);
    const body = Buffer.from(`${JSON.stringify(parsed)}\n`, 'utf8');
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: historyAnchorKey(parsed),
        Body: body,
        ContentType: 'application/json',
        // No SSE headers: the bucket's default encryption (the data key) applies.
        // Object Lock refuses a put without an integrity checksum.
        ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
      }),
    );
  }

  async heads(applicationId: string): Promise<AnchoredHead[]> {
    const prefix = `${historyAnchorPrefix}${encodeURIComponent(applicationId)}/`;
    const heads: AnchoredHead[] = [];
    let keyMarker: string | undefined;
    let versionIdMarker: string | undefined;
    do {
      const out = await this.client.send(
        new ListObjectVersionsCommand({
          Bucket: this.bucket,
          Prefix: prefix,
          KeyMarker: keyMarker,
          VersionIdMarker: versionIdMarker,
        }),
      );
      for (const v of out.Versions ?? []) {
        const head = v.Key ? headOfAnchorKey(v.Key) : undefined;
        if (head?.applicationId === applicationId) heads.push(head);
      }
      keyMarker = out.IsTruncated ? out.NextKeyMarker : undefined;
      versionIdMarker = out.IsTruncated ? out.NextVersionIdMarker : undefined;
    } while (keyMarker);
    return heads;
  }
}

/** The anchor the Lambdas publish to: `HISTORY_ANCHOR_BUCKET` (set by the stack on every function with records). */
export function s3HistoryAnchorFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  client: S3Client = new S3Client({}),
): S3HistoryAnchor | undefined {
  const bucket = env.HISTORY_ANCHOR_BUCKET;
  return bucket ? new S3HistoryAnchor(client, bucket) : undefined;
}
