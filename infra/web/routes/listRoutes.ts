import { Stage } from '../../../shared/domain/track/stage.js';
import { Track } from '../../../shared/domain/track/track.js';
import { applicationsPage } from '../pages/applicationsPage.js';
import { taskQueuePage } from '../pages/taskQueuePage.js';
import type { ConsoleHono, RouteKit } from './routeKit.js';

/** The office's lists: every application (reviewers and auditors) and the reviewer's task queue. */
export function listRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, page, frame, requireUser } = kit;

  app.get('/applications', async (c) => {
    const user = requireUser(c, ['reviewer', 'auditor']);
    if (user instanceof Response) return user;
    return page(
      c,
      applicationsPage(frame(c, user.role === 'auditor' ? '申报与履历核验' : '全部申报'), await backend.applications()),
    );
  });

  app.get('/queue', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const q = c.req.query();
    const track = Track.safeParse(q.track);
    const stage = Stage.safeParse(q.stage);
    const entries = await backend.queue();
    const units = [...new Set(entries.map((e) => e.meta.unitId))].sort();
    const filter = {
      ...(track.success ? { track: track.data } : {}),
      ...(stage.success ? { stage: stage.data } : {}),
      ...(q.unit && units.includes(q.unit) ? { unit: q.unit } : {}),
    };
    return page(c, taskQueuePage(frame(c, '待办任务'), entries, filter, units));
  });
}
