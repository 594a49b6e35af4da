import { z } from 'zod';
import type { Objector } from '../../../shared/actions/objectorIdentity.js';
import { CalendarYearNotCovered } from '../../../shared/domain/calendar/index.js';
import { stages } from '../../../shared/domain/track/stage.js';
import type { ClockMove } from '../../local/clockMove.js';
import { isoInstant } from '../../local/valueChecks.js';
import { actorOf, visibleApplication } from '../access.js';
import { statusLabels } from '../consoleLabels.js';
import { clockPage } from '../pages/clockPage.js';
import { applicationResponder } from './applicationResponder.js';
import { maxEvidenceBytes } from './applicationRoutes.js';
import { type C, type ConsoleHono, idPattern, type RouteKit } from './routeKit.js';

const text = (max: number) => z.string().trim().max(max).default('');

const ObjectionForm = z.object({
  stage: z.enum(['SOCIAL_PUBLICITY', 'RESULT_PUBLICITY'], '公示阶段不对'),
  objectorKind: z.enum(['person', 'unit', 'anonymous'], '请选择异议人类型'),
  personName: text(100),
  idNumber: text(40),
  phone: text(40),
  unitName: text(200),
  contactName: text(100),
  contact: text(200),
  content: z.string('请填写异议内容').trim().min(1, '请填写异议内容').max(8000),
});

const ResolveForm = z.object({
  objectionId: z.string('请选择异议').regex(/^OBJ-[0-9a-f]{12}$/, '请选择异议'),
  outcome: z.enum(['upheld', 'dismissed'], '请选择处理结果'),
  reason: z.string('请填写处理理由').trim().min(1, '请填写处理理由').max(4000),
});

const ClockForm = z.object({
  mode: z.enum(['workingDays', 'calendarDays', 'set'], '请选择调整方式'),
  days: z.string().trim().default(''),
  at: z.string().trim().default(''),
  back: z.string().default(''),
});

/** The objector as the written objection gives them (the action decides whether that is a real identity). */
function objectorOf(form: z.infer<typeof ObjectionForm>): Objector {
  if (form.objectorKind === 'person')
    return {
      kind: 'person',
      name: form.personName,
      idNumber: form.idNumber,
      ...(form.phone ? { phone: form.phone } : {}),
    };
  if (form.objectorKind === 'unit')
    return {
      kind: 'unit',
      unitName: form.unitName,
      ...(form.contactName ? { contactName: form.contactName } : {}),
      contact: form.contact,
    };
  return { kind: 'anonymous' };
}

