import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/localRuntime.js';
import { consoleApp } from '../../../infra/web/consoleApp.js';
import { localConsoleBackend } from '../../../infra/web/consoleBackend.js';
import { buildBundleZip } from '../../fixtures/bundleZip.js';
import { ConsoleClient } from './consoleClient.js';
import { type ConsoleWho, consolePasswords, startConsoleRuntime } from './consoleFixture.js';

const idNumber = '220102197805123018';
let fixture: Awaited<ReturnType<typeof startConsoleRuntime>>;
let runtime: LocalRuntime;
let app: Hono<never>;
let applicationId: string;
let bundleId: string;

async function as(who: ConsoleWho | 'anonymous'): Promise<ConsoleClient> {
  const client = new ConsoleClient(app);
  if (who !== 'anonymous') expect((await client.signIn(who, consolePasswords[who])).status).toBe(303);
  return client;
}

const historyLength = async () => (await runtime.repo.listEvents(applicationId)).length;

beforeAll(async () => {
  fixture = await startConsoleRuntime('award-console-');
  runtime = fixture.runtime;
  const users = fixture.users;
  const backend = localConsoleBackend(runtime);
  const bytes = readFileSync(resolve('examples/qm-ind-complete.zip'));
  const submitted = await backend.submit({
    unitId: 'changchun-amr',
    actor: { id: 'cc-unit', role: 'recommending_unit' },
    file: { name: 'qm-ind-complete.zip', bytes },
  });
  bundleId = submitted.bundleId;
  applicationId = submitted.applications[0]?.applicationId as string;
  app = consoleApp({ backend, users }) as unknown as Hono<never>;
}, 180_000);

afterAll(async () => fixture?.stop());

