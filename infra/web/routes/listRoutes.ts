import { Stage } from '../../../shared/domain/track/stage.js';
import { Track } from '../../../shared/domain/track/track.js';
import { applicationListTable, listDownload, queueTable } from '../listExport.js';
import { applicationsPage } from '../pages/applicationsPage.js';
import { taskQueuePage } from '../pages/taskQueuePage.js';
import { type QueueFilter, shownQueue } from '../queueView.js';
import type { C, ConsoleHono, RouteKit } from './routeKit.js';

/** The office's lists: every application (reviewers and auditors) and the reviewer's task queue, with exports. */
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
  for (const format of ['csv', 'xlsx'] as const)
    app.get(`/applications.${format}`, async (c) => {
      const user = requireUser(c, ['reviewer', 'auditor']);
      if (user instanceof Response) return user;
      return listDownload(c, applicationListTable(await backend.applications()), format, 'applications', '全部申报');
    });

  /** The queue and its filter from the query (unknown values are ignored, as on the page). */
  const queue = async (c: C) => {
    const q = c.req.query();
    const track = Track.safeParse(q.track);
    const stage = Stage.safeParse(q.stage);
    const entries = await backend.queue();
    const units = [...new Set(entries.map((e) => e.meta.unitId))].sort();
    const filter: QueueFilter = {
      ...(track.success ? { track: track.data } : {}),
      ...(stage.success ? { stage: stage.data } : {}),
      ...(q.unit && units.includes(q.unit) ? { unit: q.unit } : {}),
    };
    return { entries, units, filter };
  };

  app.get('/queue', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const { entries, units, filter } = await queue(c);
    return page(c, taskQueuePage(frame(c, '待办任务'), entries, filter, units));
  });
  for (const format of ['csv', 'xlsx'] as const)
    app.get(`/queue.${format}`, async (c) => {
      const user = requireUser(c, ['reviewer']);
      if (user instanceof Response) return user;
      const { entries, filter } = await queue(c);
      return listDownload(c, queueTable(shownQueue(entries, filter)), format, 'queue', '待办任务');
    });
}
