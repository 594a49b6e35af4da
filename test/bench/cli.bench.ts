// `npm run bench cli`: wall time of the compiled `award` bin as a user starts it (a new Node process each run, through
// the bin infra/cli/award.mjs): `award --help` against its 300 ms target, `award check --no-ocr` of the first example
// bundle and of the 18-file QM organisation example against 1.5 s. Prints the median and the fastest of several runs;
// the figures depend on the machine and its load, so nothing here fails on a time, only on a command that fails.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'infra/cli/award.mjs');
const runs = 7;

const build = spawnSync(process.execPath, [path.join(root, 'infra/buildCli.mjs'), '--if-stale'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const firstExample = readdirSync(path.join(root, 'examples'))
  .filter((f) => /\.(zip|iso)$/i.test(f))
  .sort()[0];
const cases = [
  { label: 'award --help', args: ['--help'], targetMs: 300, ok: [0] },
  ...[firstExample, 'qm-org-complete.zip']
    .filter((f, i, all): f is string => f !== undefined && all.indexOf(f) === i)
    .map((f) => ({
      label: `award check examples/${f} --no-ocr`,
      args: ['check', path.join('examples', f), '--no-ocr'],
      targetMs: 1500,
      ok: [0, 1],
    })),
];

let failed = 0;
console.log(`| command | median ms | fastest ms | target | (${runs} runs after one warm-up, ${process.version}) |`);
console.log('|---|---|---|---|---|');
for (const c of cases) {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, ...c.args], { cwd: root, encoding: 'utf8' });
    const ms = performance.now() - started;
    if (!c.ok.includes(run.status ?? -1)) {
      console.error(`${c.label} exited ${run.status}:\n${run.stderr}`);
      failed++;
      break;
    }
    if (i > 0) times.push(ms);
  }
  if (times.length === 0) continue;
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] as number;
  const verdict = median < c.targetMs ? 'within' : 'OVER';
  console.log(
    `| ${c.label} | ${Math.round(median)} | ${Math.round(times[0] as number)} | < ${c.targetMs} ms: ${verdict} | |`,
  );
}
process.exit(failed === 0 ? 0 : 1);
