import { actorOf, visibleBundle } from '../access.js';
import { bundlePage } from '../pages/bundlePage.js';
import { messagePage } from '../pages/messagePage.js';
import { unitHomePage } from '../pages/unitHomePage.js';
import { uploadProgressPage } from '../pages/uploadProgressPage.js';
import type { ConsoleUser } from '../users.js';
import { type ConsoleHono, everyone, idPattern, type RouteKit } from './routeKit.js';

export const maxBundleBytes = 100 * 1024 * 1024;

/** A recommending unit's home and upload, and the bundle pages (a unit sees only its own bundles). */
export function unitRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, page, frame, requireUser, notFound } = kit;
  /** An upload this user may follow: a unit only its own; the office every one. */
  const visibleUpload = async (user: ConsoleUser, bundleId: string) => {
    const progress = await backend.intakeProgress(bundleId);
    return progress && (user.role !== 'recommending_unit' || progress.unitId === user.unitId) ? progress : undefined;
  };
  /** The report CSP: the stored report is a document of its own with inline styles, no script, no network. */
  const reportCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox";

  app.get('/unit', async (c) => {
    const user = requireUser(c, ['recommending_unit']);
    if (user instanceof Response) return user;
    const unitId = user.unitId ?? '';
    const [apps, listed] = await Promise.all([backend.applicationsOfUnit(unitId), backend.bundlesOfUnit(unitId)]);
    // Bundles recorded before they were listed by unit are still found through their applications.
    const unlisted = [...new Set(apps.map((a) => a.bundleId))].filter((id) => !listed.some((b) => b.bundleId === id));
    const older = await Promise.all(unlisted.map((id) => backend.bundle(id)));
    const bundles = [...listed, ...older.filter((b) => b !== undefined)];
    const recorded = new Set(bundles.map((b) => b.bundleId));
    const checking = (await backend.uploadsOfUnit(unitId)).filter(
      (u) => !recorded.has(u.bundleId) || u.state !== 'done',
    );
    return page(c, unitHomePage(frame(c, '我的材料与申报'), bundles, apps, checking));
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
    const result = await backend.startSubmit({
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
    if (!idPattern.test(id)) return notFound(c);
    const progress = await visibleUpload(user, id);
    if (progress && progress.state !== 'done') return page(c, uploadProgressPage(frame(c, '材料包检查中'), progress));
    const bundle = await visibleBundle(backend, user, id);
    if (!bundle) return notFound(c);
    const apps = (await Promise.all(bundle.applicationIds.map((a) => backend.application(a)))).filter(
      (a) => a !== undefined,
    );
    const hasReport = (await backend.bundleReportHtml(bundle.bundleId)) !== undefined;
    return page(c, bundlePage(frame(c, '材料包'), bundle, apps, hasReport));
  });

  // The upload page polls this until the check has ended, then shows the bundle's page.
  app.get('/bundles/:bundleId/status.json', async (c) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('bundleId');
    const progress = idPattern.test(id) ? await visibleUpload(user, id) : undefined;
    const bundle = idPattern.test(id) ? await visibleBundle(backend, user, id) : undefined;
    if (!progress && !bundle) return c.json({ message: '没有这个材料包。' }, 404);
    return c.json({
      state: progress?.state ?? 'done',
      filesRead: progress?.filesRead ?? 0,
      ...(progress?.files === undefined ? {} : { files: progress.files }),
    });
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
