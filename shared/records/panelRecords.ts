import type { Stage } from '../domain/track/stage.js';
import { type WriteCommand, type WriteOutcome, writeIdempotent } from './idempotentWrite.js';
import { applicationPk, panelSk } from './keys.js';
import type { RecordsTable } from './recordsTable.js';

/** COMMITTED: the seed is fixed (its commitment is in the history) but not drawn; DRAWN: the result is recorded. */
export interface PanelRecord {
  applicationId: string;
  stage: Stage;
  status: 'COMMITTED' | 'DRAWN';
  poolId: string;
  seedCommitment: string;
  /** Kept out of the history until the draw reveals it. */
  seed: string;
  /** The pool exactly as it was drawn from, so an auditor can redo the draw. */
  poolSnapshot?: unknown[];
  poolHash?: string;
  algorithmVersion?: string;
  members?: string[];
  drawnSeq?: number;
}

/** The panel of an application at a panel stage (its scores are history events). */
export interface PanelRecords {
  /**
   * Writes the COMMITTED draft once per stage; `stored` is the draft that stands (another draw's, if it came first:
   * a retried draw reuses its seed).
   */
  putPanelDraft(panel: PanelRecord, command: WriteCommand): Promise<WriteOutcome<PanelRecord>>;
  /** Stores the drawn panel over its draft; `drawn` is the PANEL_DRAWN event it projects. */
  putPanel(panel: PanelRecord, drawn: WriteCommand): Promise<void>;
  getPanel(applicationId: string, stage: Stage): Promise<PanelRecord | undefined>;
}

export function panelRecords(table: RecordsTable): PanelRecords {
  const panelKey = (applicationId: string, stage: Stage) => ({ pk: applicationPk(applicationId), sk: panelSk(stage) });
  return {
    putPanelDraft: (panel, command) =>
      writeIdempotent(table, panelKey(panel.applicationId, panel.stage), panel, command),

    async putPanel(panel, drawn) {
      await writeIdempotent(table, panelKey(panel.applicationId, panel.stage), panel, drawn, 'laterSeq');
    },

    getPanel: (applicationId, stage) => table.get<PanelRecord>(panelKey(applicationId, stage)),
  };
}
