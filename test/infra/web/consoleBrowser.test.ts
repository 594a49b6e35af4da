import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConsoleBackend } from '../../../infra/web/consoleBackend.js';
import { type RunningConsole, startConsole } from '../../../infra/web/consoleServer.js';
import { consultationOpinionEventType } from '../../../shared/actions/consultationStatus.js';
import { applicationPk, eventSk } from '../../../shared/records/keys.js';
import type { RecordsTable } from '../../../shared/records/recordsTable.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const artefacts = resolve('artifacts/console');
const chromiumPath = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();

let dir: string;
let web: RunningConsole;
let browser: Browser;
/** The application the unit's upload registered (`/applications/<id>`), used by every later scenario. */
let applicationPath = '';

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

/** Screenshots at phone and desktop width, kept as test artefacts. */
async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(artefacts, `${name}-${width}.png`), fullPage: true });
  }
}

/** Every page visited: no serious/critical axe violation, and screenshots at phone and desktop width. */
async function check(page: Page, name: string): Promise<void> {
  expect(await accessibilityProblems(page), `axe on ${name}`).toEqual([]);
  await screenshots(page, name);
}

let signInChecked = false;
async function signIn(name: string, password: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: web.url, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  if (!signInChecked) await check(page, 'sign-in');
  signInChecked = true;
  await page.getByLabel('用户名').fill(name);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出' }).waitFor();
  return page;
}

