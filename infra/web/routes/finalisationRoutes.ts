import { z } from 'zod';
import { ActionError } from '../../../shared/actions/actionError.js';
import { availableCampaigns } from '../../../shared/domain/campaign/loadCampaign.js';
import { finalisationScopes } from '../../local/campaignFinalisation.js';
import { campaignYear } from '../../local/valueChecks.js';
import { actorOf } from '../access.js';
import { finalisationTable, listDownload } from '../listExport.js';
import { finalisationPage } from '../pages/finalisationPage.js';
import { refusal } from '../refusalMessages.js';
import type { ConsoleUser } from '../users.js';
import { type C, type ConsoleHono, type PageStatus, type RouteKit, statusOf } from './routeKit.js';

const FinaliseForm = z.object({
  scope: z.enum(finalisationScopes, '评选类别不对'),
  confirm: z.literal('yes', '请勾选确认后再确定评选结果'),
});

const notices: Record<string, string> = { finalised: '已确定评选结果，入选的申报进入评选结果公示。' };

/**
 * A campaign's finalisation (领导小组审核 for QM, 综合评选 for SI): the quotas and the 20 % cap, the applications
 * waiting with their scores, the reviewer's 确定评选结果 form (the same glue as `award finalize`), and the ranking.
 * Auditors read it; units have no access.
 */
export function finalisationRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, requireUser, notFound, page, frame } = kit;

  const show = async (c: C, user: ConsoleUser, year: string, error?: { status: PageStatus; message: string }) => {
    const scopes = await Promise.all(finalisationScopes.map((scope) => backend.finalisation(year, scope)));
    const notice = notices[c.req.query('done') ?? ''];
    return page(
      c,
      finalisationPage(frame(c, `${year} 年度评选结果`), {
        campaign: year,
        scopes,
        canFinalise: user.role === 'reviewer',
        ...(notice && !error ? { notice } : {}),
        ...(error ? { error: error.message } : {}),
      }),
      error?.status ?? 200,
    );
  };

  app.get('/finalisation', (c) => {
    const user = requireUser(c, ['reviewer', 'auditor']);
    if (user instanceof Response) return user;
    const latest = availableCampaigns().at(-1);
    return latest ? c.redirect(`/campaigns/${latest}/finalisation`, 303) : notFound(c);
  });

  app.get('/campaigns/:year/finalisation', async (c) => {
    const user = requireUser(c, ['reviewer', 'auditor']);
    if (user instanceof Response) return user;
    const year = c.req.param('year');
    return campaignYear(year).ok ? show(c, user, year) : notFound(c);
  });

  // The recorded ranking of one scope as a file (reviewers and auditors): ?scope=QM or SI.
  for (const format of ['csv', 'xlsx'] as const)
    app.get(`/campaigns/:year/finalisation.${format}`, async (c) => {
      const user = requireUser(c, ['reviewer', 'auditor']);
      if (user instanceof Response) return user;
      const year = c.req.param('year');
      const scope = z.enum(finalisationScopes).safeParse(c.req.query('scope'));
      if (!campaignYear(year).ok || !scope.success) return notFound(c);
      const view = await backend.finalisation(year, scope.data);
      return listDownload(c, finalisationTable(view), format, `${year}-${scope.data}-results`, '评选结果');
    });

  app.post('/campaigns/:year/finalisation', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const year = c.req.param('year');
    if (!campaignYear(year).ok) return notFound(c);
    const form = FinaliseForm.safeParse(await c.req.parseBody());
    if (!form.success)
      return show(c, user, year, { status: 400, message: `填写有误：${form.error.issues[0]?.message ?? ''}` });
    try {
      await backend.finalise({ actor: actorOf(user), campaign: year, scope: form.data.scope });
    } catch (error) {
      if (!(error instanceof ActionError)) throw error;
      return show(c, user, year, {
        status: statusOf(error),
        message: refusal(error),
      });
    }
    return c.redirect(`/campaigns/${year}/finalisation?done=finalised`, 303);
  });
}
