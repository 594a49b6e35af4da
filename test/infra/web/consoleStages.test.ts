import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/localRuntime.js';
import { consoleApp } from '../../../infra/web/consoleApp.js';
import { type ConsoleBackend, localConsoleBackend } from '../../../infra/web/consoleBackend.js';
import { finalisationPage } from '../../../infra/web/pages/finalisationPage.js';
import { renderHtml } from '../../../infra/web/pages/layout.js';
import type { ConsoleUsers } from '../../../infra/web/users.js';
import { loadCampaign } from '../../../shared/domain/campaign/loadCampaign.js';
import { siDrafterPrizes } from '../../../shared/domain/prize/siPrize.js';
import type { ApplicationMeta } from '../../../shared/records/recordsRepository.js';
import { ConsoleClient } from './consoleClient.js';
import { type ConsoleWho, consolePasswords, startConsoleRuntime } from './consoleFixture.js';

/**
 * A reviewer takes one QM_IND application from 征求意见 to 已授奖 with the console's forms only (SPEC §5: QM_IND goes
 * 社会公示 → 资料评审 → 陈述答辩 → 综合评价 → 领导小组审核 → 公示 → 省政府审定, without 现场评审), and every new route is
 * authorised by role on the server.
 */
const objectorId = '220104198203154519';

let fixture: Awaited<ReturnType<typeof startConsoleRuntime>>;
let runtime: LocalRuntime;
let backend: ConsoleBackend;
let users: ConsoleUsers;
let app: Hono<never>;
let id: string;
let reviewer: ConsoleClient;

async function as(who: ConsoleWho | 'anonymous'): Promise<ConsoleClient> {
  const client = new ConsoleClient(app);
  if (who === 'anonymous') await client.get('/sign-in');
  else expect((await client.signIn(who, consolePasswords[who])).status).toBe(303);
  return client;
}

const historyLength = async () => (await runtime.repo.listEvents(id)).length;
const stage = async () => (await runtime.repo.getApplication(id))?.stage;
const sheet = (name: string) => new File([new Uint8Array([37, 80, 68, 70, 45])], name, { type: 'application/pdf' });
const page = async (client = reviewer) => (await client.get(`/applications/${id}`)).text;

/** Posts a form from the application page (fresh CSRF token) and expects the redirect back with the notice. */
async function submit(path: string, fields: Record<string, string | File>, done: string) {
  await reviewer.get(`/applications/${id}`);
  const { res, text } = await reviewer.post(path, fields);
  expect(res.status, text.match(/role="alert">([^<]*)/)?.[1]).toBe(303);
  expect(res.headers.get('location')).toBe(`/applications/${id}?done=${done}`);
}

/** Draws the panel with the form; the page shows the recorded draw (members, seed, pool hash) and a score field each. */
async function drawPanel(panelStage: 'MATERIAL_REVIEW' | 'DEFENSE'): Promise<string[]> {
  await submit(`/applications/${id}/panels/draw`, { stage: panelStage }, 'panel-drawn');
  const text = await page();
  const drawn = await runtime.repo.getPanel(id, panelStage);
  const members = drawn?.members ?? [];
  const snapshot = (drawn?.poolSnapshot ?? []) as { id: string; name: string; unit: string }[];
  expect(members.length).toBeGreaterThan(0);
  for (const expert of snapshot.filter((e) => members.includes(e.id)))
    expect(text).toContain(`<td>${expert.name}</td><td>${expert.unit}</td>`);
  expect(text).toContain(drawn?.poolHash ?? 'no pool hash');
  expect(text).toContain(drawn?.seed ?? 'no seed');
  const fields = [...text.matchAll(/name="(score-[^"]+)"/g)].map((m) => m[1] as string);
  expect(fields.map((f) => f.slice('score-'.length)).sort()).toEqual([...members].sort());
  return fields;
}

/** Records the same score from every member, with the signed sheets; the page shows the mean. */
async function score(panelStage: string, fields: string[], value: string) {
  const scores = Object.fromEntries(fields.map((f) => [f, value]));
  await submit(
    `/applications/${id}/panels/scores`,
    { stage: panelStage, ...scores, evidence: sheet('评分表.pdf') },
    'panel-scored',
  );
  expect(await page()).toContain(`平均分 <strong>${Number(value)}</strong>`);
}