/** The focused element: what it is, and whether its focus is drawn (a focus-visible outline at least 2 px wide). */
const focused = (page: Page) =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
      id: el.id,
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute('type') ?? '',
      value: el.value ?? '',
      text: el.textContent.trim(),
      visible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  })()`) as Promise<{ id: string; tag: string; type: string; value: string; text: string; visible: boolean }>;

/** Presses Tab until the focused element matches `selector`; returns how many presses it took (fails after `max`). */
async function tabTo(page: Page, selector: string, max = 120): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`document.activeElement?.matches(${JSON.stringify(selector)}) === true`)) return presses;
  }
  throw new Error(`Tab never reached ${selector}`);
}

beforeAll(async () => {
  process.env.AWARD_OCR = 'off';
  mkdirSync(artefacts, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'award-browser-'));
  web = await startConsole({ env: { AWARD_HOME: dir }, port: 0, notice: () => {} });
  web.runtime.clock.set(new Date('2025-08-15T10:00:00+08:00'));
  await web.users.add({ name: 'cc-unit', role: 'recommending_unit', unitId: 'changchun-amr', password: 'unit-pass-1' });
  await web.users.add({
    name: 'jl-unit',
    role: 'recommending_unit',
    unitId: 'jilin-city-amr',
    password: 'unit-pass-2',
  });
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
  it('a unit uploads a bundle with the keyboard only, sees the progress and then its report', async () => {
    const unit = await signIn('cc-unit', 'unit-pass-1');
    await check(unit, 'unit-home');
    // From the top of the page, Tab reaches the upload control, then the submit button, each with its focus drawn.
    await unit.locator('body').focus();
    await tabTo(unit, 'input#bundle[type=file]', 20);
    expect(await focused(unit)).toMatchObject({ id: 'bundle', visible: true });
    await unit.locator('input#bundle').setInputFiles(resolve('examples/qm-ind-complete.zip'));
    await unit.keyboard.press('Tab');
    expect(await focused(unit)).toMatchObject({ tag: 'button', text: '上传并检查', visible: true });
    // What the upload form's status and bar show, kept across the page change that follows (sessionStorage).
    await unit.evaluate(`(() => {
      const status = document.querySelector('form[data-upload] [data-status]');
      const bar = document.querySelector('form[data-upload] progress');
      new MutationObserver(() => {
        const seen = JSON.parse(sessionStorage.getItem('upload') || '[]');
        seen.push({ text: status.textContent, value: bar.value, hidden: bar.hidden });
        sessionStorage.setItem('upload', JSON.stringify(seen));
      }).observe(status, { childList: true, characterData: true, subtree: true });
    })()`);
    await unit.keyboard.press('Enter');
    // The bundle's page follows the check and then shows the report.
    await unit.waitForURL(/\/bundles\//, { timeout: 60_000 });
    await unit
      .frameLocator('iframe.report')
      .getByRole('heading', { name: '吉林省质量奖 材料完整性审核报告' })
      .waitFor({ timeout: 120_000 });
    const seen = (await unit.evaluate(`JSON.parse(sessionStorage.getItem('upload') || '[]')`)) as {
      text: string;
      value: number;
      hidden: boolean;
    }[];
    expect(seen).toContainEqual({ text: '上传完成。', value: 100, hidden: false });
    await check(unit, 'bundle');
    const applicationLink = unit.getByRole('link', { name: '赵立新' });
    applicationPath = (await applicationLink.getAttribute('href')) as string;
    await applicationLink.click();
    await unit.getByRole('heading', { name: '申报材料文件' }).waitFor();
    expect(await unit.getByRole('link', { name: '在线查看：所在单位推荐意见.pdf' }).count()).toBe(1);
    await check(unit, 'unit-application');
    // 在线查看 opens the PDF in Chromium's own viewer (its extension frame), under the document's sandbox CSP.
    await unit.getByRole('link', { name: '在线查看：所在单位推荐意见.pdf' }).click();
    await expect
      .poll(() => unit.frames().some((f) => f.url().startsWith('chrome-extension://')), { timeout: 10_000 })
      .toBe(true);
    // Chromium's viewer page is the browser's, not the console's (axe finds its synthetic page untitled): pictures only.
    await screenshots(unit, 'document-view');
  }, 120_000);

  it('another unit gets 404 for that application and its documents', async () => {
    const other = await signIn('jl-unit', 'unit-pass-2');
    for (const path of [applicationPath, `${applicationPath}/documents/0`]) {
      const response = await other.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    await other.getByText('没有这个页面，或您无权查看。').waitFor();
    await check(other, 'other-unit-404');
  }, 60_000);

  it('a reviewer records the consultations, then decides on the adverse opinion with the keyboard only', async () => {
    const reviewer = await signIn('reviewer', 'review-pass');
    await reviewer.getByRole('cell', { name: /赵立新/ }).waitFor();
    await check(reviewer, 'queue');
    await reviewer.getByRole('link', { name: '赵立新' }).click();
    await reviewer.waitForURL(`**${applicationPath}`);
    await check(reviewer, 'reviewer-application');
    const opinions = [
      { department: 'PUBLIC_SECURITY', opinion: '无异议', summary: '未发现违法犯罪记录', row: /公安 无异议/ },
      { department: 'ORGANISATION_PERSONNEL', opinion: '有不同意见', summary: '存在待核实的情况', row: /有不同意见/ },
    ];
    for (const o of opinions) {
      await reviewer.getByLabel('部门', { exact: true }).selectOption(o.department);
      await reviewer.getByLabel(o.opinion).check();
      await reviewer.getByLabel(/意见摘要/).fill(o.summary);
      await reviewer
        .getByLabel(/回复的征求意见表/)
        .setInputFiles({ name: '意见表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
      await reviewer.getByRole('button', { name: '记录意见' }).click();
      await reviewer.getByText('已记录部门意见。').waitFor();
      await expect.poll(() => reviewer.getByRole('row', { name: o.row }).count()).toBe(1);
    }
    // Keyboard only: Tab to 通过, Space to choose it, Tab to the reason, type it, Tab to the button, Enter.
    await reviewer.locator('body').focus();
    await tabTo(reviewer, 'input[name=outcome][value=pass]');
    expect(await focused(reviewer)).toMatchObject({ type: 'radio', value: 'pass', visible: true });
    await reviewer.keyboard.press('Space');
    expect(await reviewer.getByLabel('通过', { exact: true }).isChecked()).toBe(true);
    await reviewer.keyboard.press('Tab');
    expect(await focused(reviewer)).toMatchObject({ id: 'reason', visible: true });
    await reviewer.keyboard.type('组织人事部门反映的情况经核实不影响申报');
    await reviewer.keyboard.press('Tab');
    expect(await focused(reviewer)).toMatchObject({ tag: 'button', text: '记录决定', visible: true });
    await reviewer.keyboard.press('Enter');
    await reviewer.getByText('已记录决定。').waitFor();
    expect((await web.runtime.repo.getApplication(applicationPath.split('/').at(-1) as string))?.stage).toBe(
      'SOCIAL_PUBLICITY',
    );
    await check(reviewer, 'reviewer-decided');
  }, 90_000);

  it('a reviewer closes the 社会公示 window with the 本地时钟, draws the 资料评审 panel, and opens the campaign’s results page', async () => {
    const applicationId = applicationPath.split('/').at(-1) as string;
    const reviewer = await signIn('reviewer', 'review-pass');
    await reviewer.goto(applicationPath);
    // The notice: 社会公示 lasts 5 working days (§四.2); the window counts from the day it opens.
    await reviewer.getByText(/共 5 个工作日/).waitFor();
    await reviewer.getByLabel('向后推若干个工作日').check();
    await reviewer.getByLabel(/天数/).fill('5');
    await reviewer.getByRole('button', { name: '调整本地时钟' }).click();
    await reviewer.getByText(applicationId).first().waitFor();
    await check(reviewer, 'clock-moved');
    expect((await web.runtime.repo.getApplication(applicationId))?.stage).toBe('MATERIAL_REVIEW');

    await reviewer.goto(applicationPath);
    await reviewer.getByRole('button', { name: '随机抽取专家' }).click();
    await reviewer.getByRole('button', { name: '记录评分' }).waitFor();
    expect((await web.runtime.repo.getPanel(applicationId, 'MATERIAL_REVIEW'))?.status).toBe('DRAWN');
    await check(reviewer, 'panel-drawn');

    await reviewer.goto('/campaigns/2025/finalisation');
    await reviewer.getByRole('heading', { level: 1 }).waitFor();
    await check(reviewer, 'finalisation');
    await reviewer.getByRole('link', { name: '专家库' }).click();
    await reviewer.getByRole('button', { name: '载入专家库' }).waitFor();
    await check(reviewer, 'experts');
  }, 90_000);

  it('a 标准创新 application: its unit recommends it and the reviewer passes 形式审查, which opens a 7-working-day 公示', async () => {
    const backend = localConsoleBackend(web.runtime);
    const submitted = await backend.submit({
      unitId: 'jilin-city-amr',
      actor: { id: 'jl-unit', role: 'recommending_unit' },
      file: { name: 'si-complete.zip', bytes: readFileSync(resolve('examples/si-complete.zip')) },
    });
    const id = submitted.applications[0]?.applicationId as string;
    for (const department of (await backend.consultation(id)).required)
      await backend.recordOpinion({
        actor: { id: 'reviewer', role: 'reviewer' },
        applicationId: id,
        department,
        opinion: 'no_objection',
        summary: '无异议',
        evidence: { name: '意见表.pdf', bytes: Buffer.from('%PDF-1.4\n') },
      });
    expect((await web.runtime.repo.getApplication(id))?.stage).toBe('UNIT_RECOMMENDATION');

    const decide = async (page: Page, reason: string) => {
      await page.goto(`/applications/${id}`);
      await page.getByLabel('通过', { exact: true }).check();
      await page.getByLabel(/理由/).fill(reason);
      await page.getByRole('button', { name: '记录决定' }).click();
      await page.getByText('已记录决定。').waitFor();
    };
    // 组织推荐 is the recommending unit's decision (the notice's 标准创新 procedure, item 3), then the office's 形式审查 (item 4).
    const unit = await signIn('jl-unit', 'unit-pass-2');
    await decide(unit, '经集体研究，同意推荐');
    expect((await web.runtime.repo.getApplication(id))?.stage).toBe('FORMAL_REVIEW');
    const reviewer = await signIn('reviewer', 'review-pass');
    await decide(reviewer, '材料齐全，符合申报条件');
    await reviewer.getByText(/共 7 个工作日/).waitFor();
    expect((await web.runtime.repo.getApplication(id))?.stage).toBe('SOCIAL_PUBLICITY');
    await check(reviewer, 'si-formal-review-passed');
  }, 90_000);

  it('an auditor verifies the history, then sees an entry edited in the table as the first broken one', async () => {
    const applicationId = applicationPath.split('/').at(-1) as string;
    const auditor = await signIn('auditor', 'audit-pass-1');
    await check(auditor, 'applications');
    await auditor.getByRole('link', { name: '赵立新' }).click();
    await auditor.getByRole('link', { name: '查看并核验履历' }).click();
    await auditor.getByText(/履历核验通过/).waitFor();
    expect(await auditor.getByRole('button', { name: /记录/ }).count()).toBe(0);
    await check(auditor, 'history');

    // Someone with access to the table rewrites the adverse opinion's summary in place.
    const edited = (await web.runtime.repo.listEvents(applicationId)).find(
      (e) => e.type === consultationOpinionEventType && e.data.summary === '存在待核实的情况',
    );
    expect(edited).toBeDefined();
    const seq = edited?.seq as number;
    const table = (web.runtime.repo as unknown as { table: RecordsTable }).table;
    await table.update(
      { pk: applicationPk(applicationId), sk: eventSk(seq) },
      { expression: 'SET #d.#s = :s', names: { '#d': 'data', '#s': 'summary' }, values: { ':s': '无异议' } },
    );
    await auditor.reload();
    const alert = auditor.getByRole('alert');
    await alert.getByText('履历核验未通过').waitFor();
    expect(await alert.textContent()).toContain(`第一处损坏在第 ${seq} 条记录（被篡改）`);
    const broken = auditor.locator('tr.broken');
    expect(await broken.count()).toBe(1);
    expect(await broken.getAttribute('id')).toBe(`entry-${seq}`);
    expect((await broken.locator('td').first().textContent())?.trim()).toBe(`${seq} ✖ 核验未通过：被篡改`);
    await alert.getByRole('link', { name: `跳到第 ${seq} 条记录` }).click();
    expect(auditor.url()).toMatch(new RegExp(`#entry-${seq}$`));
    await check(auditor, 'history-broken');
  }, 60_000);
});
