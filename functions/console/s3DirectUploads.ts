import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListPartsCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { DirectUploads, UploadedPart } from '../../infra/web/routes/uploadRoutes.js';
import { bundleIdOf } from '../../shared/actions/registerBundle.js';
import { uploadMetadata } from '../../shared/intake/bundleIdentity.js';
import { incomingKey, uploadMarkerKey } from '../../shared/objects/objectKeys.js';
import type { ObjectStore } from '../../shared/objects/objectStore.js';

/** What the console notes of an upload it completed (`uploads/<bundleId>.json`). */
export interface UploadMarker {
  bundleId: string;
  key: string;
  versionId: string;
  unitId: string;
  fileName: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface S3DirectUploadsOptions {
  client: S3Client;
  bucket: string;
  /** The bucket's origin as the presigned URLs name it (`https://<bucket>.s3.<region>.<suffix>`). */
  origin: string;
  /** Where the markers go (the same bucket, `uploads/`). */
  objects: ObjectStore;
  /** The campaign the upload is for (the intake's `campaign` metadata), as the local console submits. */
  campaign: string;
  now?: () => Date;
  /** 10 MB: a 100 MB bundle is 10 parts, and a dropped connection costs at most one part. */
  partSize?: number;
  /** How long a presigned part URL lasts. */
  urlSeconds?: number;
}

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchUpload' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Multipart uploads of bundles straight from the browser to the submissions bucket, under `incoming/<unit>/` where
 * the S3 event starts the intake. The key is built here from the signed-in unit and the file name made safe; the
 * browser only ever holds presigned URLs for single parts of its own upload. Encrypted with the bucket's KMS key like
 * every object there.
 */
export function s3DirectUploads(options: S3DirectUploadsOptions): DirectUploads {
  const { client, bucket } = options;
  const partSize = options.partSize ?? 10 * 1024 * 1024;
  const urlSeconds = options.urlSeconds ?? 900;
  const now = options.now ?? (() => new Date());
  const keyOf = incomingKey;

  const listParts: DirectUploads['listParts'] = async ({ unitId, fileName, uploadId }) => {
    const parts: UploadedPart[] = [];
    let marker: string | undefined;
    try {
      do {
        const page = await client.send(
          new ListPartsCommand({
            Bucket: bucket,
            Key: keyOf(unitId, fileName),
            UploadId: uploadId,
            ...(marker ? { PartNumberMarker: marker } : {}),
          }),
        );
        for (const p of page.Parts ?? [])
          if (p.PartNumber && p.ETag) parts.push({ partNumber: p.PartNumber, etag: p.ETag, size: p.Size ?? 0 });
        marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
      } while (marker);
    } catch (error) {
      if (notFound(error)) return undefined;
      throw error;
    }
    return parts.sort((a, b) => a.partNumber - b.partNumber);
  };

  return {
    origin: options.origin,
    partSize,
    async create({ unitId, fileName }) {
      const created = await client.send(
        new CreateMultipartUploadCommand({
          Bucket: bucket,
          Key: keyOf(unitId, fileName),
          ContentType: 'application/octet-stream',
          ServerSideEncryption: 'aws:kms',
          BucketKeyEnabled: true,
          Metadata: { [uploadMetadata.campaign]: options.campaign },
        }),
      );
      if (!created.UploadId) throw new Error('S3 started no multipart upload');
      return { uploadId: created.UploadId };
    },
    presignParts: ({ unitId, fileName, uploadId, partNumbers }) =>
      Promise.all(
        [...new Set(partNumbers)].map(async (partNumber) => ({
          partNumber,
          url: await getSignedUrl(
            client,
            new UploadPartCommand({
              Bucket: bucket,
              Key: keyOf(unitId, fileName),
              UploadId: uploadId,
              PartNumber: partNumber,
            }),
            { expiresIn: urlSeconds },
          ),
        })),
      ),
    listParts,
    async complete({ unitId, fileName, uploadId, parts, uploadedBy }) {
      const key = keyOf(unitId, fileName);
      const done = await client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
        }),
      );
      if (!done.VersionId) throw new Error('the submissions bucket returned no version id (is it versioned?)');
      const bundleId = bundleIdOf({ kind: 's3', bucket, key, versionId: done.VersionId });
      const marker: UploadMarker = {
        bundleId,
        key,
        versionId: done.VersionId,
        unitId,
        fileName,
        uploadedAt: now().toISOString(),
        uploadedBy,
      };
      await options.objects.put(uploadMarkerKey(bundleId), JSON.stringify(marker), {
        contentType: 'application/json',
      });
      return { bundleId };
    },
    async abort({ unitId, fileName, uploadId }) {
      try {
        await client.send(
          new AbortMultipartUploadCommand({ Bucket: bucket, Key: keyOf(unitId, fileName), UploadId: uploadId }),
        );
      } catch (error) {
        if (!notFound(error)) throw error;
      }
    },
  };
}
