import { z } from 'zod';
import { Stage, stageKind } from '../../../shared/domain/track/stage.js';
import { score as parseScore } from '../../local/valueChecks.js';
import { actorOf, visibleApplication } from '../access.js';
import { scoreField } from '../pages/panelSection.js';
import { applicationResponder } from './applicationResponder.js';
import { maxEvidenceBytes } from './applicationRoutes.js';
import { type ConsoleHono, idPattern, type RouteKit } from './routeKit.js';

const PanelStage = Stage.refine((s) => stageKind(s) === 'panel');
const DrawForm = z.object({
  stage: z.string(),
  industryGroup: z.string().trim().max(100).optional(),
});

/** Random expert panels at the panel stages: the draw from the pool, and the members' scores with the sheets. */
export function panelRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, requireUser, notFound } = kit;
  const { act, invalid } = applicationResponder(kit);

  app.post('/applications/:id/panels/draw', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    const form = DrawForm.safeParse(await c.req.parseBody());
    const stage = PanelStage.safeParse(form.data?.stage);
    if (!form.success || !stage.success) return invalid(c, user, id, '评审阶段不对');
    const industryGroup = form.data.industryGroup;
    return act(c, user, id, 'panel-drawn', () =>
      backend.drawPanel({
        actor: actorOf(user),
        applicationId: id,
        stage: stage.data,
        ...(industryGroup ? { industryGroup } : {}),
      }),
    );
  });

  app.post('/applications/:id/panels/scores', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    const body = await c.req.parseBody();
    const stage = PanelStage.safeParse(body.stage);
    if (!stage.success) return invalid(c, user, id, '评审阶段不对');
    const panel = (await backend.panels(id)).find((p) => p.stage === stage.data);
    if (panel?.status !== 'DRAWN') return invalid(c, user, id, '该阶段尚未抽取专家');
    const scores: { expertId: string; score: number }[] = [];
    for (const m of panel.members) {
      const value = body[scoreField(m.id)];
      const parsed = typeof value === 'string' ? parseScore(value) : undefined;
      if (!parsed?.ok) return invalid(c, user, id, `${m.name}（${m.id}）的评分应为 0–100 的数字，最多两位小数`);
      scores.push({ expertId: m.id, score: parsed.value });
    }
    const evidence = body.evidence;
    if (!(evidence instanceof File) || evidence.size === 0) return invalid(c, user, id, '请上传专家签字的评分表');
    if (evidence.size > maxEvidenceBytes) return invalid(c, user, id, '评分表文件超过 20 MB');
    const bytes = new Uint8Array(await evidence.arrayBuffer());
    return act(c, user, id, 'panel-scored', () =>
      backend.recordScores({
        actor: actorOf(user),
        applicationId: id,
        stage: stage.data,
        scores,
        evidence: { name: evidence.name, bytes },
      }),
    );
  });
}
