// `npm run bench console`: the web console with 1,000 applications registered (900 waiting at 征求意见 with their
// task, 100 incomplete at intake): how long the task queue, the list of all applications and one application's page
// take to answer locally (target < 200 ms each), and the size of the page's script gzipped (target < 150 KB).
// Prints the median and the fastest of several runs; nothing fails on a time, only on a request that fails.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { consoleCss, consoleJs } from '../../infra/consoleAssets.js';
import { LocalRuntime } from '../../infra/local/localRuntime.js';
import { consoleApp } from '../../infra/web/consoleApp.js';
import { localConsoleBackend } from '../../infra/web/consoleBackend.js';
import { ConsoleUsers } from '../../infra/web/users.js';
import { advanceStage } from '../../shared/actions/advanceStage.js';
import { registerBundle } from '../../shared/actions/registerBundle.js';
import { ConsoleClient } from '../infra/web/consoleClient.js';

const bundles = 10;
const perBundle = 100;
const runs = 7;
const system = { id: 'intake', role: 'system' } as const;

const dir = mkdtempSync(join(tmpdir(), 'award-console-bench-'));
process.env.AWARD_OCR = 'off';
const runtime = await LocalRuntime.start({ env: { AWARD_HOME: dir }, notice: () => {} });
try {
  const ctx = runtime.actionContext();
  const started = performance.now();
  const ids: string[] = [];
  await Promise.all(
    Array.from({ length: bundles }, async (_, b) => {
      const registered = await registerBundle(ctx, {
        actor: system,
        source: { kind: 'local', sha256: createHash('sha256').update(`bench-${b}`).digest('hex') },
        campaign: '2025',
        unit: { id: `unit-${b}`, name: `第${b + 1}推荐单位` },
        receivedAt: '2025-08-20T10:00:00+08:00',
        applications: Array.from({ length: perBundle }, (_, i) => ({
          track: i % 3 === 0 ? 'QM_IND' : i % 3 === 1 ? 'QM_ORG' : 'SI',
          name: `申报者${b}-${i}`,
        })),
      });
      for (const [i, applicationId] of registered.applicationIds.entries()) {
        ids.push(applicationId);
        const advance = (from: 'RECEIVED' | 'COMPLETENESS') =>
          advanceStage(ctx, {
            actor: system,
            idempotencyKey: `advance:${from}`,
            applicationId,
            from,
            outcome: 'pass',
            reasons: 'bench',
          });
        await advance('RECEIVED');
        if (i % 10 === 9) continue; // incomplete: waits for a corrected bundle
        await advance('COMPLETENESS');
        await runtime.repo.putTask({
          applicationId,
          stage: 'CONSULTATION',
          taskToken: `bench-${applicationId}`,
          awaiting: 'consultation',
          createdAt: '2025-08-20T10:00:00+08:00',
        });
      }
    }),
  );
  console.log(`registered ${ids.length} applications in ${Math.round((performance.now() - started) / 1000)} s`);

  const users = ConsoleUsers.inHome(dir);
  await users.add({ name: 'reviewer', role: 'reviewer', password: 'bench-pass-1' });
  const app = consoleApp({ backend: localConsoleBackend(runtime), users }) as unknown as Hono<never>;
  const reviewer = new ConsoleClient(app);
  if ((await reviewer.signIn('reviewer', 'bench-pass-1')).status !== 303) throw new Error('sign-in failed');

  const pages = [
    { label: 'GET /queue (1,000 applications)', path: '/queue' },
    { label: 'GET /applications (the list of 1,000)', path: '/applications' },
    { label: 'GET /applications/:id', path: `/applications/${ids[500]}` },
  ];
  let failed = 0;
  console.log(`| page | median ms | fastest ms | target | (${runs} runs after one warm-up, ${process.version}) |`);
  console.log('|---|---|---|---|---|');
  for (const p of pages) {
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const t = performance.now();
      const { res } = await reviewer.get(p.path);
      const ms = performance.now() - t;
      if (res.status !== 200) {
        console.error(`${p.path} answered ${res.status}`);
        failed++;
        break;
      }
      if (i > 0) times.push(ms);
    }
    if (times.length === 0) continue;
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] as number;
    console.log(
      `| ${p.label} | ${Math.round(median)} | ${Math.round(times[0] as number)} | < 200 ms: ${median < 200 ? 'within' : 'OVER'} | |`,
    );
  }
  const js = gzipSync(consoleJs).length;
  const css = gzipSync(consoleCss).length;
  console.log(
    `| page script gzipped | ${(js / 1024).toFixed(1)} KB | | < 150 KB: ${js < 150 * 1024 ? 'within' : 'OVER'} | style sheet ${(css / 1024).toFixed(1)} KB |`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
} finally {
  await runtime.stop();
  rmSync(dir, { recursive: true, force: true });
}
