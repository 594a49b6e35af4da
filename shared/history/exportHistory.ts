import canonicalize from 'canonicalize';
import { maskPersonalData, seesPersonalData } from '../domain/access/maskPersonalData.js';
import type { Role } from '../domain/access/role.js';
import { csvTable } from '../domain/export/csvTable.js';
import type { AnchoredHead } from '../domain/history/historyAnchor.js';
import type { HistoryEvent } from '../domain/history/historyEvent.js';
import { type ExpectedHead, type HistoryVerdict, verifyHistory } from './verifyHistory.js';

export interface HistoryExportOptions {
  role: Role;
  /** The auditor's recorded need to see personal data (see `seesPersonalData`). */
  needRecorded?: boolean;
  expectedHead?: ExpectedHead;
  /** Every head published to the history anchor (verification then also checks the chain against them). */
  anchored?: readonly AnchoredHead[];
  exportedAt: string;
}

export interface HistoryExport {
  applicationId: string;
  exportedAt: string;
  role: Role;
  /** True when identity and phone numbers were masked; the hashes are those of the stored, unmasked events. */
  masked: boolean;
  /** Verification of the stored chain, computed before masking. */
  verification: HistoryVerdict;
  events: HistoryEvent[];
}

export function exportHistoryJson(
  applicationId: string,
  events: readonly HistoryEvent[],
  options: HistoryExportOptions,
): HistoryExport {
  const masked = !seesPersonalData(options.role, options.needRecorded);
  return {
    applicationId,
    exportedAt: options.exportedAt,
    role: options.role,
    masked,
    verification: verifyHistory(events, options.expectedHead, options.anchored),
    events: masked ? events.map((e) => maskPersonalData(e)) : events.map((e) => structuredClone(e)),
  };
}

export const historyCsvColumns = [
  'seq',
  'at',
  'type',
  'stage',
  'actor',
  'role',
  'evidence',
  'data',
  'idempotencyKey',
  'prevHash',
  'hash',
] as const;

/** RFC 4180 CSV (CRLF, UTF-8 with BOM for spreadsheet programs), one row per event, personal data masked by role. */
export function exportHistoryCsv(
  events: readonly HistoryEvent[],
  options: Omit<HistoryExportOptions, 'exportedAt'>,
): string {
  const masked = !seesPersonalData(options.role, options.needRecorded);
  const rows = events.map((raw) => {
    const e = masked ? maskPersonalData(raw) : raw;
    const cells: Record<(typeof historyCsvColumns)[number], string> = {
      seq: String(e.seq),
      at: e.at,
      type: e.type,
      stage: e.stage,
      actor: e.actor,
      role: e.role,
      evidence: e.evidence.map((x) => `${x.objectKey}:${x.sha256}`).join(' | '),
      data: canonicalize(e.data) ?? '{}',
      idempotencyKey: e.idempotencyKey,
      prevHash: e.prevHash,
      hash: e.hash,
    };
    return historyCsvColumns.map((c) => cells[c]);
  });
  return csvTable(historyCsvColumns, rows);
}
