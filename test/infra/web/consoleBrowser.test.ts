import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningConsole, startConsole } from '../../../infra/web/consoleServer.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const artefacts = resolve('artifacts/console');
const chromiumPath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();

let dir: string;
let web: RunningConsole;
let browser: Browser;

/** axe-core in the page: the serious and critical violations (rule id and how many nodes). */
async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string | null; nodes: unknown[] }[];
  };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length})`);
}

/** Every page visited: no serious/critical axe violation, and screenshots at phone and desktop width. */
async function check(page: Page, name: string): Promise<void> {
  expect(await accessibilityProblems(page), `axe on ${name}`).toEqual([]);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(artefacts, `${name}-${width}.png`), fullPage: true });
  }
}

async function signIn(name: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: web.url, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await check(page, 'sign-in');
  await page.getByLabel('用户名').fill(name);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
  return page;
}

beforeAll(async () => {
  process.env.AWARD_OCR = 'off';
  mkdirSync(artefacts, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'award-browser-'));
  web = await startConsole({ env: { AWARD_HOME: dir }, port: 0, notice: () => {} });
  web.runtime.clock.set(new Date('2025-08-15T10:00:00+08:00'));
  await web.users.add({ name: 'cc-unit', role: 'recommending_unit', unitId: 'changchun-amr', password: 'unit-pass-1' });
  await web.users.add({ name: 'reviewer', role: 'reviewer', password: 'review-pass' });
  await web.users.add({ name: 'auditor', role: 'auditor', password: 'audit-pass-1' });
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('web console in Chromium', () => {
  it('a unit uploads a bundle and reads its report; a reviewer records a consultation; an auditor verifies the history', async () => {
    const unit = await signIn('cc-unit', 'unit-pass-1');
    await check(unit, 'unit-home');
    await unit.getByLabel(/选择材料包/).setInputFiles(resolve('examples/qm-ind-complete.zip'));
    await unit.getByRole('button', { name: '上传并检查' }).click();
    // The bar fills as the bytes go up; the check that follows takes seconds, so the full bar is seen before the report.
    await unit.getByRole('status').getByText('上传完成，正在检查材料').waitFor();
    expect(await unit.locator('progress').evaluate((p) => (p as unknown as { value: number }).value)).toBe(100);
    await unit.waitForURL(/\/bundles\//, { timeout: 120_000 });
    await unit
      .frameLocator('iframe.report')
      .getByRole('heading', { name: '吉林省质量奖 材料完整性审核报告' })
      .waitFor();
    await check(unit, 'bundle');
    const applicationLink = unit.getByRole('link', { name: '赵立新' });
    const applicationPath = (await applicationLink.getAttribute('href')) as string;
    await applicationLink.click();
    await unit.getByText('征求意见', { exact: true }).first().waitFor();
    await check(unit, 'unit-application');

    const reviewer = await signIn('reviewer', 'review-pass');
    await reviewer.getByRole('cell', { name: /赵立新/ }).waitFor();
    await check(reviewer, 'queue');
    await reviewer.getByRole('link', { name: '赵立新' }).click();
    await reviewer.waitForURL(`**${applicationPath}`);
    await check(reviewer, 'reviewer-application');
    await reviewer.getByLabel('部门', { exact: true }).selectOption('PUBLIC_SECURITY');
    await reviewer.getByLabel('无异议').check();
    await reviewer.getByLabel(/意见摘要/).fill('未发现违法犯罪记录');
    await reviewer
      .getByLabel(/征求意见表/)
      .setInputFiles({ name: '公安意见表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
    await reviewer.getByRole('button', { name: '记录意见' }).click();
    await reviewer.getByText('已记录部门意见。').waitFor();
    await expect.poll(() => reviewer.getByRole('row', { name: /公安 无异议/ }).count()).toBe(1);

    const auditor = await signIn('auditor', 'audit-pass-1');
    await check(auditor, 'applications');
    await auditor.getByRole('link', { name: '赵立新' }).click();
    await auditor.getByRole('link', { name: '查看并核验履历' }).click();
    await auditor.getByText(/履历核验通过/).waitFor();
    expect(await auditor.getByRole('button', { name: /记录/ }).count()).toBe(0);
    await check(auditor, 'history');
  }, 240_000);
});
