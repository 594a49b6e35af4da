import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletenessReport } from '../../shared/report/completenessReport.js';
import { reportHtml } from '../../shared/report/reportHtml.js';
import { parseReportJson } from '../../shared/report/reportJson.js';
import { reportSummary } from '../../shared/report/reportSummary.js';
import { checkSpec } from '../completeness/checkSpec.js';
import {
  certificateScanCode,
  orgFolder,
  person,
  qmIndBundle,
  qmOrgBundle,
} from '../fixtures/bundles/exampleBundles.js';
import { goldenPath } from './goldenReports.js';

const chromium = '/usr/bin/chromium';
let dir: string;
let report: CompletenessReport;

function chromiumRun(...args: string[]) {
  return spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      ...args,
    ],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 32 * 1024 * 1024 },
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'award-html-'));
  const spec = qmOrgBundle();
  spec.delete(`${orgFolder}/统一社会信用代码证书.pdf`);
  report = await checkSpec(spec);
  writeFileSync(path.join(dir, 'report.html'), reportHtml(report));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTML report', () => {
  it('opens in headless Chromium and shows the missing material first in the checklist', () => {
    expect(existsSync(chromium)).toBe(true);
    const run = chromiumRun('--dump-dom', `file://${path.join(dir, 'report.html')}`);
    expect(run.status).toBe(0);
    const dom = parse(run.stdout);
    const app = dom.querySelector('section.application');
    const firstRow = app?.querySelector('table.checklist tbody tr');
    expect(firstRow?.classList.contains('cl-missing')).toBe(true);
    expect(firstRow?.text).toContain('统一社会信用代码证书');
    expect(firstRow?.text).toContain('缺失');
    const finding = app?.querySelector('table.findings tr.sev-blocking');
    expect(finding?.text).toContain('缺少材料');
    expect(finding?.text).toContain('CREDIT_CODE_CERTIFICATE');
    expect(dom.querySelector('h1')?.text).toBe('吉林省质量奖 材料完整性审核报告');
  });

  it('renders to a screenshot and prints to A4 PDF', () => {
    const png = path.join(dir, 'report.png');
    const pdf = path.join(dir, 'report.pdf');
    const url = `file://${path.join(dir, 'report.html')}`;
    expect(chromiumRun('--window-size=900,1600', `--screenshot=${png}`, url).status).toBe(0);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect(chromiumRun('--no-pdf-header-footer', `--print-to-pdf=${pdf}`, url).status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  });

  it('escapes every text it shows', () => {
    const hostile: CompletenessReport = {
      ...report,
      findings: [
        {
          code: 'UNCLASSIFIED_FILE',
          severity: 'info',
          message: '<script>alert(1)</script>',
          file: '"><img src=x onerror=alert(1)>.pdf',
        },
      ],
      unassignedFiles: ['<b>x</b>.txt'],
    };
    const html = reportHtml(hostile);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('masks ID numbers in HTML and in the text summary, not in the JSON', async () => {
    const ind = await checkSpec(qmIndBundle());
    expect(ind.applications[0]?.applicant.idNumber).toBe(person.idNumber);
    const html = reportHtml(ind);
    expect(html).not.toContain(person.idNumber);
    expect(html).toContain(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(-4)}`);
    expect(reportSummary(ind)).not.toContain(person.idNumber);
  });

  it('shows what OCR read per file: pages, mean confidence, seal verdict, credit code', () => {
    const scanned = parseReportJson(readFileSync(goldenPath('qm-org-defects'), 'utf8'));
    const rows = parse(reportHtml(scanned))
      .querySelectorAll('table.files tr')
      .map((r) => r.text);
    const consent = rows.find((r) => r.includes(`${orgFolder}/脱密审核同意书.pdf`));
    expect(consent).toMatch(/识别第 1 页，平均置信度 \d+/);
    expect(consent).toContain('未检出红色印章');
    const certificate = rows.find((r) => r.includes(`${orgFolder}/统一社会信用代码证书.pdf`));
    expect(certificate).toContain('检出红色印章');
    expect(certificate).toContain(`信用代码 ${certificateScanCode}`);
  });

  it('flags a material that is there but has problems, and sorts it before the clean ones', () => {
    const defects = parseReportJson(readFileSync(goldenPath('qm-org-defects'), 'utf8'));
    const rows = parse(reportHtml(defects))
      .querySelectorAll('section.application table.checklist tbody tr')
      .map((r) => ({ status: r.querySelector('td.status')?.text ?? '', text: r.text }));
    const consent = rows.find((r) => r.text.includes('脱密审核同意书'));
    const selfEvaluation = rows.find((r) => r.text.includes('自评报告'));
    expect(consent?.status).toBe('已提供 · 有问题 1');
    expect(selfEvaluation?.status).toBe('已提供 · 有问题 2');
    const firstClean = rows.findIndex((r) => r.status === '已提供');
    const lastProblem = rows.findLastIndex((r) => r.status.includes('有问题'));
    expect(firstClean).toBeGreaterThan(lastProblem);
  });

  it('shows the received time in Beijing time', () => {
    const defects = parseReportJson(readFileSync(goldenPath('qm-org-defects'), 'utf8'));
    expect(reportHtml({ ...defects, receivedAt: '2025-08-15T02:00:00.000Z' })).toContain(
      '收到时间 2025-08-15 10:00（北京时间）',
    );
  });
});
