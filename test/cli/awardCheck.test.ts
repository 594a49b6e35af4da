import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAward } from '../../infra/cli/award.js';
import { CompletenessReport } from '../../shared/report/completenessReport.js';
import { buildSpec, qmIndDefectsBundle, qmOrgBundle } from '../fixtures/bundles/exampleBundles.js';
import { buildBundleZip } from '../fixtures/bundleZip.js';

const shim = path.resolve('infra/cli/award.mjs');
let dir: string;
let zip: string;
let folder: string;

function award(...args: string[]) {
  const run = spawnSync(process.execPath, [shim, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function inProcess(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runAward(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'award-cli-'));
  zip = path.join(dir, 'complete.zip');
  writeFileSync(zip, buildBundleZip(await buildSpec(qmOrgBundle())));
  folder = path.join(dir, 'defects');
  for (const file of await buildSpec(qmIndDefectsBundle())) {
    mkdirSync(path.dirname(path.join(folder, file.name)), { recursive: true });
    writeFileSync(path.join(folder, file.name), file.data);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('award check', () => {
  it('exit 0 and a summary for a complete bundle (zip), HTML written with --html', () => {
    const html = path.join(dir, 'report.html');
    const run = award('check', zip, '--received-at', '2025-08-15T10:00:00+08:00', '--html', html);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('材料完整');
    expect(run.stdout).toContain('吉林省长白精工机械有限公司');
    expect(readFileSync(html, 'utf8')).toContain('<html lang="zh-CN">');
  });

  it('exit 1 for a bundle (folder) with blocking findings; --json puts nothing but the JSON on stdout', () => {
    const run = award('check', folder, '--json', '--received-at', '2025-08-15T10:00:00+08:00');
    expect(run.code).toBe(1);
    const report = CompletenessReport.parse(JSON.parse(run.stdout));
    expect(report.status).toBe('incomplete');
    expect(run.stdout.trimStart().startsWith('{')).toBe(true);
    expect(run.stderr).toContain('正在检查材料包');
    expect(run.stderr).toMatch(/扫描页随即文字识别（OCR，每包最多 40 页，每个文件最多 30 页）/);
    expect(run.stderr).toMatch(/文字识别完成：1 个扫描件识别 1 页，用时 \d+\.\d 秒/);
    expect(report.files.find((f) => f.path.endsWith('脱密审核同意书.pdf'))?.ocr?.pagesRead).toEqual([1]);
  });

  it('--no-ocr skips OCR: the scanned consent is left for review as not verified', () => {
    const run = award('check', folder, '--json', '--no-ocr', '--received-at', '2025-08-15T10:00:00+08:00');
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('文字识别');
    const report = CompletenessReport.parse(JSON.parse(run.stdout));
    expect(report.files.every((f) => f.ocr === undefined)).toBe(true);
    const consent = report.applications[0]?.findings.find((f) => f.code === 'DECLASSIFICATION_CONSENT_INCOMPLETE');
    expect(consent).toMatchObject({ severity: 'review', message: expect.stringContaining('未经文字识别') });
  });

  it('--ocr-pages caps the pages OCR reads per bundle: the rest is OCR_BUDGET_EXCEEDED (info)', () => {
    const run = award('check', folder, '--json', '--ocr-pages', '0', '--received-at', '2025-08-15T10:00:00+08:00');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('1 页超出每包 0 页上限');
    const report = CompletenessReport.parse(JSON.parse(run.stdout));
    const consent = report.files.find((f) => f.path.endsWith('脱密审核同意书.pdf'));
    expect(consent?.ocr?.pagesNotRead).toEqual([1]);
    expect(consent?.findings.find((f) => f.code === 'OCR_BUDGET_EXCEEDED')?.severity).toBe('info');
  });

  it('--json masks ID and phone numbers as the summary and the HTML do (the JSON is what travels)', () => {
    const run = award('check', folder, '--json', '--no-ocr', '--received-at', '2025-08-15T10:00:00+08:00');
    const report = CompletenessReport.parse(JSON.parse(run.stdout));
    const idNumber = report.applications[0]?.applicant.idNumber;
    expect(idNumber).toMatch(/^\d{0,3}\*{8,}[\dXx]{4}$/);
    expect(run.stdout).not.toMatch(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/);
    expect(run.stdout).not.toMatch(/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/);
  });

  it('exit 2 with a clear message and no stack trace for an unreadable bundle path', () => {
    const run = award('check', path.join(dir, 'no-such-bundle.zip'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('找不到材料包');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });

  it.each([
    [['check'], '缺少材料包路径'],
    [['check', 'a.zip', 'b.zip'], '只能检查一个材料包'],
    [['check', 'a.zip', '--bogus'], "Unknown option '--bogus'"],
    [['check', 'a.zip', '--received-at', '2025-08-20'], '--received-at 须为带时区的 ISO 时间'],
    [['check', 'a.zip', '--received-at', '2025-02-30T10:00:00+08:00'], '2025 年 2 月只有 28 天，没有 30 日'],
    [['check', 'a.zip', '--received-at', '2025-04-31T10:00:00+08:00'], '2025 年 4 月只有 30 天，没有 31 日'],
    [['check', 'a.zip', '--received-at', '2025-08-20T24:00:00+08:00'], '时刻不存在'],
    [['check', 'a.zip', '--received-at', '2025-08-20T10:00:00'], '须为带时区的 ISO 时间'],
    [['check', 'a.zip', '--campaign', '20x5'], '--campaign 须为四位年份'],
    [['check', 'a.zip', '--campaign', '1999'], '无法加载评选年度 1999'],
    [['check', 'a.zip', '--ocr-pages', 'many'], '--ocr-pages 须为 0 到 9999 的整数'],
    [['check', 'a.zip', '--no-ocr', '--ocr-pages', '3'], '--no-ocr 与 --ocr-pages 不能同时使用'],
    [['frobnicate'], '未知命令'],
    [[], '用法: award'],
  ])('exit 2 for the usage error %j', async (args, message) => {
    const run = await inProcess(...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  });
});