describe('web console routes', () => {
  it('sends a visitor who is not signed in to the sign-in page', async () => {
    const { res } = await (await as('anonymous')).get('/queue');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sign-in');
  });

  it('refuses a wrong password with 401 and sets an httpOnly SameSite=Strict cookie on success', async () => {
    const client = new ConsoleClient(app);
    await client.get('/sign-in');
    expect((await client.post('/sign-in', { name: 'reviewer', password: 'wrong-password' })).res.status).toBe(401);
    const { res } = await client.post('/sign-in', { name: 'reviewer', password: consolePasswords.reviewer });
    expect(res.status).toBe(303);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('authorises every page by role on the server', async () => {
    const expected: Record<ConsoleWho, Record<string, number>> = {
      'cc-unit': {
        '/unit': 200,
        '/queue': 403,
        '/applications': 403,
        [`/applications/${applicationId}`]: 200,
        [`/applications/${applicationId}/report.json`]: 200,
        [`/applications/${applicationId}/history`]: 403,
        [`/bundles/${bundleId}`]: 200,
        [`/bundles/${bundleId}/report.html`]: 200,
      },
      'jl-unit': {
        '/unit': 200,
        [`/applications/${applicationId}`]: 404,
        [`/applications/${applicationId}/report.json`]: 404,
        [`/bundles/${bundleId}`]: 404,
        [`/bundles/${bundleId}/report.html`]: 404,
      },
      reviewer: {
        '/unit': 403,
        '/queue': 200,
        '/applications': 200,
        [`/applications/${applicationId}`]: 200,
        [`/applications/${applicationId}/history`]: 200,
        [`/bundles/${bundleId}/report.html`]: 200,
      },
      auditor: {
        '/unit': 403,
        '/queue': 403,
        '/applications': 200,
        [`/applications/${applicationId}`]: 200,
        [`/applications/${applicationId}/history`]: 200,
        [`/applications/${applicationId}/history.json`]: 200,
        [`/applications/${applicationId}/history.csv`]: 200,
      },
    };
    const seen: Record<string, Record<string, number>> = {};
    for (const [who, routes] of Object.entries(expected)) {
      const client = await as(who as ConsoleWho);
      seen[who] = {};
      for (const path of Object.keys(routes))
        (seen[who] as Record<string, number>)[path] = (await client.get(path)).res.status;
    }
    expect(seen).toEqual(expected);
  });

  it('guards every route the console has: anonymous visitors are sent to sign in, changes need a session', async () => {
    const open = new Set([
      'GET /static/console.css',
      'GET /static/console.js',
      'GET /',
      'GET /sign-in',
      'POST /sign-in',
    ]);
    const routes = [...new Set(app.routes.map((r) => `${r.method} ${r.path}`))].filter(
      (r) => !open.has(r) && !r.endsWith(' /*'),
    );
    expect(routes.length).toBeGreaterThan(30);
    const path = (route: string) =>
      (route.split(' ')[1] as string)
        .replace(':bundleId', bundleId)
        .replace(':id', applicationId)
        .replace(':year', '2025')
        .replace(':n', '0');
    const before = await historyLength();
    const anonymous = await as('anonymous');
    const seen = Object.fromEntries(
      await Promise.all(
        routes.map(async (route) => {
          const res = route.startsWith('GET ')
            ? (await anonymous.get(path(route))).res
            : (await anonymous.post(path(route), { reason: 'x' }, null)).res;
          return [route, `${res.status} ${res.headers.get('location') ?? ''}`.trim()] as const;
        }),
      ),
    );
    for (const route of routes) expect(seen[route], route).toBe(route.startsWith('GET ') ? '303 /sign-in' : '403');
    expect(await historyLength()).toBe(before);
  });

  it('refuses an auditor every change, with a valid session and token', async () => {
    const auditor = await as('auditor');
    await auditor.get(`/applications/${applicationId}`);
    const before = await historyLength();
    const posts = [...new Set(app.routes.filter((r) => r.method === 'POST').map((r) => r.path))].filter(
      (p) => p !== '/*' && p !== '/sign-in' && p !== '/sign-out',
    );
    for (const p of posts) {
      const target = p.replace(':id', applicationId).replace(':year', '2025');
      expect((await auditor.post(target, { reason: '审计不应能操作' })).res.status, p).toBe(403);
    }
    expect(await historyLength()).toBe(before);
  });

  it('gives another unit 404 for a unit’s application, as for an id that does not exist', async () => {
    const other = await as('jl-unit');
    const { res, text } = await other.get(`/applications/${applicationId}`);
    expect(res.status).toBe(404);
    expect(text).not.toContain(applicationId);
    expect((await other.get('/applications/no-such-app-1')).res.status).toBe(404);
    const { text: home } = await other.get('/unit');
    expect(home).not.toContain(applicationId);
  });

  it('lets an auditor change nothing: every form POST is 403 and the history is unchanged', async () => {
    const auditor = await as('auditor');
    const before = await historyLength();
    const decision = await auditor.post(`/applications/${applicationId}/decisions`, {
      stage: 'CONSULTATION',
      outcome: 'reject',
      reason: '测试',
    });
    expect(decision.res.status).toBe(403);
    const opinion = await auditor.post(`/applications/${applicationId}/consultations/departments`, {
      department: 'AUDIT',
    });
    expect(opinion.res.status).toBe(403);
    expect((await auditor.post('/unit/bundles', { bundle: new File(['x'], 'x.zip') })).res.status).toBe(403);
    expect(await historyLength()).toBe(before);
  });

  it('refuses a POST without the session’s CSRF token (403) and records nothing', async () => {
    const reviewer = await as('reviewer');
    const before = await historyLength();
    const missing = await reviewer.post(
      `/applications/${applicationId}/consultations/departments`,
      { department: 'AUDIT' },
      null,
    );
    expect(missing.res.status).toBe(403);
    const wrong = await reviewer.post(
      `/applications/${applicationId}/consultations/departments`,
      { department: 'AUDIT' },
      'not-the-token',
    );
    expect(wrong.res.status).toBe(403);
    expect(await historyLength()).toBe(before);
  });

  it('answers bad form input with 400 and a message, and records nothing', async () => {
    const reviewer = await as('reviewer');
    await reviewer.get(`/applications/${applicationId}`);
    const before = await historyLength();
    const { res, text } = await reviewer.post(`/applications/${applicationId}/decisions`, {
      stage: 'CONSULTATION',
      outcome: 'reject',
      reason: '   ',
    });
    expect(res.status).toBe(400);
    expect(text).toContain('请填写理由');
    const noEvidence = await reviewer.post(`/applications/${applicationId}/consultations`, {
      department: 'PUBLIC_SECURITY',
      opinion: 'no_objection',
      summary: '无违法记录',
    });
    expect(noEvidence.res.status).toBe(400);
    expect(noEvidence.text).toContain('征求意见表');
    expect(await historyLength()).toBe(before);
  });

  it('explains a refused act in Chinese, with the action’s code, and records nothing', async () => {
    const reviewer = await as('reviewer');
    await reviewer.get(`/applications/${applicationId}`);
    const before = await historyLength();
    const { res, text } = await reviewer.post(`/applications/${applicationId}/decisions`, {
      stage: 'FORMAL_REVIEW',
      outcome: 'pass',
      reason: '形式审查通过',
    });
    expect(res.status).toBe(409);
    expect(text).toContain('操作未完成：申报已不在此阶段');
    expect(text).toContain('WRONG_STAGE');
    expect(await historyLength()).toBe(before);
  });

  it('masks the ID number for a unit and an auditor, and shows it to the office reviewer', async () => {
    const reviewer = await as('reviewer');
    expect((await reviewer.get(`/applications/${applicationId}`)).text).toContain(idNumber);
    for (const who of ['cc-unit', 'auditor'] as const) {
      const client = await as(who);
      const page = await client.get(`/applications/${applicationId}`);
      expect(page.res.status).toBe(200);
      expect(page.text).not.toContain(idNumber);
      expect(page.text).toMatch(/身份证号<\/dt><dd>[0-9*]*\*{8,}[0-9*]*3018</);
    }
    const unitJson = await (await as('cc-unit')).get(`/applications/${applicationId}/report.json`);
    expect(unitJson.text).not.toContain(idNumber);
    expect(JSON.parse(unitJson.text).masked).toBe(true);
    const auditorHistory = await (await as('auditor')).get(`/applications/${applicationId}/history.json`);
    expect(JSON.parse(auditorHistory.text).masked).toBe(true);
  });

  it('records a consultation opinion from the reviewer’s form, with its evidence, in the history', async () => {
    const reviewer = await as('reviewer');
    await reviewer.get(`/applications/${applicationId}`);
    const before = await historyLength();
    const { res } = await reviewer.post(`/applications/${applicationId}/consultations`, {
      department: 'PUBLIC_SECURITY',
      opinion: 'no_objection',
      summary: '未发现违法犯罪记录',
      evidence: new File([new Uint8Array([37, 80, 68, 70])], '公安意见表.pdf', { type: 'application/pdf' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/applications/${applicationId}?done=opinion`);
    const events = await runtime.repo.listEvents(applicationId);
    expect(events.length).toBe(before + 1);
    const recorded = events.at(-1);
    expect(recorded?.type).toBe('CONSULTATION_OPINION_RECORDED');
    expect(recorded?.actor).toBe('reviewer');
    expect(recorded?.data.department).toBe('PUBLIC_SECURITY');
    expect(recorded?.evidence[0]?.objectKey).toMatch(/公安意见表\.pdf$/);
  });

  it('shows the auditor the history verified, with JSON and CSV exports', async () => {
    const auditor = await as('auditor');
    const page = await auditor.get(`/applications/${applicationId}/history`);
    expect(page.text).toContain('履历核验通过');
    const csv = await auditor.get(`/applications/${applicationId}/history.csv`);
    expect(csv.res.headers.get('content-type')).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toContain('seq');
  });

  it('exports the application list as CSV and as an Excel workbook to reviewers and auditors, never to a unit', async () => {
    const reviewer = await as('reviewer');
    const csv = await reviewer.get('/applications.csv');
    expect(csv.res.status).toBe(200);
    expect(csv.res.headers.get('content-disposition')).toContain('applications.csv');
    const [header, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('申报编号,奖项类别,申报者,推荐单位,当前阶段,状态,等级,奖金（元）,更新时间（北京时间）');
    expect(row?.split(',')[0]).toBe(applicationId);
    expect(row).toContain('质量管理');

    const auditor = await as('auditor');
    const res = await app.request('/applications.xlsx', { headers: { cookie: auditor.cookie } });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const XLSX = await import('@e965/xlsx');
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0] as string] as never, { header: 1 });
    expect(rows[0]?.[0]).toBe('申报编号');
    expect(rows[1]?.[0]).toBe(applicationId);

    const unit = await as('cc-unit');
    expect((await unit.get('/applications.csv')).res.status).toBe(403);
    expect((await unit.get('/queue.xlsx')).res.status).toBe(403);
  });

  it('exports the task queue with the page’s filter applied', async () => {
    const reviewer = await as('reviewer');
    const all = await reviewer.get('/queue.csv');
    expect(all.text).toContain(applicationId);
    const siOnly = await reviewer.get('/queue.csv?track=SI');
    expect(
      siOnly.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
  });

  it('answers an upload at once, shows the check’s progress to its unit only, then the bundle with its report', async () => {
    const unit = await as('jl-unit');
    await unit.get('/unit');
    const zip = buildBundleZip([{ name: '说明.txt', data: Buffer.from('这不是申报材料。') }]);
    const form = new FormData();
    form.append('bundle', new File([new Uint8Array(zip)], '吉林市材料.zip'));
    const res = await app.request('/unit/bundles', {
      method: 'POST',
      body: form,
      headers: { cookie: unit.cookie, accept: 'application/json', 'x-csrf-token': unit.csrf },
    });
    expect(res.status).toBe(200);
    const { location, bundleId: uploaded } = (await res.json()) as { location: string; bundleId: string };
    expect(location).toBe(`/bundles/${uploaded}`);

    const other = await as('cc-unit');
    expect((await other.get(`/bundles/${uploaded}/status.json`)).res.status).toBe(404);
    expect((await other.get(`/bundles/${uploaded}`)).res.status).toBe(404);

    let state = '';
    for (let i = 0; i < 600 && state !== 'done' && state !== 'failed'; i++) {
      state = (JSON.parse((await unit.get(`/bundles/${uploaded}/status.json`)).text) as { state: string }).state;
      if (state !== 'done') await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('done');
    const done = await unit.get(location);
    expect(done.text).toContain('材料完整性审核报告');
    expect(done.text).toContain(`/bundles/${uploaded}/report.html`);
    // Nothing in it could be read as an application: the bundle is still listed on the unit's page.
    const home = await unit.get('/unit');
    expect(home.text).toContain(`/bundles/${uploaded}`);
  });

  it('lets a corrected bundle supersede the incomplete application it corrects, keeping both in the history', async () => {
    const backend = localConsoleBackend(runtime);
    const actor = { id: 'jl-unit', role: 'recommending_unit' } as const;
    const send = (name: string) =>
      backend.submit({
        unitId: 'jilin-city-amr',
        actor,
        file: { name, bytes: readFileSync(resolve('examples', name)) },
      });
    const first = await send('qm-org-defects.zip');
    const incomplete = first.applications[0];
    expect(incomplete?.complete).toBe(false);
    runtime.clock.advance(3_600_000);
    const corrected = (await send('qm-org-complete.zip')).applications[0];
    expect(corrected?.complete).toBe(true);

    const old = await runtime.repo.getApplication(incomplete?.applicationId as string);
    expect(old?.status).toBe('SUPERSEDED');
    expect(old?.supersededBy).toBe(corrected?.applicationId);
    const reviewer = await as('reviewer');
    expect((await reviewer.get('/queue')).text).not.toContain(incomplete?.applicationId as string);
    const home = await (await as('jl-unit')).get('/unit');
    expect(home.text).toContain('已由更正后的材料取代');
    const unit = await as('jl-unit');
    const oldPage = await unit.get(`/applications/${incomplete?.applicationId}`);
    expect(oldPage.text).toContain(`href="/applications/${corrected?.applicationId}"`);
    const newPage = await unit.get(`/applications/${corrected?.applicationId}`);
    expect(newPage.text).toContain('本申报取代了');
    expect(newPage.text).toContain(`href="/applications/${incomplete?.applicationId}"`);
    const history = (await runtime.repo.listEvents(incomplete?.applicationId as string)).map((e) => e.type);
    expect(history.at(-1)).toBe('APPLICATION_SUPERSEDED');
  });

  it('lets the office load the expert pool from a file, refuses a wrong one naming the field, and shows it to auditors', async () => {
    const reviewer = await as('reviewer');
    await reviewer.get('/experts');
    const pool = JSON.parse(readFileSync(resolve('examples/experts.json'), 'utf8')) as {
      poolId: string;
      experts: { id: string; name: string }[];
    };
    const file = (name: string, body: unknown) =>
      new File([typeof body === 'string' ? body : JSON.stringify(body)], name, { type: 'application/json' });

    const broken = await reviewer.post('/experts', {
      pool: file('专家库.json', { poolId: 'experts', experts: [{ id: 'X-1' }] }),
    });
    expect(broken.res.status).toBe(400);
    expect(broken.text).toContain('未载入');
    expect(broken.text).toContain('experts.0.name');
    const otherPool = await reviewer.post('/experts', { pool: file('其他.json', { ...pool, poolId: 'other' }) });
    expect(otherPool.res.status).toBe(400);
    expect(otherPool.text).toContain('poolId 应为');
    expect(await runtime.repo.listExperts('other')).toEqual([]);

    const extra = { ...pool.experts[0], id: 'QM-900', name: '新增专家' };
    const { res } = await reviewer.post('/experts', {
      pool: file('专家库.json', { ...pool, experts: [...pool.experts, extra] }),
    });
    expect(res.status).toBe(303);
    const page = await reviewer.get(res.headers.get('location') as string);
    expect(page.text).toContain(`已载入 ${pool.experts.length + 1} 名专家。`);
    expect((await runtime.repo.listExperts('experts')).map((e) => e.expertId)).toContain('QM-900');

    const auditor = await as('auditor');
    const read = await auditor.get('/experts');
    expect(read.text).toContain('新增专家');
    expect(read.text).not.toContain('载入专家库文件');
    expect((await auditor.post('/experts', { pool: file('专家库.json', pool) })).res.status).toBe(403);
    expect((await (await as('cc-unit')).get('/experts')).res.status).toBe(403);
  });
});
