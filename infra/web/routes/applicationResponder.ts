import { ActionError } from '../../../shared/actions/actionError.js';
import { scopeStage } from '../../../shared/actions/finaliseCampaign.js';
import { decisionRoles } from '../../../shared/actions/recordDecision.js';
import { maskPersonalData, seesPersonalData } from '../../../shared/domain/access/maskPersonalData.js';
import { stageKind } from '../../../shared/domain/track/stage.js';
import { RefusedError } from '../../local/refusedError.js';
import { reportFor, visibleApplication } from '../access.js';
import { documentsFor } from '../documentBackend.js';
import { applicationPage } from '../pages/applicationPage.js';
import { refusal } from '../refusalMessages.js';
import type { ConsoleUser } from '../users.js';
import { type C, type RouteKit, statusOf } from './routeKit.js';

export type FormError = { status: 400 | 403 | 404 | 409; message: string };

/** The notices a form's redirect asks for (`?done=…`). */
const notices: Record<string, string> = {
  opinion: '已记录部门意见。',
  departments: '已增加需征求意见的部门。',
  decision: '已记录决定。',
  objection: '已记录异议。',
  'objection-resolved': '已记录异议处理结果。',
  'panel-drawn': '已随机抽取专家。',
  'panel-scored': '已记录专家评分。',
};

const finalisationStages: readonly string[] = Object.values(scopeStage);

/**
 * The application page as this user may see it, and the way every form on it answers: a refused or invalid form
 * re-renders the page with the reason; a done one redirects back with a notice.
 */
export function applicationResponder(kit: RouteKit) {
  const { backend, page, frame, notFound } = kit;

  const show = async (c: C, user: ConsoleUser, applicationId: string, error?: FormError) => {
    const meta = await visibleApplication(backend, user, applicationId);
    if (!meta) return notFound(c);
    const report = await reportFor(backend, user, applicationId);
    const allowed = (decisionRoles as Record<string, readonly string[]>)[meta.stage];
    const consultation = await backend.consultation(applicationId);
    const windows = await backend.publicity(applicationId);
    const kind = stageKind(meta.stage);
    const reviewer = user.role === 'reviewer';
    const office = user.role !== 'recommending_unit';
    const panels = office ? await backend.panels(applicationId) : [];
    const current = panels.find((p) => p.stage === meta.stage);
    // At 征求意见 a decision is only for an adverse opinion; otherwise the last opinion moves the application on.
    const consultationDecides = consultation.complete && consultation.adverse.length > 0;
    const canDecide =
      meta.status === 'ACTIVE' &&
      allowed?.includes(user.role) === true &&
      (meta.stage !== 'CONSULTATION' || consultationDecides) &&
      (kind !== 'panel' || current?.scores !== undefined);
    let objections: Awaited<ReturnType<typeof backend.objections>> = [];
    let masked = false;
    if (office) {
      objections = await backend.objections(applicationId);
      const needRecorded = user.role === 'auditor' && (await backend.disclosureGranted(applicationId, user.name));
      masked = !seesPersonalData(user.role, needRecorded);
      if (masked) objections = maskPersonalData(objections);
    }
    const openWindow = windows.find((w) => w.stage === meta.stage && w.open);
    const panelAction =
      reviewer && kind === 'panel' && meta.status === 'ACTIVE' && current
        ? current.status !== 'DRAWN'
          ? ('draw' as const)
          : current.scores
            ? undefined
            : ('score' as const)
        : undefined;
    const clock = backend.localClock;
    const notice = notices[c.req.query('done') ?? ''];
    const view = {
      meta,
      ...(report ? { report } : {}),
      ...(await documentsFor(backend, applicationId, report?.masked ?? true)),
      consultation,
      ...(canDecide ? { decisionStage: meta.stage } : {}),
      canConsult: reviewer && meta.stage === 'CONSULTATION',
      canSeeHistory: office,
      publicity: { windows, now: backend.now().toISOString() },
      ...(reviewer && clock && kind === 'publicity'
        ? { clock: { now: clock.now().toISOString(), fixed: clock.fixed() } }
        : {}),
      ...(office
        ? {
            objections: {
              objections,
              masked,
              canResolve: reviewer,
              ...(reviewer && openWindow ? { lodgeStage: openWindow.stage } : {}),
            },
            panels: { panels, ...(panelAction ? { action: { stage: meta.stage, kind: panelAction } } : {}) },
          }
        : {}),
      ...(office && finalisationStages.includes(meta.stage) && meta.status === 'ACTIVE'
        ? { finalisationHref: `/campaigns/${meta.campaign}/finalisation` }
        : {}),
      ...(notice && !error ? { notice } : {}),
      ...(error ? { error: error.message } : {}),
    };
    return page(c, applicationPage(frame(c, meta.name || meta.applicationId), view), error?.status ?? 200);
  };

  return {
    show,
    /** Runs a form's action on a visible application; a refusal re-renders the page with the reason. */
    async act(c: C, user: ConsoleUser, id: string, done: string, work: () => Promise<unknown>) {
      try {
        await work();
      } catch (error) {
        if (error instanceof RefusedError)
          return show(c, user, id, { status: 409, message: `操作未完成：${error.message}` });
        if (!(error instanceof ActionError)) throw error;
        return show(c, user, id, { status: statusOf(error), message: refusal(error) });
      }
      return c.redirect(`/applications/${id}?done=${done}`, 303);
    },
    invalid: (c: C, user: ConsoleUser, id: string, message: string) =>
      show(c, user, id, { status: 400, message: `填写有误：${message}` }),
  };
}
