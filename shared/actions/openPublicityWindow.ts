import { z } from 'zod';
import { CalendarYearNotCovered } from '../domain/calendar/errors.js';
import { publicityWindow } from '../domain/calendar/publicityWindow.js';
import { Stage, stageKind } from '../domain/track/stage.js';
import {
  type ActionContext,
  ActionEnvelope,
  type ActionResult,
  appendAction,
  parseRequest,
  requireNotPaused,
  requireRole,
  requireStage,
} from './actionContext.js';
import { ActionError } from './actionError.js';
import { campaignOf } from './campaignOf.js';

export const publicityOpenedEventType = 'PUBLICITY_OPENED';

export const OpenPublicityWindowRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  stage: Stage.refine((s) => stageKind(s) === 'publicity', 'not a publicity stage'),
  /** Defaults to now. */
  opensAt: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Opens the 公示 window of the stage: its length in working days comes from the campaign (per track, social or
 * result publicity) and `publicityWindow` counts it on the Chinese working-day calendar; a year the calendar does
 * not cover is refused. The window item is a projection of the PUBLICITY_OPENED event.
 */
export async function openPublicityWindow(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(OpenPublicityWindowRequest, request);
  requireRole(r.actor.role, ['reviewer', 'system'], 'openPublicityWindow');
  const { event, replayed } = await appendAction(ctx, r, (state) => {
    const meta = requireStage(state, r.stage);
    requireNotPaused(state);
    if (state.events.some((e) => e.type === publicityOpenedEventType && e.stage === r.stage))
      throw new ActionError('WINDOW_ALREADY_OPENED', `the ${r.stage} window of ${meta.applicationId} is already open`);
    const campaign = campaignOf(meta.campaign);
    const days = campaign.publicity.workingDays[meta.track][r.stage === 'SOCIAL_PUBLICITY' ? 'social' : 'result'];
    const opensAt = r.opensAt ?? ctx.now().toISOString();
    let window: ReturnType<typeof publicityWindow>;
    try {
      window = publicityWindow(opensAt, days, { firstDayCounts: campaign.publicity.firstDayCounts });
    } catch (error) {
      if (error instanceof CalendarYearNotCovered) throw new ActionError('CALENDAR_NOT_COVERED', error.message);
      throw error;
    }
    return {
      type: publicityOpenedEventType,
      stage: r.stage,
      actor: r.actor.id,
      role: r.actor.role,
      at: ctx.now().toISOString(),
      data: {
        opensAt: window.opensAt,
        closesAt: window.closesAt,
        workingDays: days,
        firstDayCounts: campaign.publicity.firstDayCounts,
        days: window.days,
      },
    };
  });
  const d = event.data as { opensAt: string; closesAt: string; workingDays: number; days: string[] };
  await ctx.repo.putWindow(
    {
      applicationId: r.applicationId,
      stage: r.stage,
      opensAt: d.opensAt,
      closesAt: d.closesAt,
      firstDay: d.days[0] ?? '',
      lastDay: d.days.at(-1) ?? '',
      workingDays: d.workingDays,
      openedSeq: event.seq,
    },
    event,
  );
  return { applicationId: r.applicationId, events: [event], replayed };
}
