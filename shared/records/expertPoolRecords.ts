import { createHash } from 'node:crypto';
import type { Stage } from '../domain/track/stage.js';
import { writeIdempotent } from './idempotentWrite.js';
import {
  campaignPk,
  expertPoolPk,
  expertSk,
  expertSkPrefix,
  workloadName,
  workloadSk,
  workloadSkPrefix,
} from './keys.js';
import type { RecordsTable } from './recordsTable.js';

export interface ExpertRecord {
  poolId: string;
  expertId: string;
  name: string;
  unit: string;
  /** Free-form expert attributes (industry group, declared conflicts, …). */
  attributes: Record<string, unknown>;
}

/** Panels an expert sits on at one stage: `count` of them, `panels` naming them (older items may only count). */
export interface ExpertWorkload {
  count: number;
  panels: string[];
}

/** The expert pool and each expert's workload (the panels they sit on) per campaign and stage. */
export interface ExpertPoolRecords {
  /** Stores an expert of a pool (office maintenance: the latest details stand). */
  putExpert(expert: ExpertRecord): Promise<void>;
  listExperts(poolId: string): Promise<ExpertRecord[]>;
  /** Every expert's workload at a stage of a campaign (one Query of the campaign partition), by expert id. */
  workloadAtStage(campaign: string, stage: Stage): Promise<Record<string, ExpertWorkload>>;
  /**
   * Seats an expert on a panel (`panel`: the application id) at a stage, in one conditional update: only while the
   * expert sits on fewer than `cap` panels there. True when the seat is held (taken now, or already this panel's);
   * false when the cap is reached. Concurrent draws can therefore never seat an expert beyond the cap.
   */
  reserveWorkload(campaign: string, stage: Stage, expertId: string, panel: string, cap: number): Promise<boolean>;
  /** Gives a seat back (conditional on the panel holding it; nothing happens otherwise). */
  releaseWorkload(campaign: string, stage: Stage, expertId: string, panel: string): Promise<void>;
}

interface WorkloadItem {
  name?: string;
  value?: number;
  panels?: Set<string>;
}

export function expertPoolRecords(table: RecordsTable): ExpertPoolRecords {
  const workloadKey = (campaign: string, stage: Stage, expertId: string) => ({
    pk: campaignPk(campaign),
    sk: workloadSk(stage, expertId),
  });
  return {
    async putExpert(expert) {
      const key = { pk: expertPoolPk(expert.poolId), sk: expertSk(expert.expertId) };
      const content = createHash('sha256').update(JSON.stringify(expert)).digest('hex');
      await writeIdempotent(table, key, expert, { idempotencyKey: content }, 'always');
    },

    listExperts: (poolId) => table.queryPrefix<ExpertRecord>(expertPoolPk(poolId), expertSkPrefix),

    async workloadAtStage(campaign, stage) {
      const items = await table.queryPrefix<WorkloadItem>(campaignPk(campaign), workloadSkPrefix(stage));
      const namePrefix = workloadName(stage, '');
      return Object.fromEntries(
        items.map((i) => [
          String(i.name).slice(namePrefix.length),
          { count: Number(i.value ?? 0), panels: i.panels instanceof Set ? [...i.panels].map(String).sort() : [] },
        ]),
      );
    },

    // A counter with the set of panels that incremented it: the panel is the seat's key, so a replayed seat for the
    // same panel never counts twice (the one write here that cannot be a conditional put: the cap needs the count).
    async reserveWorkload(campaign, stage, expertId, panel, cap) {
      const key = workloadKey(campaign, stage, expertId);
      const taken = await table.update(
        key,
        {
          expression: 'ADD #v :one, panels :panel SET #n = :name',
          names: { '#v': 'value', '#n': 'name' },
          values: { ':one': 1, ':panel': new Set([panel]), ':name': workloadName(stage, expertId) },
        },
        {
          expression: '(attribute_not_exists(#v) OR #v < :cap) AND NOT contains(panels, :id)',
          values: { ':id': panel, ':cap': cap },
        },
      );
      if (taken) return true;
      const held = (await table.getItem(key)) as WorkloadItem | undefined;
      return held?.panels instanceof Set && held.panels.has(panel);
    },

    async releaseWorkload(campaign, stage, expertId, panel) {
      await table.update(
        workloadKey(campaign, stage, expertId),
        {
          expression: 'ADD #v :minusOne DELETE panels :panel',
          names: { '#v': 'value' },
          values: { ':minusOne': -1, ':panel': new Set([panel]) },
        },
        { expression: 'contains(panels, :id)', values: { ':id': panel } },
      );
    },
  };
}
