import { maskText } from '../domain/access/maskPersonalData.js';
import type { Finding } from '../domain/findings/finding.js';
import type { CompletenessReport } from './completenessReport.js';
import { findingTitles, severityLabels, statusLabels } from './reportLabels.js';

const shown = 12;

function findingLine(f: Finding): string {
  const where = [f.file, f.field].filter(Boolean).join(' · ');
  return `    [${severityLabels[f.severity]}] ${f.code} ${findingTitles[f.code]}：${f.message}${where ? `（${where}）` : ''}`;
}

function findingLines(findings: readonly Finding[]): string[] {
  const relevant = findings.filter((f) => f.severity !== 'info');
  const lines = relevant.slice(0, shown).map(findingLine);
  if (relevant.length > shown) lines.push(`    … 另有${relevant.length - shown}项，见 --json 或 --html 报告`);
  return lines;
}

/**
 * A short summary for the terminal: per application its status, missing materials and the blocking and review
 * findings (at most a dozen each); ID and phone numbers masked.
 */
export function reportSummary(report: CompletenessReport): string {
  const out: string[] = [];
  const s = report.summary;
  out.push(
    `材料包 ${report.bundleId}（${report.campaign}年度${report.receivedAt ? `，收到于 ${report.receivedAt}` : ''}）：${statusLabels[report.status]}`,
  );
  const unit = report.recommendingUnit;
  out.push(`  推荐单位 ${unit.name ?? '（未能识别）'}：${statusLabels[unit.status]}`);
  const unitMissing = unit.checklist.filter((c) => c.status === 'missing' || c.status === 'invalid');
  if (unitMissing.length > 0) out.push(`    缺少或无效：${unitMissing.map((c) => c.name).join('、')}`);
  out.push(...findingLines(unit.findings));
  for (const [i, app] of report.applications.entries()) {
    out.push(
      `  申报 ${i + 1}/${report.applications.length} ${app.trackName}：${app.applicant.name ?? app.id} — ${statusLabels[app.status]}`,
    );
    const missing = app.checklist.filter((c) => c.status === 'missing' || c.status === 'invalid');
    if (missing.length > 0) out.push(`    缺少或无效：${missing.map((c) => c.name).join('、')}`);
    out.push(...findingLines(app.findings));
  }
  if (report.unassignedFiles.length > 0) out.push(`  未归属任何申报的文件：${report.unassignedFiles.join('、')}`);
  out.push(...findingLines(report.findings));
  const scanned = report.files.filter((f) => f.ocr && f.ocr.pagesRead.length > 0);
  if (scanned.length > 0)
    out.push(
      `  文字识别（OCR）：${scanned.length}个扫描件，${scanned.reduce((n, f) => n + (f.ocr?.pagesRead.length ?? 0), 0)}页`,
    );
  out.push(
    `  合计：${s.files}个文件，${s.applications}项申报（完整${s.complete}，不完整${s.incomplete}）；阻断${s.findings.blocking}，需审核${s.findings.review}，提示${s.findings.info}`,
  );
  return `${maskText(out.join('\n'))}\n`;
}
