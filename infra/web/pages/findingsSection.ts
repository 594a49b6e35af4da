import { html } from 'hono/html';
import { escapedName } from '../../../shared/bundle/deceptiveName.js';
import type { SourceRef } from '../../../shared/domain/findings/finding.js';
import { findingTitles, severityLabels } from '../../../shared/report/reportLabels.js';
import type { ApplicationDocuments, LinkedFinding } from '../documentBackend.js';
import { type Html, tableWrap } from './layout.js';

const scopeTitles: Record<LinkedFinding['scope'], string> = {
  application: '本申报',
  recommendingUnit: '推荐单位材料',
  bundle: '材料包（未归属的文件）',
};
const severityBadges = { blocking: 'bad', review: 'warn', info: '' } as const;

/** Where in the file: page, table, row, cell, line (tables, rows and cells counted from 1 for people). */
function placeIn(s: SourceRef | undefined): string {
  if (!s) return '';
  const one = (n: number | undefined, label: (k: number) => string) => (n === undefined ? '' : label(n));
  return [
    one(s.page, (p) => `第${p}页`),
    one(s.table, (t) => `表${t + 1}`),
    one(s.row, (r) => `第${r + 1}行`),
    one(s.cell, (c) => `第${c + 1}格`),
    one(s.line, (l) => `第${l}行`),
  ]
    .filter(Boolean)
    .join(' ');
}

/** The document cell: a link to the file (to its page, for a PDF the browser shows), or its name when not kept. */
function documentCell(view: ApplicationDocuments, f: LinkedFinding): Html {
  const doc = f.document === undefined ? undefined : view.documents[f.document];
  const named = f.finding.source?.file ?? f.finding.file;
  if (!doc) return html`${named ? escapedName(named) : '—'}`;
  if (doc.delivery === 'not-stored') return html`${doc.path}（未保存）`;
  const page = doc.delivery === 'inline' && f.page !== undefined ? `#page=${f.page}` : '';
  return html`<a href="/applications/${view.applicationId}/documents/${doc.index}${page}">${doc.path}</a>`;
}

/**
 * The report's findings as a table people can act on: severity (in words, not colour alone), the problem, the
 * message, and a link to the document and page each one names. ID and phone numbers come masked by role.
 */
export function findingsSection(view: ApplicationDocuments): Html {
  const scopes = (['application', 'recommendingUnit', 'bundle'] as const)
    .map((scope) => ({ scope, rows: view.findings.filter((f) => f.scope === scope) }))
    .filter((s) => s.rows.length > 0);
  return html`<h2>审核发现的问题</h2>
${
  scopes.length === 0
    ? html`<p>材料完整性审核未发现问题。</p>`
    : scopes.map(
        ({ scope, rows }) => html`<h3>${scopeTitles[scope]}</h3>
${tableWrap(
  `审核发现的问题：${scopeTitles[scope]}`,
  html`<table class="findings"><thead><tr><th scope="col">级别</th><th scope="col">问题</th><th scope="col">说明</th><th scope="col">文件</th><th scope="col">位置</th></tr></thead>
<tbody>${rows.map(
    (
      f,
    ) => html`<tr><td><span class="badge ${severityBadges[f.finding.severity]}">${severityLabels[f.finding.severity]}</span></td>
<td>${findingTitles[f.finding.code]}<br><code>${f.finding.code}</code></td><td>${f.finding.message}</td>
<td class="file">${documentCell(view, f)}</td><td>${placeIn(f.finding.source)}</td></tr>`,
  )}</tbody></table>`,
)}`,
      )
}`;
}
