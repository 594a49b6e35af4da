import type { Stage } from '../domain/track/stage.js';
import { type WriteCommand, writeIdempotent } from './idempotentWrite.js';
import { applicationPk, objectionSk, objectionSkPrefix, windowSk } from './keys.js';
import type { RecordsTable } from './recordsTable.js';

export interface WindowRecord {
  applicationId: string;
  stage: Stage;
  opensAt: string;
  closesAt: string;
  /** First and last day, Asia/Shanghai calendar dates. */
  firstDay: string;
  lastDay: string;
  workingDays: number;
  openedSeq: number;
}

export type ObjectionStatus = 'OPEN' | 'NOT_ADMISSIBLE' | 'UPHELD' | 'DISMISSED';

export interface ObjectionRecord {
  applicationId: string;
  objectionId: string;
  stage: Stage;
  admissible: boolean;
  status: ObjectionStatus;
  lodgedAt: string;
  lodgedSeq: number;
  resolvedSeq?: number;
}

/**
 * The publicity windows and the objections lodged in them: projections of their history events, each written with
 * the event it projects, so a replayed action changes nothing and an earlier event never overwrites a later one (a
 * replayed lodging does not reopen a resolved objection). Consultations have no item: they live in the history.
 */
export interface PublicityRecords {
  putWindow(window: WindowRecord, opened: WriteCommand): Promise<void>;
  getWindow(applicationId: string, stage: Stage): Promise<WindowRecord | undefined>;
  /** `event`: the OBJECTION_LODGED or OBJECTION_RESOLVED event this state of the objection projects. */
  putObjection(objection: ObjectionRecord, event: WriteCommand): Promise<void>;
  getObjection(applicationId: string, objectionId: string): Promise<ObjectionRecord | undefined>;
  listObjections(applicationId: string): Promise<ObjectionRecord[]>;
}

export function publicityRecords(table: RecordsTable): PublicityRecords {
  const windowKey = (applicationId: string, stage: Stage) => ({
    pk: applicationPk(applicationId),
    sk: windowSk(stage),
  });
  const objectionKey = (applicationId: string, objectionId: string) => ({
    pk: applicationPk(applicationId),
    sk: objectionSk(objectionId),
  });
  return {
    async putWindow(window, opened) {
      await writeIdempotent(table, windowKey(window.applicationId, window.stage), window, opened, 'laterSeq');
    },

    getWindow: (applicationId, stage) => table.get<WindowRecord>(windowKey(applicationId, stage)),

    async putObjection(objection, event) {
      const key = objectionKey(objection.applicationId, objection.objectionId);
      await writeIdempotent(table, key, objection, event, 'laterSeq');
    },

    getObjection: (applicationId, objectionId) => table.get<ObjectionRecord>(objectionKey(applicationId, objectionId)),

    listObjections: (applicationId) =>
      table.queryPrefix<ObjectionRecord>(applicationPk(applicationId), objectionSkPrefix),
  };
}
