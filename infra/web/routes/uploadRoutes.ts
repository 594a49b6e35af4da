import { z } from 'zod';
import { messagePage } from '../pages/messagePage.js';
import type { ConsoleUser } from '../users.js';
import type { C, ConsoleHono, RouteKit } from './routeKit.js';
import { maxBundleBytes } from './unitRoutes.js';

/** One uploaded part as object storage lists it. */
export interface UploadedPart {
  partNumber: number;
  etag: string;
  size: number;
}

/**
 * An upload that goes from the browser straight to object storage in parts (on AWS: an S3 multipart upload with a
 * presigned URL per part), under the unit's own prefix. The unit is always the signed-in user's (`unitId` here comes
 * from the route, never from the request body); `fileName` and `uploadId` name the upload between calls.
 */
export interface DirectUploads {
  /** Where the browser PUTs the parts (`https://<bucket>.s3.<region>.amazonaws.com`): the pages' CSP connect-src. */
  readonly origin: string;
  /** The size of every part but the last. */
  readonly partSize: number;
  create(request: { unitId: string; fileName: string }): Promise<{ uploadId: string }>;
  /** A URL per part number for the browser to PUT that part to (valid for minutes). */
  presignParts(request: {
    unitId: string;
    fileName: string;
    uploadId: string;
    partNumbers: number[];
  }): Promise<{ partNumber: number; url: string }[]>;
  /** The parts stored so far (a resumed upload sends only the others); undefined: no such upload of this unit. */
  listParts(request: { unitId: string; fileName: string; uploadId: string }): Promise<UploadedPart[] | undefined>;
  /** Joins the listed parts into the bundle, which starts its check; the bundle id it will have. */
  complete(request: {
    unitId: string;
    fileName: string;
    uploadId: string;
    parts: UploadedPart[];
    uploadedBy: string;
  }): Promise<{ bundleId: string }>;
  abort(request: { unitId: string; fileName: string; uploadId: string }): Promise<void>;
}

const FileName = z
  .string()
  .trim()
  .min(1, '请提供文件名。')
  .max(200, '文件名过长。')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), '文件名含有控制字符。');
const UploadId = z.string().min(1).max(1024);
const Create = z.strictObject({ fileName: FileName, size: z.number().int().positive('文件为空。') });
const Presign = z.strictObject({
  fileName: FileName,
  uploadId: UploadId,
  partNumbers: z.array(z.number().int().min(1)).min(1).max(20),
});
const Complete = z.strictObject({ fileName: FileName, uploadId: UploadId, size: z.number().int().positive() });

/** The number of parts a bundle of `size` bytes has. */
export const partCount = (size: number, partSize: number) => Math.ceil(size / partSize);

/**
 * The routes of a direct upload, JSON in and out (the CSRF token in the X-CSRF-Token header, as every POST):
 * `POST /unit/uploads` starts one (size checked: 100 MB at most), `POST /unit/uploads/parts` presigns part URLs,
 * `GET /unit/uploads/parts` lists the parts already stored (to resume after a dropped connection),
 * `POST /unit/uploads/complete` checks the stored parts against the declared size and joins them,
 * `POST /unit/uploads/abort` gives up. Only a recommending unit, only under its own prefix.
 */
