import { actorOf, visibleBundle } from '../access.js';
import { bundlePage } from '../pages/bundlePage.js';
import { messagePage } from '../pages/messagePage.js';
import { unitHomePage } from '../pages/unitHomePage.js';
import { type ConsoleHono, everyone, idPattern, type RouteKit } from './routeKit.js';

export const maxBundleBytes = 100 * 1024 * 1024;

/** A recommending unit's home and upload, and the bundle pages (a unit sees only its own bundles). */
export function unitRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, page, frame, requireUser, notFound } = kit;
  /** The report CSP: the stored report is a document of its own with inline styles, no script, no network. */
  const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";

  app.get('/unit', async (c) => {
    const user = requireUser(c, ['recommending_unit']);
    if (user instanceof Response) return user;
    const apps = await backend.applicationsOfUnit(user.unitId ?? '');
    const bundleIds = [...new Set(apps.map((a) => a.bundleId))];
    const bundles = (await Promise.all(bundleIds.map((id) => backend.bundle(id)))).filter((b) => b !== undefined);
    return page(c, unitHomePage(frame(c, '我的材料与申报'), bundles, apps));
  });

  app.post('/unit/bundles', async (c) => {
    const user = requireUser(c, ['recommending_unit']);
    if (user instanceof Response) return user;
    const wantsJson = (c.req.header('accept') ?? '').includes('application/json');
    const refuse = (status: 400 | 413, message: string) =>
      wantsJson
        ? c.json({ message }, status)
        : page(c, messagePage(frame(c, '上传未成功'), message, { href: '/unit', label: '返回' }), status);
    const body = await c.req.parseBody();
    const file = body.bundle;
    if (!(file instanceof File) || file.size === 0) return refuse(400, '请选择要上传的材料包文件（.zip 或 .iso）。');
    if (file.size > maxBundleBytes) return refuse(413, '材料包超过 100 MB。');
    const result = await backend.submit({
      unitId: user.unitId ?? '',
      actor: actorOf(user),
      file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    const location = `/bundles/${result.bundleId}`;
    return wantsJson ? c.json({ location, bundleId: result.bundleId }) : c.redirect(location, 303);
  });

  app.get('/bundles/:bundleId', async (c) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('bundleId');
    const bundle = idPattern.test(id) ? await visibleBundle(backend, user, id) : undefined;
    if (!bundle) return notFound(c);
    const apps = (await Promise.all(bundle.applicationIds.map((a) => backend.application(a)))).filter(
      (a) => a !== undefined,
    );
    const hasReport = (await backend.bundleReportHtml(bundle.bundleId)) !== undefined;
    return page(c, bundlePage(frame(c, '材料包'), bundle, apps, hasReport));
  });

  app.get('/bundles/:bundleId/report.html', async (c) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('bundleId');
    const bundle = idPattern.test(id) ? await visibleBundle(backend, user, id) : undefined;
    const report = bundle ? await backend.bundleReportHtml(bundle.bundleId) : undefined;
    if (!report) return notFound(c);
    c.header('Content-Security-Policy', reportCsp);
    return c.html(report);
  });
}
