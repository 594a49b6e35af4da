import { z } from 'zod';
import { Actor } from '../domain/access/role.js';
import { exportHistoryCsv, exportHistoryJson, type HistoryExport } from '../history/exportHistory.js';
import { loadVerifiedHistory } from '../history/loadVerifiedHistory.js';
import { type ActionContext, parseRequest } from './actionContext.js';
import { ActionError } from './actionError.js';

export const disclosureEventType = 'PERSONAL_DATA_DISCLOSED';

export const ExportApplicationHistoryRequest = z.object({
  actor: Actor,
  applicationId: z.string().min(1),
  format: z.enum(['json', 'csv']),
});

/**
 * The history of one application for its reader, verified against META's head and the anchored heads, masked by role: an auditor sees
 * identity and phone numbers only after a PERSONAL_DATA_DISCLOSED event for that auditor is in the history.
 */
export async function exportApplicationHistory(
  ctx: ActionContext,
  request: unknown,
): Promise<{ format: 'json'; body: HistoryExport } | { format: 'csv'; body: string }> {
  const r = parseRequest(ExportApplicationHistoryRequest, request);
  const { events, meta, anchored } = await loadVerifiedHistory(ctx.repo, r.applicationId);
  if (!meta && events.length === 0) throw new ActionError('UNKNOWN_APPLICATION', `no application ${r.applicationId}`);
  const needRecorded = events.some((e) => e.type === disclosureEventType && e.data.grantedTo === r.actor.id);
  const options = {
    role: r.actor.role,
    needRecorded,
    ...(meta ? { expectedHead: { seq: meta.version, hash: meta.headHash } } : {}),
    ...(anchored ? { anchored } : {}),
  };
  if (r.format === 'csv') return { format: 'csv', body: exportHistoryCsv(events, options) };
  return {
    format: 'json',
    body: exportHistoryJson(r.applicationId, events, { ...options, exportedAt: ctx.now().toISOString() }),
  };
}
