import { ActionError } from '../../../shared/actions/actionError.js';
import { decisionRoles } from '../../../shared/actions/recordDecision.js';
import { reportFor, visibleApplication } from '../access.js';
import { applicationPage } from '../pages/applicationPage.js';
import type { ConsoleUser } from '../users.js';
import { type C, type RouteKit, statusOf } from './routeKit.js';

export type FormError = { status: 400 | 403 | 404 | 409; message: string };

/** The notices a form's redirect asks for (`?done=…`). */
const notices: Record<string, string> = {
  opinion: '已记录部门意见。',
  departments: '已增加需征求意见的部门。',
  decision: '已记录决定。',
};

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
    // At 征求意见 a decision is only for an adverse opinion; otherwise the last opinion moves the application on.
    const consultationDecides = consultation.complete && consultation.adverse.length > 0;
    const canDecide =
      meta.status === 'ACTIVE' &&
      allowed?.includes(user.role) === true &&
      (meta.stage !== 'CONSULTATION' || consultationDecides);
    const notice = notices[c.req.query('done') ?? ''];
    const view = {
      meta,
      ...(report ? { report } : {}),
      consultation,
      ...(canDecide ? { decisionStage: meta.stage } : {}),
      canConsult: user.role === 'reviewer' && meta.stage === 'CONSULTATION',
      canSeeHistory: user.role !== 'recommending_unit',
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
        if (!(error instanceof ActionError)) throw error;
        return show(c, user, id, { status: statusOf(error), message: `操作未完成（${error.code}）：${error.message}` });
      }
      return c.redirect(`/applications/${id}?done=${done}`, 303);
    },
    invalid: (c: C, user: ConsoleUser, id: string, message: string) =>
      show(c, user, id, { status: 400, message: `填写有误：${message}` }),
  };
}
