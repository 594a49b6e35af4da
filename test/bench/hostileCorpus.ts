/**
 * Runs `award check` on every case of the hostile corpus, one process at a time, and reports each run's wall time and
 * peak RSS (GNU time's maximum resident set: the process and its worker threads; 7-Zip children are counted apart),
 * its exit code and whether its JSON lists every entry. Not a test: `npx tsx test/bench/hostileCorpus.ts [--no-ocr]`.
 * Cases that lower a limit are run with the default limits here (the CLI has no limit options): their count is not
 * compared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHostileCorpus } from '../fixtures/hostile/hostileCorpus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const noOcr = process.argv.includes('--no-ocr');
const work = mkdtempSync(path.join(tmpdir(), 'hostile-bench-'));
const cases = await buildHostileCorpus(path.join(work, 'corpus'));

interface Row {
  name: string;
  seconds: number;
  rssMb: number;
  exit: number | null;
  listed: string;
}
const rows: Row[] = [];
for (const c of cases) {
  const run = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'TIME %e %M',
      process.execPath,
      path.join(root, 'infra/cli/award.mjs'),
      'check',
      c.bundle,
      '--json',
      ...(noOcr ? ['--no-ocr'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, cwd: root },
  );
  const [, seconds = '0', kb = '0'] = /TIME ([\d.]+) (\d+)/.exec(run.stderr) ?? [];
  let listed = 'no JSON';
  try {
    const report = JSON.parse(run.stdout) as { files: unknown[] };
    listed = c.limits
      ? `${report.files.length} (limits lowered in the test)`
      : report.files.length === c.files
        ? 'all'
        : `${report.files.length} of ${c.files}`;
  } catch (error) {
    listed = `no JSON (${(error as Error).message}; stderr: ${run.stderr.trim().split('\n').slice(-2).join(' | ')})`;
  }
  const row = {
    name: c.name,
    seconds: Number(seconds),
    rssMb: Math.round(Number(kb) / 1024),
    exit: run.status,
    listed,
  };
  rows.push(row);
  process.stderr.write(
    `${row.seconds.toFixed(2)} s  ${String(row.rssMb).padStart(5)} MB  exit ${row.exit}  ${row.listed}  ${row.name}\n`,
  );
}
execFileSync('rm', ['-rf', work]);
const worstTime = rows.reduce((a, b) => (b.seconds > a.seconds ? b : a));
const worstRss = rows.reduce((a, b) => (b.rssMb > a.rssMb ? b : a));
const bad = rows.filter(
  (r) => (r.exit !== 0 && r.exit !== 1) || r.listed.startsWith('no JSON') || / of /.test(r.listed),
);
process.stdout.write(
  `${rows.length} cases (${noOcr ? 'no OCR' : 'OCR on'}): worst time ${worstTime.seconds.toFixed(2)} s (${worstTime.name}), worst RSS ${worstRss.rssMb} MB (${worstRss.name}); ${bad.length} runs without exit 0/1 and a full listing${bad.length ? `: ${bad.map((r) => r.name).join('; ')}` : ''}\n`,
);
