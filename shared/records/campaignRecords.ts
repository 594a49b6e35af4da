import { type WriteCommand, type WriteOutcome, writeIdempotent } from './idempotentWrite.js';
import { campaignPk, finalisationSk } from './keys.js';
import type { RecordsTable } from './recordsTable.js';

export interface FinalisationRecord {
  campaign: string;
  scope: string;
  finalisedAt: string;
  actor: string;
  result: unknown;
}

/** What is decided once for a whole campaign: the finalisation (ranking, grades, prizes) of each scope. */
export interface CampaignRecords {
  /**
   * Records the finalisation of a scope once: `replayed` when this command recorded it before, `refused` when another
   * command did; `stored` is the finalisation that stands.
   */
  putFinalisation(record: FinalisationRecord, command: WriteCommand): Promise<WriteOutcome<FinalisationRecord>>;
  getFinalisation(campaign: string, scope: string): Promise<FinalisationRecord | undefined>;
}

export function campaignRecords(table: RecordsTable): CampaignRecords {
  const finalisationKey = (campaign: string, scope: string) => ({
    pk: campaignPk(campaign),
    sk: finalisationSk(scope),
  });
  return {
    putFinalisation: (record, command) =>
      writeIdempotent(table, finalisationKey(record.campaign, record.scope), record, command),
    getFinalisation: (campaign, scope) => table.get<FinalisationRecord>(finalisationKey(campaign, scope)),
  };
}