beforeAll(async () => {
  fixture = await startConsoleRuntime('award-console-stages-');
  ({ runtime, users } = fixture);
  backend = localConsoleBackend(runtime);
  const submitted = await backend.submit({
    unitId: 'changchun-amr',
    actor: { id: 'cc-unit', role: 'recommending_unit' },
    file: { name: 'qm-ind-complete.zip', bytes: readFileSync(resolve('examples/qm-ind-complete.zip')) },
  });
  id = submitted.applications[0]?.applicationId as string;
  app = consoleApp({ backend, users }) as unknown as Hono<never>;
  reviewer = await as('reviewer');
}, 180_000);

afterAll(async () => fixture?.stop());

describe('the console’s stage routes: authorisation', () => {
  it('sends anonymous visitors to sign in, refuses units and auditors every change, and units the office pages', async () => {
    const posts = [
      `/applications/${id}/objections`,
      `/applications/${id}/objections/resolve`,
      `/applications/${id}/panels/draw`,
      `/applications/${id}/panels/scores`,
      '/clock',
      '/campaigns/2025/finalisation',
    ];
    const gets = ['/clock', '/finalisation', '/campaigns/2025/finalisation'];
    const before = await historyLength();
    const seen: Record<string, Record<string, number>> = {};
    for (const who of ['anonymous', 'cc-unit', 'jl-unit', 'auditor', 'reviewer'] as const) {
      const client = await as(who);
      const row: Record<string, number> = {};
      for (const path of gets) row[`GET ${path}`] = (await client.get(path)).res.status;
      if (who !== 'reviewer')
        for (const path of posts)
          row[`POST ${path}`] = (
            await client.post(path, { stage: 'MATERIAL_REVIEW', scope: 'QM', confirm: 'yes' })
          ).res.status;
      seen[who] = row;
    }
    const postsAre = (status: number) => Object.fromEntries(posts.map((p) => [`POST ${p}`, status]));
    expect(seen).toEqual({
      anonymous: {
        'GET /clock': 303,
        'GET /finalisation': 303,
        'GET /campaigns/2025/finalisation': 303,
        ...postsAre(401),
      },
      'cc-unit': {
        'GET /clock': 403,
        'GET /finalisation': 403,
        'GET /campaigns/2025/finalisation': 403,
        ...postsAre(403),
      },
      'jl-unit': {
        'GET /clock': 403,
        'GET /finalisation': 403,
        'GET /campaigns/2025/finalisation': 403,
        ...postsAre(403),
      },
      auditor: {
        'GET /clock': 403,
        'GET /finalisation': 303,
        'GET /campaigns/2025/finalisation': 200,
        ...postsAre(403),
      },
      reviewer: { 'GET /clock': 200, 'GET /finalisation': 303, 'GET /campaigns/2025/finalisation': 200 },
    });
    expect(await historyLength()).toBe(before);
    // A reviewer's form for an application that does not exist, or a campaign without a configuration: 404.
    await reviewer.get('/queue');
    expect((await reviewer.post('/applications/no-such-app-1/panels/draw', { stage: 'DEFENSE' })).res.status).toBe(404);
    expect((await reviewer.get('/campaigns/1999/finalisation')).res.status).toBe(404);
  });

  it('offers no local clock on a backend without one (as on AWS): no form, and /clock is 404', async () => {
    const { localClock: _none, ...remote } = backend;
    const aws = new ConsoleClient(consoleApp({ backend: remote, users }) as unknown as Hono<never>);
    await aws.signIn('reviewer', consolePasswords.reviewer);
    expect((await aws.get('/clock')).res.status).toBe(404);
    expect((await aws.post('/clock', { mode: 'workingDays', days: '1' })).res.status).toBe(404);
    expect(runtime.clock.now().toISOString()).toBe('2025-08-15T02:00:00.000Z');
  });
});