/** An optional evidence upload: the file, nothing, or the reason it is refused. */
async function optionalEvidence(value: unknown): Promise<{ name: string; bytes: Uint8Array } | undefined | string> {
  if (!(value instanceof File) || value.size === 0) return undefined;
  if (value.size > maxEvidenceBytes) return '材料文件超过 20 MB';
  return { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
}

/** Where the clock page links back to: an application page, or nowhere. */
const backLink = (back: string) => (/^\/applications\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(back) ? back : '');

/** The clock move a form asks for, or the reason it is refused. */
function clockMoveOf(form: z.infer<typeof ClockForm>, now: Date): ClockMove | string {
  if (form.mode === 'set') {
    const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(form.at) ? isoInstant(`${form.at}+08:00`) : undefined;
    if (!at?.ok) return '请填写指定时间（北京时间）';
    const instant = new Date(at.value);
    if (instant.getTime() <= now.getTime()) return '本地时钟只能向后调整';
    return { kind: 'set', at: instant };
  }
  if (!/^\d{1,3}$/.test(form.days) || Number(form.days) < 1 || Number(form.days) > 365) return '天数应为 1–365 的整数';
  const days = Number(form.days);
  return form.mode === 'workingDays' ? { kind: 'workingDays', days } : { kind: 'advance', ms: days * 86_400_000 };
}

/**
 * Written objections received in a 公示 window (recorded and resolved by the office), and the reviewer's local
 * clock, which is what closes the windows on the local runtime (absent on a backend without one: 404).
 */
export function publicityRoutes(app: ConsoleHono, kit: RouteKit): void {
  const { backend, requireUser, notFound, page, frame } = kit;
  const { act, invalid } = applicationResponder(kit);

  app.post('/applications/:id/objections', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    const meta = idPattern.test(id) ? await visibleApplication(backend, user, id) : undefined;
    if (!meta) return notFound(c);
    const body = await c.req.parseBody();
    const form = ObjectionForm.safeParse(body);
    if (!form.success) return invalid(c, user, id, form.error.issues[0]?.message ?? '');
    const { stage, content } = form.data;
    const window = (await backend.publicity(id)).find((w) => w.stage === stage);
    if (meta.stage !== stage || !window?.open)
      return invalid(c, user, id, `现在不在${stages[stage].name}期内，只能记录公示期内收到的异议`);
    const evidence = await optionalEvidence(body.evidence);
    if (typeof evidence === 'string') return invalid(c, user, id, evidence);
    return act(c, user, id, 'objection', () =>
      backend.lodgeObjection({
        actor: actorOf(user),
        applicationId: id,
        stage,
        objector: objectorOf(form.data),
        content,
        ...(evidence ? { evidence } : {}),
      }),
    );
  });

  app.post('/applications/:id/objections/resolve', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const id = c.req.param('id');
    if (!idPattern.test(id) || !(await visibleApplication(backend, user, id))) return notFound(c);
    const body = await c.req.parseBody();
    const form = ResolveForm.safeParse(body);
    if (!form.success) return invalid(c, user, id, form.error.issues[0]?.message ?? '');
    const evidence = await optionalEvidence(body.evidence);
    if (typeof evidence === 'string') return invalid(c, user, id, evidence);
    const { objectionId, outcome, reason } = form.data;
    return act(c, user, id, 'objection-resolved', () =>
      backend.resolveObjection({
        actor: actorOf(user),
        applicationId: id,
        objectionId,
        outcome,
        reasons: reason,
        ...(evidence ? { evidence } : {}),
      }),
    );
  });

  const showClock = async (c: C, options: { back?: string; error?: string } = {}) => {
    const clock = backend.localClock;
    if (!clock) return notFound(c);
    const moved = [];
    for (const id of (c.req.query('moved') ?? '')
      .split(',')
      .filter((m) => idPattern.test(m))
      .slice(0, 200)) {
      const meta = await backend.application(id);
      if (meta)
        moved.push({
          applicationId: id,
          name: meta.name,
          stage: stages[meta.stage].name,
          status: statusLabels[meta.status] ?? meta.status,
        });
    }
    const back = backLink(options.back ?? c.req.query('back') ?? '');
    return page(
      c,
      clockPage(frame(c, '本地时钟'), {
        clock: { now: clock.now().toISOString(), fixed: clock.fixed() },
        ...(c.req.query('done') === 'clock' && !options.error ? { moved } : {}),
        ...(back ? { back } : {}),
        ...(options.error ? { error: options.error } : {}),
      }),
      options.error ? 400 : 200,
    );
  };

  app.get('/clock', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    return showClock(c);
  });

  app.post('/clock', async (c) => {
    const user = requireUser(c, ['reviewer']);
    if (user instanceof Response) return user;
    const clock = backend.localClock;
    if (!clock) return notFound(c);
    const form = ClockForm.safeParse(await c.req.parseBody());
    if (!form.success) return showClock(c, { error: `填写有误：${form.error.issues[0]?.message ?? ''}` });
    const back = backLink(form.data.back);
    const move = clockMoveOf(form.data, clock.now());
    if (typeof move === 'string') return showClock(c, { back, error: `填写有误：${move}` });
    let moved: Awaited<ReturnType<typeof clock.move>>;
    try {
      moved = await clock.move(move);
    } catch (error) {
      if (!(error instanceof CalendarYearNotCovered)) throw error;
      return showClock(c, { back, error: `填写有误：节假日安排尚未覆盖该年份（${error.message}）` });
    }
    const query = new URLSearchParams({ done: 'clock', moved: moved.map((m) => m.applicationId).join(',') });
    if (back) query.set('back', back);
    return c.redirect(`/clock?${query}`, 303);
  });
}