export function uploadRoutes(app: ConsoleHono, kit: RouteKit, uploads: DirectUploads): void {
  const maxParts = partCount(maxBundleBytes, uploads.partSize);
  const unitOf = (c: C): ConsoleUser | Response => {
    const user = kit.requireUser(c, ['recommending_unit']);
    if (user instanceof Response) return user;
    if (!user.unitId) return kit.forbidden(c);
    return user;
  };
  const invalid = (c: C, message: string, status: 400 | 404 | 413 = 400) => c.json({ message }, status);
  const body = async <T>(c: C, schema: z.ZodType<T>): Promise<T | Response> => {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return invalid(c, '请求格式不正确。');
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : invalid(c, parsed.error.issues[0]?.message ?? '请求格式不正确。');
  };
  const tooLarge = '材料包超过 100 MB。';

  // Mounted before the unit routes: with direct uploads the server takes no bundle bodies (on AWS they could not pass
  // API Gateway and Lambda), so the form's own post — a browser running no script — gets a message, not a failure.
  app.post('/unit/bundles', (c) => {
    const user = unitOf(c);
    if (user instanceof Response) return user;
    return kit.page(
      c,
      messagePage(
        kit.frame(c, '上传未成功'),
        '此处的材料包直接上传到存储，需要浏览器允许运行本站脚本。请启用脚本后重新上传。',
        {
          href: '/unit',
          label: '返回',
        },
      ),
      409,
    );
  });

  app.post('/unit/uploads', async (c) => {
    const user = unitOf(c);
    if (user instanceof Response) return user;
    const request = await body(c, Create);
    if (request instanceof Response) return request;
    if (request.size > maxBundleBytes) return invalid(c, tooLarge, 413);
    const { uploadId } = await uploads.create({ unitId: user.unitId ?? '', fileName: request.fileName });
    return c.json({ uploadId, partSize: uploads.partSize, parts: partCount(request.size, uploads.partSize) });
  });

  app.post('/unit/uploads/parts', async (c) => {
    const user = unitOf(c);
    if (user instanceof Response) return user;
    const request = await body(c, Presign);
    if (request instanceof Response) return request;
    if (request.partNumbers.some((n) => n > maxParts)) return invalid(c, tooLarge, 413);
    const urls = await uploads.presignParts({ ...request, unitId: user.unitId ?? '' });
    return c.json({ urls });
  });

  app.get('/unit/uploads/parts', async (c) => {
    const user = unitOf(c);
    if (user instanceof Response) return user;
    const fileName = FileName.safeParse(c.req.query('fileName'));
    const uploadId = UploadId.safeParse(c.req.query('uploadId'));
    if (!fileName.success || !uploadId.success) return invalid(c, '缺少上传标识或文件名。');
    const parts = await uploads.listParts({
      unitId: user.unitId ?? '',
      fileName: fileName.data,
      uploadId: uploadId.data,
    });
    if (!parts) return invalid(c, '没有这个上传，请重新上传。', 404);
    return c.json({ parts });
  });

  app.post('/unit/uploads/complete', async (c) => {
    const user = unitOf(c);
    if (user instanceof Response) return user;
    const request = await body(c, Complete);
    if (request instanceof Response) return request;
    const target = { unitId: user.unitId ?? '', fileName: request.fileName, uploadId: request.uploadId };
    if (request.size > maxBundleBytes) return invalid(c, tooLarge, 413);
    // What storage holds decides, not what the browser says it sent: every part there, each of its expected size.
    const parts = await uploads.listParts(target);
    if (!parts) return invalid(c, '没有这个上传，请重新上传。', 404);
    const count = partCount(request.size, uploads.partSize);
    const stored = parts.reduce((sum, p) => sum + p.size, 0);
    if (stored > maxBundleBytes) {
      await uploads.abort(target);
      return invalid(c, tooLarge, 413);
    }
    const expected = (n: number) => (n < count ? uploads.partSize : request.size - (count - 1) * uploads.partSize);
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter(
      (n) => parts.find((p) => p.partNumber === n)?.size !== expected(n),
    );
    if (missing.length > 0 || parts.length !== count)
      return c.json({ message: '上传尚未完成，请继续上传。', missing }, 409);
    const { bundleId } = await uploads.complete({ ...target, parts, uploadedBy: user.name });
    return c.json({ bundleId, location: `/bundles/${bundleId}` });
  });

  app.post('/unit/uploads/abort', async (c) => {
    const user = unitOf(c);
    if (user instanceof Response) return user;
    const request = await body(c, Complete.omit({ size: true }));
    if (request instanceof Response) return request;
    await uploads.abort({ ...request, unitId: user.unitId ?? '' });
    return c.json({ aborted: true });
  });
}
