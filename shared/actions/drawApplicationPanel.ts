import { z } from 'zod';
import { type ApplicationState, loadApplicationState } from '../history/appendEvent.js';
import type { HistoryEvent } from '../history/historyEvent.js';
import { drawPanel } from '../panel/drawPanel.js';
import { commitSeed, generateSeed } from '../panel/drawSeed.js';
import { Unit } from '../panel/expert.js';
import { poolSnapshot } from '../panel/poolSnapshot.js';
import type { ExpertRecord, PanelRecord } from '../records/recordsRepository.js';
import { Stage, stageKind, stagePath } from '../workflow/stage.js';
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

export const seedCommittedEventType = 'PANEL_SEED_COMMITTED';
export const panelDrawnEventType = 'PANEL_DRAWN';

export const DrawApplicationPanelRequest = ActionEnvelope.extend({
  applicationId: z.string().min(1),
  stage: Stage.refine((s) => stageKind(s) === 'panel', 'not a panel stage'),
  poolId: z.string().min(1),
  applicantUnits: z.array(Unit).min(1),
  drafterUnits: z.array(Unit).default([]),
  industryGroup: z.string().min(1).optional(),
  /** Defaults to the campaign's panel size for the stage. */
  size: z.number().int().positive().optional(),
});

/** An expert item of the pool as the panel draw reads it. */
function asExpert(e: ExpertRecord) {
  return { ...e.attributes, id: e.expertId, name: e.name, unit: e.unit };
}

const workloadCounter = (stage: Stage, expertId: string) => `workload:${stage}:${expertId}`;

/**
 * Draws the panel of one application at one stage, auditable end to end:
 * 1. a seed is generated and kept in `PANEL#<stage>` (COMMITTED, conditional put: a retry reuses it);
 * 2. its commitment sha256(seed) is appended as its own PANEL_SEED_COMMITTED event, before any draw;
 * 3. the pool (`EXPERTPOOL#<poolId>`) is snapshotted and `drawPanel` run with the campaign's size and workload cap;
 * 4. PANEL_DRAWN reveals the seed with the pool hash, algorithm version, exclusions and members, and the panel item
 *    stores the pool snapshot so an auditor can redo the draw (`verifyDraw`).
 */
export async function drawApplicationPanel(ctx: ActionContext, request: unknown): Promise<ActionResult> {
  const r = parseRequest(DrawApplicationPanelRequest, request);
  requireRole(r.actor.role, ['reviewer'], 'drawApplicationPanel');
  const commitKey = `${r.idempotencyKey}#commit`;
  const drawKey = `${r.idempotencyKey}#draw`;

  const existing = await ctx.repo.getPanel(r.applicationId, r.stage);
  if (existing?.status === 'DRAWN') {
    const commit = await ctx.repo.getIdempotency(r.applicationId, commitKey);
    const draw = await ctx.repo.getIdempotency(r.applicationId, drawKey);
    if (commit?.seq === undefined || draw?.seq === undefined)
      throw new ActionError('PANEL_ALREADY_DRAWN', `a panel was already drawn at ${r.stage} for ${r.applicationId}`);
    const events = await Promise.all([commit.seq, draw.seq].map((seq) => ctx.repo.getEvent(r.applicationId, seq)));
    return { applicationId: r.applicationId, events: events.filter((e): e is HistoryEvent => !!e), replayed: true };
  }

  const at = () => ctx.now().toISOString();
  const guard = (state: ApplicationState) => {
    const meta = requireStage(state, r.stage);
    requireNotPaused(state);
    return meta;
  };
  // Validate before anything is written.
  const meta = guard(await loadApplicationState(ctx.repo, r.applicationId));
  const campaign = campaignOf(meta.campaign);
  const size = r.size ?? campaign.panels.sizes[r.stage];
  if (!size) throw new ActionError('INVALID_INPUT', `no panel size configured for ${r.stage}`, 'size');
  const experts = await ctx.repo.listExperts(r.poolId);
  if (experts.length === 0) throw new ActionError('INVALID_INPUT', `expert pool ${r.poolId} is empty`, 'poolId');

  let draft: PanelRecord | undefined = existing;
  if (!draft) {
    const seed = generateSeed();
    const candidate: PanelRecord = {
      applicationId: r.applicationId,
      stage: r.stage,
      status: 'COMMITTED',
      poolId: r.poolId,
      seed,
      seedCommitment: commitSeed(seed),
    };
    draft = (await ctx.repo.putPanelIfAbsent(candidate))
      ? candidate
      : await ctx.repo.getPanel(r.applicationId, r.stage);
  }
  if (!draft) throw new ActionError('CONTENTION', `panel draft for ${r.stage} vanished`);
  const seed = draft.seed;

  const committed = await appendAction(ctx, { applicationId: r.applicationId, idempotencyKey: commitKey }, (state) => {
    guard(state);
    return {
      type: seedCommittedEventType,
      stage: r.stage,
      actor: r.actor.id,
      role: r.actor.role,
      at: at(),
      data: { seedCommitment: commitSeed(seed), poolId: r.poolId },
    };
  });

  const pool = experts.map(asExpert);
  const workload = Object.fromEntries(
    Object.entries(await ctx.repo.countersWithPrefix(meta.campaign, `workload:${r.stage}:`)).map(([name, n]) => [
      name.slice(`workload:${r.stage}:`.length),
      n,
    ]),
  );
  const otherPanels = await Promise.all(
    stagePath[meta.track]
      .filter((s) => stageKind(s) === 'panel' && s !== r.stage)
      .map((s) => ctx.repo.getPanel(r.applicationId, s)),
  );
  let record: ReturnType<typeof drawPanel>;
  try {
    record = drawPanel(
      pool,
      {
        applicationId: r.applicationId,
        track: meta.track,
        applicantUnits: r.applicantUnits,
        drafterUnits: r.drafterUnits,
        ...(r.industryGroup ? { industryGroup: r.industryGroup } : {}),
      },
      {
        size,
        stage: r.stage,
        seed,
        workloadCap: campaign.panels.expertWorkloadCap,
        workload,
        otherPanelsOfApplication: otherPanels.flatMap((p) => p?.members ?? []),
      },
    );
  } catch (error) {
    throw new ActionError('PANEL_DRAW_FAILED', error instanceof Error ? error.message : String(error));
  }

  const drawn = await appendAction(ctx, { applicationId: r.applicationId, idempotencyKey: drawKey }, (state) => {
    guard(state);
    return {
      type: panelDrawnEventType,
      stage: r.stage,
      actor: r.actor.id,
      role: r.actor.role,
      at: at(),
      data: { ...record, poolId: r.poolId, commitmentSeq: committed.event.seq },
    };
  });
  await ctx.repo.putPanel({
    ...draft,
    status: 'DRAWN',
    poolSnapshot: poolSnapshot(pool),
    poolHash: record.poolHash,
    algorithmVersion: record.algorithmVersion,
    members: record.drawn,
    drawnSeq: drawn.event.seq,
  });
  if (!drawn.replayed)
    for (const id of record.drawn) await ctx.repo.nextCounter(meta.campaign, workloadCounter(r.stage, id));
  return { applicationId: r.applicationId, events: [committed.event, drawn.event], replayed: drawn.replayed };
}
