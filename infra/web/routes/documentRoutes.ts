import { visibleApplication } from '../access.js';
import type { ConsoleDocument } from '../documentBackend.js';
import { type C, type ConsoleHono, everyone, idPattern, type RouteKit } from './routeKit.js';

/**
 * A PDF shown by the browser's own viewer: nothing of the document may run or load anything (no script, sandboxed
 * to an opaque origin). Chromium's viewer renders under `sandbox` and `default-src 'none'` (checked with 156);
 * `object-src 'self'` keeps older viewers, which embed the PDF as a plugin object, working.
 */
const inlineCsp = "default-src 'none'; object-src 'self'; frame-ancestors 'self'; sandbox";
/** A download is never rendered; should a browser try, nothing in it runs. */
const downloadCsp = "default-src 'none'; sandbox";

/** RFC 5987 attr-char: what may stand unencoded in `filename*`. */
const attrChar = /[A-Za-z0-9!#$&+\-.^_`|~]/;

/**
 * `inline|attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with an RFC 5987 value): the name as uploaded for
 * browsers that read `filename*`, a plain ASCII name (document-N.ext) for the rest.
 */
export function contentDisposition(kind: 'inline' | 'attachment', document: ConsoleDocument): string {
  const name = document.downloadName || `document-${document.index + 1}`;
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0] ?? '';
  const fallback = `document-${document.index + 1}${extension}`;
  const encoded = [...Buffer.from(name, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      return b < 0x80 && attrChar.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * The documents of an application: `/applications/:id/documents/:n` shows a PDF the browser may show (so
 * `#page=P` opens that page) and downloads anything else; `…/:n/download` always downloads. `n` is an index into the
 * application's document list, never a path. A unit reaches only its own applications' documents (another unit's →
 * 404); reviewers and auditors all. Untrusted files go out only as application/octet-stream attachments, and files
 * the intake did not keep are not served at all.
 */
export function documentRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, requireUser, notFound } = kit;

  const serve = (mode: 'view' | 'download') => async (c: C) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('id') ?? '';
    const n = c.req.param('n') ?? '';
    if (!idPattern.test(id) || !/^(0|[1-9][0-9]{0,4})$/.test(n)) return notFound(c);
    if (!(await visibleApplication(backend, user, id))) return notFound(c);
    const file = await backend.documentFile(id, Number(n));
    if (!file) return notFound(c);
    const { document, bytes } = file;
    const inline = mode === 'view' && document.delivery === 'inline';
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': inline ? 'application/pdf' : document.contentType,
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', document),
      'Content-Security-Policy': inline ? inlineCsp : downloadCsp,
      'Content-Length': String(bytes.byteLength),
    });
  };

  app.get('/applications/:id/documents/:n', serve('view'));
  app.get('/applications/:id/documents/:n/download', serve('download'));
}