describe('a reviewer walks a QM_IND application from consultation to 已授奖 in the console', () => {
  it('records every consultation; the application enters 社会公示 for 5 working days (notice §三(一)2)', async () => {
    for (let i = 0; i < 20 && (await stage()) === 'CONSULTATION'; i++) {
      const options = (await page()).match(/<select id="department" name="department" required>(.*?)<\/select>/s)?.[1];
      const department = options?.match(/value="([A-Z_]+)"/)?.[1];
      expect(department).toBeDefined();
      await submit(
        `/applications/${id}/consultations`,
        {
          department: department as string,
          opinion: 'no_objection',
          summary: '无不良记录',
          evidence: sheet('意见表.pdf'),
        },
        'opinion',
      );
    }
    expect(await stage()).toBe('SOCIAL_PUBLICITY');
    const text = await page();
    // Opened on Friday 15 August (a working day, so day 1, SPEC §5): 15, 18, 19, 20, 21 August; ends at 24:00 on 21.
    expect(text).toContain('2025-08-15 至 2025-08-21，共 5 个工作日');
    expect(text).toContain('<td>2025-08-15 10:00</td><td>2025-08-22 00:00</td>');
    expect(text).toContain('公示中');
    expect(text).toContain('本地时钟');
    // The unit sees its window, not the office's forms.
    const unit = await page(await as('cc-unit'));
    expect(unit).toContain('2025-08-15 至 2025-08-21');
    expect(unit).not.toContain('记录异议');
    expect(unit).not.toContain('本地时钟');
  });

  it('records a written objection with a real identity, which pauses the application, and resolves it', async () => {
    await reviewer.get(`/applications/${id}`);
    const before = await historyLength();
    const noContent = await reviewer.post(`/applications/${id}/objections`, {
      stage: 'SOCIAL_PUBLICITY',
      objectorKind: 'person',
      personName: '王五',
      idNumber: objectorId,
      content: ' ',
    });
    expect(noContent.res.status).toBe(400);
    expect(noContent.text).toContain('请填写异议内容');
    expect(await historyLength()).toBe(before);

    await submit(
      `/applications/${id}/objections`,
      {
        stage: 'SOCIAL_PUBLICITY',
        objectorKind: 'person',
        personName: '王五',
        idNumber: objectorId,
        phone: '13912345678',
        content: '申报材料中的获奖情况与事实不符',
        evidence: sheet('异议书.pdf'),
      },
      'objection',
    );
    expect((await runtime.repo.getApplication(id))?.status).toBe('PAUSED');
    const text = await page();
    expect(text).toContain('因异议暂停');
    expect(text).toContain(objectorId);
    expect(text).toContain('申报材料中的获奖情况与事实不符');
    expect(text).toMatch(/<span class="badge ok">受理<\/span>/);
    const objectionId = text.match(/<option value="(OBJ-[0-9a-f]{12})"/)?.[1] as string;
    expect(objectionId).toBeDefined();

    // The auditor sees the objection with the objector's numbers masked; the unit does not see it at all.
    const audited = await page(await as('auditor'));
    expect(audited).toContain(objectionId);
    expect(audited).not.toContain(objectorId);
    expect(audited).not.toContain('13912345678');
    expect(audited).toMatch(/身份证号 220\*+4519/);
    const unit = await page(await as('cc-unit'));
    expect(unit).not.toContain(objectionId);
    expect(unit).not.toContain('王五');

    await reviewer.get(`/applications/${id}`);
    const paused = await historyLength();
    const noReason = await reviewer.post(`/applications/${id}/objections/resolve`, {
      objectionId,
      outcome: 'dismissed',
      reason: '',
    });
    expect(noReason.res.status).toBe(400);
    expect(noReason.text).toContain('请填写处理理由');
    expect(await historyLength()).toBe(paused);
    await submit(
      `/applications/${id}/objections/resolve`,
      { objectionId, outcome: 'dismissed', reason: '经核实，获奖情况属实' },
      'objection-resolved',
    );
    const meta = await runtime.repo.getApplication(id);
    expect(meta?.status).toBe('ACTIVE');
    expect(meta?.stage).toBe('SOCIAL_PUBLICITY');
    expect(await page()).toContain('异议不成立：经核实，获奖情况属实');
  });

  it('moves the local clock: 4 working days later the window is still open, the 5th closes it', async () => {
    await reviewer.get('/clock');
    const bad = await reviewer.post('/clock', { mode: 'workingDays', days: '0' });
    expect(bad.res.status).toBe(400);
    expect(bad.text).toContain('天数应为 1–365 的整数');
    const backwards = await reviewer.post('/clock', { mode: 'set', at: '2025-08-01T09:00' });
    expect(backwards.res.status).toBe(400);
    expect(runtime.clock.now().toISOString()).toBe('2025-08-15T02:00:00.000Z');

    const early = await reviewer.post('/clock', { mode: 'workingDays', days: '4', back: `/applications/${id}` });
    expect(early.res.status).toBe(303);
    const earlyPage = (await reviewer.get(early.res.headers.get('location') as string)).text;
    expect(earlyPage).toContain('<strong>2025-08-21 10:00</strong>');
    expect(earlyPage).toContain('没有申报因此继续流转');
    expect(await stage()).toBe('SOCIAL_PUBLICITY');

    const closing = await reviewer.post('/clock', { mode: 'workingDays', days: '1', back: `/applications/${id}` });
    const location = closing.res.headers.get('location') as string;
    expect(location).toContain(`moved=${id}`);
    const closed = (await reviewer.get(location)).text;
    expect(closed).toContain('<strong>2025-08-22 10:00</strong>');
    expect(closed).toContain('资料评审');
    expect(closed).toContain(`<a href="/applications/${id}">返回申报</a>`);
    expect(await stage()).toBe('MATERIAL_REVIEW');
    expect(await page()).toContain('已期满');
  });

  it('draws and scores the 资料评审 and 陈述答辩 panels, and refuses a score above 100 or a late objection', async () => {
    await reviewer.get(`/applications/${id}`);
    const before = await historyLength();
    const late = await reviewer.post(`/applications/${id}/objections`, {
      stage: 'SOCIAL_PUBLICITY',
      objectorKind: 'anonymous',
      content: '逾期的异议',
    });
    expect(late.res.status).toBe(400);
    expect(late.text).toContain('现在不在社会公示期内');
    expect(await page()).toContain('随机抽取专家');
    expect(await historyLength()).toBe(before);

    const fields = await drawPanel('MATERIAL_REVIEW');
    const scored = await historyLength();
    const tooHigh = await reviewer.post(`/applications/${id}/panels/scores`, {
      stage: 'MATERIAL_REVIEW',
      ...Object.fromEntries(fields.map((f, i) => [f, i === 0 ? '101' : '80'])),
      evidence: sheet('评分表.pdf'),
    });
    expect(tooHigh.res.status).toBe(400);
    expect(tooHigh.text).toContain('的评分应为 0–100 的数字');
    const noSheet = await reviewer.post(`/applications/${id}/panels/scores`, {
      stage: 'MATERIAL_REVIEW',
      ...Object.fromEntries(fields.map((f) => [f, '80'])),
    });
    expect(noSheet.res.status).toBe(400);
    expect(noSheet.text).toContain('请上传专家签字的评分表');
    expect(await historyLength()).toBe(scored);
    // No decision before the scores (recordDecision needs them at a panel stage).
    expect(await page()).not.toContain('作出决定');
    await score('MATERIAL_REVIEW', fields, '86');
    await submit(
      `/applications/${id}/decisions`,
      { stage: 'MATERIAL_REVIEW', outcome: 'pass', reason: '资料评审通过' },
      'decision',
    );
    expect(await stage()).toBe('DEFENSE');

    await score('DEFENSE', await drawPanel('DEFENSE'), '88.5');
    const material = await runtime.repo.getPanel(id, 'MATERIAL_REVIEW');
    const defense = await runtime.repo.getPanel(id, 'DEFENSE');
    // No expert sits on two panels of the same application (SPEC §5).
    expect(defense?.members?.filter((m) => material?.members?.includes(m))).toEqual([]);
    await submit(
      `/applications/${id}/decisions`,
      { stage: 'DEFENSE', outcome: 'pass', reason: '答辩通过' },
      'decision',
    );
    expect(await stage()).toBe('COMPREHENSIVE_EVALUATION');
    await submit(
      `/applications/${id}/decisions`,
      { stage: 'COMPREHENSIVE_EVALUATION', outcome: 'pass', reason: '综合评价通过', score: '90.5' },
      'decision',
    );
    expect(await stage()).toBe('LEADERSHIP_REVIEW');
  });

  it('finalises the campaign: the quotas and the 20 % cap shown, then the ranking with the 质量奖', async () => {
    expect(await page()).toContain('href="/campaigns/2025/finalisation"');
    const auditor = await as('auditor');
    const read = (await auditor.get('/campaigns/2025/finalisation')).text;
    // Notice §一: at most 5 质量奖 and 5 提名奖, organisations and individuals together; §二(一): 县处级 ≤ 20 %.
    expect(read).toContain('<dt>质量奖名额</dt><dd>5 个（组织和个人合计）</dd>');
    expect(read).toContain('<dt>提名奖名额</dt><dd>5 个（组织和个人合计）</dd>');
    expect(read).toContain('不超过入选个人总数的 20%');
    expect(read).toMatch(new RegExp(`${id}</a></th>[\\s\\S]*?<td>90.5</td>`));
    expect(read).not.toContain('确定评选结果</button>');

    const before = await historyLength();
    await reviewer.get('/campaigns/2025/finalisation');
    const unconfirmed = await reviewer.post('/campaigns/2025/finalisation', { scope: 'QM' });
    expect(unconfirmed.res.status).toBe(400);
    expect(unconfirmed.text).toContain('请勾选确认后再确定评选结果');
    expect(await historyLength()).toBe(before);

    const { res } = await reviewer.post('/campaigns/2025/finalisation', { scope: 'QM', confirm: 'yes' });
    expect(res.status).toBe(303);
    const ranked = (await reviewer.get(res.headers.get('location') as string)).text;
    expect(ranked).toContain('已确定评选结果');
    // The only candidate is first and within the 质量奖 quota; an individual receives a certificate (notice §六).
    expect(ranked).toMatch(
      new RegExp(
        `<td>1</td>\\s*<th scope="row"><a href="/applications/${id}">${id}</a></th>[\\s\\S]*?<span class="badge ok">质量奖</span>[\\s\\S]*?在质量奖名额内[\\s\\S]*?证书`,
      ),
    );
    expect(ranked).toContain('入选个人 1 名，其中县处级干部 0 名');
    expect(ranked).toContain('href="/campaigns/2025/finalisation.csv?scope=QM"');
    const csv = await reviewer.get('/campaigns/2025/finalisation.csv?scope=QM');
    const [header, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('名次,申报编号,名称,类别,综合得分,结果,理由,奖金（元）');
    expect(row).toMatch(new RegExp(`^1,${id},.*,质量奖,在质量奖名额内,0\\.00$`));
    expect((await reviewer.get('/campaigns/2025/finalisation.csv?scope=XX')).res.status).toBe(404);
    expect(await stage()).toBe('RESULT_PUBLICITY');
  });

  it('closes the 5-working-day result publicity with the clock, then 省政府审定 awards it', async () => {
    // Opened on Friday 22 August at 10:00: 22, 25, 26, 27, 28 August; ends at 24:00 on 28 (notice §三(一)7).
    const text = await page();
    expect(text).toContain('2025-08-22 至 2025-08-28，共 5 个工作日');
    expect(text).toContain('<td>2025-08-22 10:00</td><td>2025-08-29 00:00</td>');
    await reviewer.get('/clock');
    const { res } = await reviewer.post('/clock', { mode: 'set', at: '2025-08-29T09:00' });
    expect(res.headers.get('location')).toContain(`moved=${id}`);
    expect(await stage()).toBe('GOVERNMENT_APPROVAL');
    await submit(
      `/applications/${id}/decisions`,
      { stage: 'GOVERNMENT_APPROVAL', outcome: 'pass', reason: '省政府审定批准' },
      'decision',
    );
    const meta = await runtime.repo.getApplication(id);
    expect(meta?.stage).toBe('AWARDED');
    const done = await page();
    expect(done).toContain('<dt>当前阶段</dt><dd>已授奖</dd>');
    expect(done).not.toContain('本地时钟');
  });
});

describe('the finalisation page of 标准创新', () => {
  it('shows the grade quotas, and a graded project with its prize split among the drafters by 贡献率', () => {
    const config = loadCampaign('2025');
    const drafters = [
      { id: '张三', rate: 60 },
      { id: '李四', rate: 40 },
    ];
    const meta = { applicationId: 'si-app-1', name: '某团体标准', track: 'SI', unitId: 'u', unitName: '长春市' };
    const candidate = {
      meta: meta as ApplicationMeta,
      facts: { applicationId: 'si-app-1', requestedGrade: 'FIRST' as const, drafters },
      score: 91,
    };
    const text = renderHtml(
      finalisationPage(
        { title: '2025 年度评选结果' },
        {
          campaign: '2025',
          canFinalise: true,
          scopes: [
            {
              campaign: '2025',
              scope: 'SI',
              stage: 'COMPREHENSIVE_SELECTION',
              quotas: config.quotas,
              prizesFen: config.prizesFen,
              waiting: [],
              finalised: {
                at: '2025-09-01T02:00:00.000Z',
                actor: 'reviewer',
                outcomes: [
                  {
                    applicationId: 'si-app-1',
                    selected: true,
                    grade: 'FIRST',
                    reason: 'WITHIN_QUOTA',
                    prizeFen: config.prizesFen.SI.FIRST,
                    drafterPrizes: siDrafterPrizes('FIRST', drafters, config.prizesFen.SI),
                    candidate,
                  },
                ],
              },
            },
          ],
        },
      ),
    );
    // Notice §一: 一等奖 ≤ 5, 二等奖 ≤ 10, 三等奖 ≤ 15; §六: 一等奖 15 万元 per project, to the drafters by 贡献率.
    expect(text).toContain('一等奖 5 项，二等奖 10 项，三等奖 15 项');
    expect(text).toContain('<span class="badge ok">一等奖</span>');
    expect(text).toContain('¥150,000.00');
    expect(text).toContain('张三 ¥90,000.00；李四 ¥60,000.00');
    expect(text).toContain('<td>张三 60%；李四 40%</td>');
    // Recorded once: no form to finalise it again.
    expect(text).not.toContain('确定评选结果</button>');
  });
});
