import { actorOf, visibleApplication } from '../access.js';
import { historyPage } from '../pages/historyPage.js';
import { type C, type ConsoleHono, idPattern, type RouteKit } from './routeKit.js';

/**
 * An application's hash-chained history, verified, with its panel draws re-verified, as a page; and as JSON/CSV
 * exports (reviewers and auditors).
 */
export function historyRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, page, frame, requireUser, notFound } = kit;
  const historyRoute = (format: 'page' | 'json' | 'csv') => async (c: C) => {
    const user = requireUser(c, ['reviewer', 'auditor']);
    if (user instanceof Response) return user;
    const id = c.req.param('id') ?? '';
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    if (format === 'csv') {
      c.header('Content-Disposition', `attachment; filename="${id}-history.csv"`);
      return c.body(await backend.historyCsv(actorOf(user), id), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    const exported = await backend.history(actorOf(user), id, 'json');
    if (format === 'json') {
      c.header('Content-Disposition', `attachment; filename="${id}-history.json"`);
      return c.json(exported);
    }
    const draws = await backend.panelDrawChecks(id);
    return page(c, historyPage(frame(c, `履历：${id}`), exported, draws));
  };
  app.get('/applications/:id/history', historyRoute('page'));
  app.get('/applications/:id/history.json', historyRoute('json'));
  app.get('/applications/:id/history.csv', historyRoute('csv'));
}
