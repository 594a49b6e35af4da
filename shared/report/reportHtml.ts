import { maskText } from '../domain/access/maskPersonalData.js';
import type { Finding } from '../domain/findings/finding.js';
import { maskIdNumber } from '../domain/validation/idNumber.js';
import type { ChecklistItem, CompletenessReport, ReportApplication, ReportFile } from './completenessReport.js';
import { checklistLabels, findingTitles, requirementLabels, severityLabels, statusLabels } from './reportLabels.js';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escaped for HTML text and attributes, with ID and phone numbers masked: people read this page. */
function t(text: string | number | undefined): string {
  return maskText(String(text ?? '')).replace(/[&<>"']/g, (c) => entities[c] as string);
}

const checklistOrder = { missing: 0, invalid: 1, present: 2, 'not-required': 3 } as const;

/** A received time as the office reads it: Beijing time, to the minute. */
function beijingTime(iso: string | undefined): string {
  if (!iso) return '未提供';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const shanghai = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${shanghai.slice(0, 10)} ${shanghai.slice(11, 16)}（北京时间）`;
}

/** The blocking and review findings that name one of a material's files: a file can be there and still be wrong. */
function problemsOf(item: ChecklistItem, findings: readonly Finding[]): number {
  const files = new Set(item.files);
  return findings.filter((f) => f.severity !== 'info' && f.file !== undefined && files.has(f.file)).length;
}

function place(f: Finding): string {
  const s = f.source;
  if (!s) return '';
  const parts = [
    s.page !== undefined ? `第${s.page}页` : '',
    s.table !== undefined ? `表${s.table + 1}` : '',
    s.row !== undefined ? `第${s.row + 1}行` : '',
    s.line !== undefined ? `第${s.line}行` : '',
  ].filter(Boolean);
  return parts.join(' ');
}

function findingRows(findings: readonly Finding[]): string {
  if (findings.length === 0) return '<p class="none">无问题。</p>';
  const rows = findings.map(
    (f) => `<tr class="sev-${f.severity}">
  <td class="sev">${t(severityLabels[f.severity])}</td>
  <td><strong>${t(findingTitles[f.code])}</strong><br><code>${t(f.code)}</code></td>
  <td>${t(f.message)}</td>
  <td class="evidence">${f.file ? `<div class="file">${t(f.file)}</div>` : ''}${place(f) ? `<div>${t(place(f))}</div>` : ''}${f.field ? `<div class="field">字段：${t(f.field)}</div>` : ''}${f.evidence ? `<div class="quote">${t(f.evidence)}</div>` : ''}</td>
</tr>`,
  );
  return `<table class="findings"><thead><tr><th>级别</th><th>问题</th><th>说明</th><th>依据（文件、位置、字段、原文）</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function checklistTable(items: readonly ChecklistItem[], findings: readonly Finding[]): string {
  const rank = (c: ChecklistItem) =>
    checklistOrder[c.status] + (c.status === 'present' && problemsOf(c, findings) === 0 ? 0.5 : 0);
  const sorted = [...items].sort((a, b) => rank(a) - rank(b));
  const rows = sorted.map((c) => {
    const problems = c.status === 'present' ? problemsOf(c, findings) : 0;
    const status = problems > 0 ? `${checklistLabels[c.status]} · 有问题 ${problems}` : checklistLabels[c.status];
    return `<tr class="cl-${c.status}${problems > 0 ? ' cl-problem' : ''}">
  <td class="status">${t(status)}</td>
  <td>${t(c.name)}</td>
  <td>${t(requirementLabels[c.requirement])}${c.note ? `<div class="note">${t(c.note)}</div>` : ''}</td>
  <td>${c.files.length > 0 ? c.files.map((f) => `<div class="file" title="${t(f)}">${t(f.split('/').pop())}</div>`).join('') : '—'}</td>
</tr>`;
  });
  return `<table class="checklist"><thead><tr><th>状态</th><th>材料</th><th>要求</th><th>文件</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function applicantLines(app: ReportApplication): string {
  const a = app.applicant;
  const lines: [string, string | undefined][] = [
    ['申报对象', a.name],
    ['统一社会信用代码', a.creditCode],
    ['身份证号', a.idNumber ? maskIdNumber(a.idNumber) : undefined],
    ['工作单位', a.employer],
    ['标准编号', a.standardNumber],
    ['标准名称', a.standardName],
    ['申报单位', a.applicantUnit],
    ['汇总表排序', app.summaryRank?.toString()],
  ];
  return `<dl class="facts">${lines
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${t(k)}</dt><dd>${t(v)}</dd>`)
    .join('')}</dl>`;
}

function fieldsTable(app: ReportApplication): string {
  const entries = Object.entries(app.fields);
  if (entries.length === 0) return '';
  const rows = entries.map(
    ([key, f]) =>
      `<tr><td>${t(f.label)}</td><td>${t(key === 'idNumber' ? maskIdNumber(f.value) : f.value)}</td><td class="file">${t(f.source.file)}</td></tr>`,
  );
  return `<details class="fields"><summary>表单读取的字段（${entries.length}）</summary><table><thead><tr><th>栏目</th><th>内容</th><th>来源</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

function applicationSection(app: ReportApplication, index: number, total: number): string {
  return `<section class="application status-${app.status}">
<h2>申报 ${index + 1}/${total}：${t(app.applicant.name ?? app.id)} <span class="badge ${app.status}">${t(statusLabels[app.status])}</span></h2>
<p class="track">${t(app.trackName)} · 编号 <code>${t(app.id)}</code></p>
${applicantLines(app)}
<h3>材料清单</h3>
${checklistTable(app.checklist, app.findings)}
<h3>问题（${app.findings.length}）</h3>
${findingRows(app.findings)}
${fieldsTable(app)}
</section>`;
}

/** The OCR facts of a file in one cell: pages read, mean confidence, the seal verdict, pages not read. */
function ocrCell(f: ReportFile): string {
  const o = f.ocr;
  if (!o) return '—';
  const parts: string[] = [];
  if (o.pagesRead.length > 0) parts.push(`识别第 ${o.pagesRead.join('、')} 页，平均置信度 ${o.meanConfidence ?? 0}`);
  if (o.pagesNotRead.length > 0) parts.push(`第 ${o.pagesNotRead.join('、')} 页未识别`);
  if (o.sealDetected !== undefined) parts.push(o.sealDetected ? '检出红色印章' : '未检出红色印章');
  if (o.creditCode) parts.push(`信用代码 ${o.creditCode}${o.creditCodeValid ? '' : '（未通过校验）'}`);
  return parts.length > 0 ? parts.map((p) => `<div>${t(p)}</div>`).join('') : '文字层';
}

function fileTable(files: readonly ReportFile[]): string {
  const assigned = (f: ReportFile) =>
    f.assignment.kind === 'application'
      ? `申报 ${f.assignment.applicationId}`
      : { recommendingUnit: '推荐单位', container: '压缩包', unassigned: '未归属' }[f.assignment.kind];
  const rows = files.map(
    (f) => `<tr${f.assignment.kind === 'unassigned' ? ' class="unassigned"' : ''}>
  <td class="file">${t(f.path)}</td><td>${t(f.materialName)}</td><td>${t(f.detectedType)}${f.pagesWithoutText.length > 0 ? '（含无文字页）' : ''}</td>
  <td>${ocrCell(f)}</td><td>${t(assigned(f))}</td><td>${f.findings.length}</td><td class="hash"><code>${t(f.sha256.slice(0, 16))}…</code></td>
</tr>`,
  );
  return `<table class="files"><thead><tr><th>文件</th><th>材料类型</th><th>实际格式</th><th>文字识别</th><th>归属</th><th>问题数</th><th>SHA-256</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

const css = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 10.5pt; line-height: 1.5; color: #1a1a1a; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 17pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; page-break-inside: auto; }
th, td { border: 0.5pt solid #999; padding: 1.2mm 1.6mm; vertical-align: top; text-align: left; word-break: break-all; }
th { background: #eee; font-weight: 600; } tr { page-break-inside: avoid; }
.badge { font-size: 9.5pt; padding: 0.5mm 2mm; border-radius: 2mm; color: #fff; vertical-align: middle; }
.badge.complete { background: #2e7d32; } .badge.incomplete { background: #c62828; }
td.sev, td.status, th:first-child { white-space: nowrap; width: 15mm; }
.sev-blocking td.sev, .cl-missing td.status, .cl-invalid td.status { color: #b71c1c; font-weight: 700; }
.sev-review td.sev { color: #e65100; font-weight: 700; } .sev-info td.sev { color: #555; }
.cl-missing, .cl-invalid, tr.unassigned { background: #fdecea; } .cl-problem td.status { color: #b71c1c; } .cl-not-required { color: #666; }
.file { font-family: "Noto Sans Mono CJK SC", monospace; font-size: 9pt; } .quote { color: #333; background: #f5f5f5; padding: 0.5mm 1mm; }
.field, .note { font-size: 9pt; color: #555; } code { font-size: 8.5pt; }
dl.facts { display: grid; grid-template-columns: 32mm 1fr; gap: 0.5mm 3mm; margin: 1mm 0 2mm; } dt { color: #555; } dd { margin: 0; }
.summary td { text-align: center; } .none { color: #2e7d32; }
section.application { page-break-before: always; } section.application:first-of-type { page-break-before: auto; }
@media print { body { padding: 0; max-width: none; } details { display: block; } details > summary { list-style: none; } }
`;

/**
 * The report as one self-contained HTML page for people: Chinese labels, A4 print styles, every finding next to its
 * evidence (file, place, field, quoted value), missing materials first. All text is escaped; ID and phone numbers are
 * masked.
 */
export function reportHtml(report: CompletenessReport): string {
  const s = report.summary;
  const unit = report.recommendingUnit;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${t(`材料完整性审核报告 ${report.bundleId}`)}</title>
<style>${css}</style>
</head>
<body>
<header>
<h1>吉林省质量奖 材料完整性审核报告</h1>
<p>材料包 <code>${t(report.bundleId)}</code> · ${t(report.campaign)}年度 · 收到时间 ${t(beijingTime(report.receivedAt))} · 推荐单位 ${t(unit.name ?? '未能识别')}</p>
<p>结论：<span class="badge ${report.status}">${t(statusLabels[report.status])}</span></p>
<table class="summary"><thead><tr><th>文件</th><th>申报</th><th>完整</th><th>不完整</th><th>未归属文件</th><th>阻断</th><th>需审核</th><th>提示</th></tr></thead>
<tbody><tr><td>${s.files}</td><td>${s.applications}</td><td>${s.complete}</td><td>${s.incomplete}</td><td>${s.unassignedFiles}</td><td>${s.findings.blocking}</td><td>${s.findings.review}</td><td>${s.findings.info}</td></tr></tbody></table>
</header>
<section class="unit status-${unit.status}">
<h2>推荐单位材料：${t(unit.name ?? '未能识别')} <span class="badge ${unit.status}">${t(statusLabels[unit.status])}</span></h2>
<h3>材料清单</h3>
${checklistTable(unit.checklist, unit.findings)}
<h3>问题（${unit.findings.length}）</h3>
${findingRows(unit.findings)}
</section>
${report.applications.map((a, i) => applicationSection(a, i, report.applications.length)).join('\n')}
<section class="bundle">
<h2>材料包整体</h2>
${report.unassignedFiles.length > 0 ? `<h3>未归属任何申报的文件（${report.unassignedFiles.length}）</h3><ul>${report.unassignedFiles.map((f) => `<li class="file">${t(f)}</li>`).join('')}</ul>` : ''}
<h3>材料包问题（${report.findings.length}）</h3>
${findingRows(report.findings)}
<h3>全部文件（${report.files.length}）</h3>
${fileTable(report.files)}
</section>
</body>
</html>
`;
}
