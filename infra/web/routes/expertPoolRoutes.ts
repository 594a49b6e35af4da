import { defaultPoolId } from '../../local/panelDrawRequest.js';
import { expertPoolPage } from '../pages/expertPoolPage.js';
import type { ConsoleUser } from '../users.js';
import type { C, ConsoleHono, PageStatus, RouteKit } from './routeKit.js';

const maxPoolBytes = 5 * 1024 * 1024;

/** The expert pool the panels are drawn from: reviewers and auditors read it, reviewers load a pool file. */
export function expertPoolRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, requireUser, page, frame } = kit;

  const show = async (c: C, user: ConsoleUser, message?: { status: PageStatus; error?: string; notice?: string }) =>
    page(
      c,
      expertPoolPage(frame(c, '专家库'), {
        poolId: defaultPoolId,
        experts: await backend.experts(defaultPoolId),
        canLoad: user.role === 'reviewer',
        ...(message?.notice ? { notice: message.notice } : {}),
        ...(message?.error ? { error: message.error } : {}),
      }),
      message?.status ?? 200,
    );

  app.get('/experts', async (c) => {
    const user = requireUser(c, ['reviewer', 'auditor']);
    if (user instanceof Response) return user;
    const loaded = c.req.query('loaded');
    return show(c, user, {
      status: 200,
      ...(loaded && /^\d+$/.test(loaded) ? { notice: `已载入 ${loaded} 名专家。` } : {}),
    });
  });

  app.post('/experts', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const file = (await c.req.parseBody()).pool;
    if (!(file instanceof File) || file.size === 0)
      return show(c, user, { status: 400, error: '填写有误：请选择专家库文件（.json）。' });
    if (file.size > maxPoolBytes) return show(c, user, { status: 400, error: '填写有误：专家库文件超过 5 MB。' });
    try {
      const loaded = await backend.loadExperts({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return c.redirect(`/experts?loaded=${loaded.count}`, 303);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return show(c, user, { status: 400, error: `专家库文件不符合格式，未载入：${detail}` });
    }
  });
}
