import { z } from 'zod';
import { Application, applicationKey } from '../domain/application/application.js';
import type { HistoryEvent } from '../domain/history/historyEvent.js';
import { registeredEventType, supersededEventType, supersedesEventType } from '../history/projectApplication.js';
import type { ApplicationMeta } from '../records/recordsRepository.js';
import {
  type ActionContext,
  ActionEnvelope,
  appendAction,
  parseRequest,
  requireApplication,
  requireRole,
} from './actionContext.js';
import { ActionError } from './actionError.js';

export const SupersedeRequest = ActionEnvelope.omit({ idempotencyKey: true }).extend({
  unitId: z.string().min(1),
  campaign: z.string().min(1),
  bundleId: z.string().min(1),
  /** The applications the corrected bundle just registered. */
  applicationIds: z.array(z.string().min(1)),
});

/** The application's identity from its registration (applicationKey), and when it was received. */
function registration(events: readonly HistoryEvent[]): { key?: string; at: string } | undefined {
  const event = events.find((e) => e.type === registeredEventType);
  if (!event) return undefined;
  const applicant = Application.safeParse(event.data.applicant);
  const key = applicant.success ? applicationKey(applicant.data) : undefined;
  return { ...(key ? { key } : {}), at: event.at };
}

/**
 * Waiting for a corrected bundle: found incomplete at intake, it stays at 材料完整性审核 (or, through the direct
 * intake of a folder, at 已接收) and its selection never started.
 */
const awaitsCorrection = (meta: Pick<ApplicationMeta, 'status' | 'stage'>) =>
  meta.status === 'ACTIVE' && (meta.stage === 'COMPLETENESS' || meta.stage === 'RECEIVED');

/**
 * A corrected bundle supersedes what it corrects: each application it registers replaces the unit's earlier
 * application of the same applicant (same campaign, track and applicationKey — credit code, a digest of the ID number,
 * or the standard number) received before it that still waits for a corrected bundle. The earlier one keeps its whole
 * history and leaves every list of work (status SUPERSEDED); each history names the other. An earlier application
 * already in the selection is left alone: only the office can end it. Role: system (the intake). Idempotent.
 */
export async function supersedeEarlierApplications(
  ctx: ActionContext,
  request: unknown,
): Promise<{ superseded: { applicationId: string; by: string }[] }> {
  const r = parseRequest(SupersedeRequest, request);
  requireRole(r.actor.role, ['system'], 'supersedeEarlierApplications');
  const waiting = (await ctx.repo.applicationsOfUnit(r.unitId, r.campaign)).filter(
    (m) => m.bundleId !== r.bundleId && awaitsCorrection(m),
  );
  // Each waiting application's identity is read once, whatever the number of applications the bundle brings.
  const earlier = await Promise.all(
    waiting.map(async (meta) => ({ meta, registered: registration(await ctx.repo.listEvents(meta.applicationId)) })),
  );
  const superseded: { applicationId: string; by: string }[] = [];
  for (const applicationId of r.applicationIds) {
    const corrected = registration(await ctx.repo.listEvents(applicationId));
    const meta = await ctx.repo.getApplication(applicationId);
    if (!corrected?.key || !meta) continue;
    for (const { meta: old, registered: before } of earlier.filter((e) => e.meta.track === meta.track)) {
      if (before?.key !== corrected.key || Date.parse(before.at) >= Date.parse(corrected.at)) continue;
      try {
        await appendAction(
          ctx,
          { applicationId: old.applicationId, idempotencyKey: `superseded-by:${applicationId}` },
          (state) => {
            const current = requireApplication(state);
            if (!awaitsCorrection(current))
              throw new ActionError('WRONG_STAGE', `${old.applicationId} no longer waits for a correction`);
            return {
              type: supersededEventType,
              stage: current.stage,
              actor: r.actor.id,
              role: r.actor.role,
              at: ctx.now().toISOString(),
              data: { supersededBy: applicationId, bundleId: r.bundleId },
            };
          },
        );
      } catch (error) {
        // Moved on (or superseded) since the list was read: it is no longer waiting for this correction.
        if (error instanceof ActionError && error.code === 'WRONG_STAGE') continue;
        throw error;
      }
      await appendAction(ctx, { applicationId, idempotencyKey: `supersedes:${old.applicationId}` }, (state) => ({
        type: supersedesEventType,
        stage: requireApplication(state).stage,
        actor: r.actor.id,
        role: r.actor.role,
        at: ctx.now().toISOString(),
        data: { supersedes: old.applicationId, bundleId: old.bundleId },
      }));
      superseded.push({ applicationId: old.applicationId, by: applicationId });
    }
  }
  return { superseded };
}
