import { z } from 'zod';
import type { HistoryEvent } from '../domain/history/historyEvent.js';
import { drawPanel } from '../domain/panel/drawPanel.js';
import { commitSeed, generateSeed } from '../domain/panel/drawSeed.js';
import { Unit } from '../domain/panel/expert.js';
import { poolSnapshot } from '../domain/panel/poolSnapshot.js';
import { Stage, stageKind, stagePath } from '../domain/track/stage.js';
import { type ApplicationState, loadApplicationState } from '../history/appendEvent.js';
import type { ExpertRecord, ExpertWorkload, PanelRecord } from '../records/recordsRepository.js';
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

/**
 * Draws the panel of one application at one stage, auditable end to end:
 * 1. a seed is generated and kept in `PANEL#<stage>` (COMMITTED, written once: a retry reuses it);
 * 2. its commitment sha256(seed) is appended as its own PANEL_SEED_COMMITTED event, before any draw;
 * 3. the pool (`EXPERTPOOL#<poolId>`) is snapshotted and `drawPanel` run with the campaign's size and workload cap,
 *    against each expert's workload at the stage (this panel's own seats left out);
 * 4. each drawn expert's seat is taken by a conditional update of its workload item (only below the cap); if another
 *    draw took a last seat first, the seats taken are given back and the draw is redone against the new workload
 *    (bounded, then CONTENTION) — so concurrent draws never seat an expert beyond the cap. The records table has no
 *    transactions on dynalite, so the seats are taken one by one, all before the draw is recorded;
 * 5. PANEL_DRAWN reveals the seed with the pool hash, algorithm version, workload, exclusions and members, and the
 *    panel item stores the pool snapshot so an auditor can redo the draw (`verifyDraw`).
 * A retry after a crash keeps the recorded draw, and gives back any seat an unfinished attempt left behind.
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
    draft = (await ctx.repo.putPanelDraft(candidate, r)).stored;
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
  const otherPanels = await Promise.all(
    stagePath[meta.track]
      .filter((s) => stageKind(s) === 'panel' && s !== r.stage)
      .map((s) => ctx.repo.getPanel(r.applicationId, s)),
  );
  const seats = workloadSeats(ctx, meta.campaign, r.stage, r.applicationId);
  const cap = campaign.panels.expertWorkloadCap;

  // A draw recorded by an earlier invocation that died before storing the panel: keep its members.
  const recorded = await ctx.repo.getIdempotency(r.applicationId, drawKey);
  const recordedEvent =
    recorded?.status === 'COMPLETED' && recorded.seq !== undefined
      ? await ctx.repo.getEvent(r.applicationId, recorded.seq)
      : undefined;

  let record: ReturnType<typeof drawPanel> | undefined;
  for (let attempt = 0; !recordedEvent && !record; attempt++) {
    if (attempt >= maxSeatAttempts)
      throw new ActionError(
        'CONTENTION',
        `could not seat a panel for ${r.applicationId} at ${r.stage}: other draws kept taking the last seats ` +
          `under the workload cap (${cap}) — draw again`,
      );
    const held = await ctx.repo.workloadAtStage(meta.campaign, r.stage);
    let candidate: ReturnType<typeof drawPanel>;
    try {
      candidate = drawPanel(
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
          workloadCap: cap,
          workload: othersLoad(held, r.applicationId),
          otherPanelsOfApplication: otherPanels.flatMap((p) => p?.members ?? []),
        },
      );
    } catch (error) {
      await seats.releaseAllBut(held, []);
      throw new ActionError('PANEL_DRAW_FAILED', error instanceof Error ? error.message : String(error));
    }
    // Each member's seat is a conditional update on its workload item: a concurrent draw that took the last seat
    // makes this one give back what it took and draw again against the workload as it now is.
    if (await seats.take(candidate.drawn, cap)) {
      await seats.releaseAllBut(held, candidate.drawn);
      record = candidate;
    } else await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
  }

  const drawn = recordedEvent
    ? { event: recordedEvent, replayed: true }
    : await appendAction(ctx, { applicationId: r.applicationId, idempotencyKey: drawKey }, (state) => {
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
  const data = drawn.event.data as { drawn?: string[]; poolHash?: string; algorithmVersion?: string };
  const members = data.drawn ?? [];
  if (recordedEvent) {
    // The seats of a recorded draw were taken before it was recorded; give back any other this panel holds.
    await seats.take(members, Number.MAX_SAFE_INTEGER);
    await seats.releaseAllBut(await ctx.repo.workloadAtStage(meta.campaign, r.stage), members);
  }
  await ctx.repo.putPanel(
    {
      ...draft,
      status: 'DRAWN',
      poolSnapshot: poolSnapshot(pool),
      ...(data.poolHash ? { poolHash: data.poolHash } : {}),
      ...(data.algorithmVersion ? { algorithmVersion: data.algorithmVersion } : {}),
      members,
      drawnSeq: drawn.event.seq,
    },
    drawn.event,
  );
  return { applicationId: r.applicationId, events: [committed.event, drawn.event], replayed: drawn.replayed };
}

/** Attempts at seating a drawn panel before the draw gives up with CONTENTION (each one re-reads the workload). */
const maxSeatAttempts = 12;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The workload the draw screens against: every panel an expert sits on at the stage, except this one's own seat. */
function othersLoad(held: Record<string, ExpertWorkload>, panel: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(held)
      .map(([id, w]) => [id, w.count - (w.panels.includes(panel) ? 1 : 0)] as const)
      .filter(([, n]) => n > 0),
  );
}

/** The workload seats of one panel (the application's, at one stage). */
function workloadSeats(ctx: ActionContext, campaign: string, stage: Stage, panel: string) {
  return {
    /** Takes a seat for every expert, or none: on the first refusal, gives back the seats taken now. */
    async take(expertIds: readonly string[], cap: number): Promise<boolean> {
      const taken: string[] = [];
      for (const id of expertIds) {
        if (!(await ctx.repo.reserveWorkload(campaign, stage, id, panel, cap))) {
          for (const t of taken) await ctx.repo.releaseWorkload(campaign, stage, t, panel);
          return false;
        }
        taken.push(id);
      }
      return true;
    },
    /** Gives back the seats this panel holds on experts that are not among `keep` (left by an earlier attempt). */
    async releaseAllBut(held: Record<string, ExpertWorkload>, keep: readonly string[]): Promise<void> {
      for (const [id, w] of Object.entries(held))
        if (w.panels.includes(panel) && !keep.includes(id)) await ctx.repo.releaseWorkload(campaign, stage, id, panel);
    },
  };
}
