import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Evidence } from '../domain/history/historyEvent.js';
import { Track } from '../domain/track/track.js';
import { appendEvent } from '../history/appendEvent.js';
import { registeredEventType } from '../history/projectApplication.js';
import type { BundleSource } from '../records/recordsRepository.js';
import { type ActionContext, ActionEnvelope, parseRequest, requireRole } from './actionContext.js';
import { campaignOf } from './campaignOf.js';

const Source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('s3'), bucket: z.string().min(1), key: z.string().min(1), versionId: z.string().min(1) }),
  z.object({ kind: z.literal('local'), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
]);

export const RegisterBundleRequest = ActionEnvelope.omit({ idempotencyKey: true }).extend({
  source: Source,
  campaign: z.string().regex(/^\d{4}$/),
  unit: z.object({ id: z.string().min(1), name: z.string().min(1) }),
  receivedAt: z.iso.datetime({ offset: true }),
  evidence: z.array(Evidence).default([]),
  /**
   * The applications found in the bundle, in bundle order (the order fixes their ids); none when nothing in it could
   * be read as an application — the bundle is still recorded, so that its unit finds it and its report.
   */
  applications: z.array(
    z.object({ track: Track, name: z.string().min(1), applicant: z.record(z.string(), z.unknown()).optional() }),
  ),
});
export type RegisterBundleRequest = z.input<typeof RegisterBundleRequest>;

export interface RegisterBundleResult {
  bundleId: string;
  /** False when this bundle (same S3 object version, or same bytes locally) was registered before. */
  created: boolean;
  applicationIds: string[];
}

/** sha256 of the S3 object version's address, or the bytes' sha256 itself locally; 32 hex characters. */
export function bundleIdOf(source: BundleSource): string {
  const identity =
    source.kind === 's3' ? `s3://${source.bucket}/${source.key}?versionId=${source.versionId}` : source.sha256;
  return source.kind === 's3'
    ? createHash('sha256').update(identity, 'utf8').digest('hex').slice(0, 32)
    : identity.slice(0, 32);
}

export const applicationIdOf = (bundleId: string, n: number) => `${bundleId.slice(0, 12)}-${n}`;

/**
 * Registers a bundle and its applications, idempotently: the bundle item is written once, keyed on its source,
 * application ids are derived from the bundle id and the position, and each APPLICATION_REGISTERED event has the
 * idempotency key `register:<bundleId>:<n>`. Registering the same bundle again, or finishing a registration that
 * died half-way, creates nothing that already exists. Role: system (the intake).
 */
export async function registerBundle(ctx: ActionContext, request: unknown): Promise<RegisterBundleResult> {
  const r = parseRequest(RegisterBundleRequest, request);
  requireRole(r.actor.role, ['system'], 'registerBundle');
  campaignOf(r.campaign);
  const bundleId = bundleIdOf(r.source);
  const proposedIds = r.applications.map((_, i) => applicationIdOf(bundleId, i + 1));
  const registered = await ctx.repo.putBundle({
    bundleId,
    source: r.source,
    campaign: r.campaign,
    unitId: r.unit.id,
    unitName: r.unit.name,
    receivedAt: r.receivedAt,
    applicationIds: proposedIds,
  });
  const created = registered.status === 'written';
  const applicationIds = registered.stored.applicationIds;
  for (const [i, applicationId] of applicationIds.entries()) {
    const application = r.applications[i];
    if (!application) break;
    await appendEvent(
      ctx.repo,
      {
        applicationId,
        type: registeredEventType,
        stage: 'RECEIVED',
        actor: r.actor.id,
        role: r.actor.role,
        at: r.receivedAt,
        evidence: r.evidence,
        data: {
          campaign: r.campaign,
          track: application.track,
          name: application.name,
          unitId: r.unit.id,
          unitName: r.unit.name,
          bundleId,
          positionInBundle: i + 1,
          ...(application.applicant ? { applicant: application.applicant } : {}),
        },
        idempotencyKey: `register:${bundleId}:${i + 1}`,
      },
      { now: ctx.now, ...ctx.appendOptions },
    );
    await ctx.repo.linkBundleApplication(bundleId, applicationId);
  }
  return { bundleId, created, applicationIds };
}
