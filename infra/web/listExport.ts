import type { Context } from 'hono';
import { csvTable } from '../../shared/domain/export/csvTable.js';
import { stages } from '../../shared/domain/track/stage.js';
import { trackNames } from '../../shared/domain/track/track.js';
import type { ApplicationMeta } from '../../shared/records/recordsRepository.js';
import { beijingTime } from './beijingTime.js';
import type { QueueEntry } from './consoleBackend.js';
import { awaitingLabels, reasonNames, resultNames, statusLabels } from './consoleLabels.js';
import type { FinalisationView } from './stageReads.js';

export type ListFormat = 'csv' | 'xlsx';
export interface ListTable {
  header: string[];
  rows: string[][];
}

const yuan = (fen: number | undefined) => (fen === undefined ? '' : (fen / 100).toFixed(2));

/** The application list as the office files it: no personal data (the list never holds ID or phone numbers). */
export function applicationListTable(apps: readonly ApplicationMeta[]): ListTable {
  return {
    header: [
      '申报编号',
      '奖项类别',
      '申报者',
      '推荐单位',
      '当前阶段',
      '状态',
      '等级',
      '奖金（元）',
      '更新时间（北京时间）',
    ],
    rows: [...apps]
      .sort((a, b) => a.applicationId.localeCompare(b.applicationId))
      .map((a) => [
        a.applicationId,
        trackNames[a.track],
        a.name,
        a.unitName || a.unitId,
        stages[a.stage].name,
        statusLabels[a.status] ?? a.status,
        a.grade ?? '',
        yuan(a.prizeFen),
        beijingTime(a.updatedAt),
      ]),
  };
}

/** The task queue in the order the page shows it. */
export function queueTable(entries: readonly QueueEntry[]): ListTable {
  return {
    header: ['申报编号', '申报者', '推荐单位', '阶段', '等待', '开始等待', '期限', '是否超期'],
    rows: entries.map((e) => [
      e.meta.applicationId,
      e.meta.name,
      e.meta.unitName || e.meta.unitId,
      stages[e.meta.stage].name,
      e.awaiting ? awaitingLabels[e.awaiting] : '',
      beijingTime(e.since),
      beijingTime(e.due),
      e.overdue ? '已超期' : '',
    ]),
  };
}

/** A campaign scope's recorded result, in its order: the ranking the leading group (or 综合评选) fixed. */
export function finalisationTable(view: FinalisationView): ListTable {
  return {
    header: ['名次', '申报编号', '名称', '类别', '综合得分', '结果', '理由', '奖金（元）'],
    rows: (view.finalised?.outcomes ?? []).map((o) => [
      o.position === undefined ? '' : String(o.position),
      o.applicationId,
      o.candidate?.meta.name ?? '',
      o.candidate ? trackNames[o.candidate.meta.track] : '',
      o.candidate?.score === undefined ? '' : String(o.candidate.score),
      resultNames[o.grade] ?? o.grade,
      reasonNames[o.reason] ?? o.reason,
      yuan(o.prizeFen),
    ]),
  };
}

/** The file of a list: CSV (UTF-8 with BOM) or an .xlsx workbook whose cells are all text. */
export async function listFile(
  table: ListTable,
  format: ListFormat,
  sheetName: string,
): Promise<{ body: Uint8Array | string; contentType: string }> {
  if (format === 'csv') return { body: csvTable(table.header, table.rows), contentType: 'text/csv; charset=utf-8' };
  const XLSX = await import('@e965/xlsx');
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([table.header, ...table.rows]), sheetName);
  return {
    body: new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

/** A list as a downloaded file (`<name>.csv` or `<name>.xlsx`). */
export async function listDownload(c: Context, table: ListTable, format: ListFormat, name: string, sheet: string) {
  const file = await listFile(table, format, sheet);
  c.header('Content-Disposition', `attachment; filename="${name}.${format}"`);
  const headers = { 'Content-Type': file.contentType };
  return typeof file.body === 'string'
    ? c.body(file.body, 200, headers)
    : c.body(file.body.slice().buffer, 200, headers);
}
