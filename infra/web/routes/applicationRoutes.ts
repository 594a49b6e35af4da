import { z } from 'zod';
import { DecisionStage } from '../../../shared/actions/recordDecision.js';
import { Department } from '../../../shared/domain/consultation/department.js';
import { score as parseScore } from '../../local/valueChecks.js';
import { actorOf, reportFor, visibleApplication } from '../access.js';
import { applicationResponder } from './applicationResponder.js';
import { type ConsoleHono, everyone, idPattern, type RouteKit } from './routeKit.js';

export const maxEvidenceBytes = 20 * 1024 * 1024;

const OpinionForm = z.object({
  department: Department,
  opinion: z.enum(['no_objection', 'adverse']),
  summary: z.string().trim().min(1, '请填写意见摘要').max(2000),
});
const DecisionForm = z.object({
  stage: DecisionStage,
  outcome: z.enum(['pass', 'reject']),
  reason: z.string().trim().min(1, '请填写理由').max(4000),
  score: z.string().trim().optional(),
});

/** One application: its page, its report JSON, and the consultation and decision forms. */
export function applicationRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, requireUser, notFound } = kit;
  const { show, act, invalid } = applicationResponder(kit);

  app.get('/applications/:id', async (c) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    return idPattern.test(id) ? show(c, user, id) : notFound(c);
  });

  app.get('/applications/:id/report.json', async (c) => {
    const user = requireUser(c, everyone);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    const meta = idPattern.test(id) ? await visibleApplication(backend, user, id) : undefined;
    const report = meta ? await reportFor(backend, user, id) : undefined;
    if (!report) return notFound(c);
    c.header('Content-Disposition', `attachment; filename="${id}-report.json"`);
    return c.json({ applicationId: id, masked: report.masked, report: report.report });
  });

  app.post('/applications/:id/consultations', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    const body = await c.req.parseBody();
    const form = OpinionForm.safeParse(body);
    if (!form.success) return invalid(c, user, id, form.error.issues[0]?.message ?? '');
    const evidence = body.evidence;
    if (!(evidence instanceof File) || evidence.size === 0) return invalid(c, user, id, '请上传回复的征求意见表');
    if (evidence.size > maxEvidenceBytes) return invalid(c, user, id, '征求意见表文件超过 20 MB');
    const bytes = new Uint8Array(await evidence.arrayBuffer());
    return act(c, user, id, 'opinion', () =>
      backend.recordOpinion({
        actor: actorOf(user),
        applicationId: id,
        ...form.data,
        evidence: { name: evidence.name, bytes },
      }),
    );
  });

  app.post('/applications/:id/consultations/departments', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    const department = Department.safeParse((await c.req.parseBody()).department);
    if (!department.success) return invalid(c, user, id, '请选择部门');
    return act(c, user, id, 'departments', () =>
      backend.requireDepartments({ actor: actorOf(user), applicationId: id, departments: [department.data] }),
    );
  });

  app.post('/applications/:id/decisions', async (c) => {
    const user = requireUser(c, ['reviewer', 'recommending_unit']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    const form = DecisionForm.safeParse(await c.req.parseBody());
    if (!form.success) return invalid(c, user, id, form.error.issues[0]?.message ?? '');
    let score: number | undefined;
    if (form.data.score) {
      const parsed = parseScore(form.data.score);
      if (!parsed.ok) return invalid(c, user, id, '得分应为 0–100 的数字，最多两位小数');
      score = parsed.value;
    }
    const { stage, outcome, reason } = form.data;
    return act(c, user, id, 'decision', () =>
      backend.decide({
        actor: actorOf(user),
        applicationId: id,
        stage,
        outcome,
        reasons: reason,
        ...(score === undefined ? {} : { score }),
      }),
    );
  });
}
