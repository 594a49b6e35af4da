import { join } from 'node:path';
import type { Track } from '../../shared/domain/track/track.js';
import { processIo, withRuntime } from '../cli/localCommand.js';
import { exampleBundlePaths } from './exampleBundles.js';
import { award, walkApplication } from './scriptedWalk.js';

/**
 * `npm start`: the whole pipeline on this machine. Submits the example bundles, then walks one complete application
 * of each track through every stage to an award with scripted decisions, and ends by printing and verifying the
 * histories. Safe to run again: the same bundles give the same ids, recorded decisions are not recorded twice.
 */
const io = processIo();
const units: Record<string, string> = { qm: 'changchun-amr', si: 'jilin-city-amr' };
const campaign = '2025';

async function main(): Promise<void> {
  const home = await withRuntime(io, async (rt) => {
    if (!rt.clock.fixedAt()) rt.clock.set(new Date('2025-08-15T10:00:00+08:00'));
    return rt.home;
  });
  io.out(`AWARD_HOME ${home.root}\n`);
  const bundles = exampleBundlePaths();
  const walked = new Map<Track, string>();
  for (const bundle of bundles) {
    const unit = bundle.name.startsWith('si') ? units.si : units.qm;
    await award(io, ['submit', bundle.path, '--unit', unit as string, '--campaign', campaign]);
    io.out('');
  }
  // One complete application per track: the first registered of each track that started its workflow.
  const started = await withRuntime(io, (rt) => rt.repo.applicationsOfCampaign(campaign));
  for (const meta of started.sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1))) {
    if (walked.has(meta.track)) continue;
    const events = await withRuntime(io, (rt) => rt.repo.listEvents(meta.applicationId));
    if (events.some((e) => e.type === 'STAGE_ENTERED')) walked.set(meta.track, meta.applicationId);
  }
  const evidenceDir = join(home.root, 'demo-evidence');
  const walk = { evidenceDir, industryGroup: '装备制造' };
  io.out(`== walking ${[...walked].map(([t, id]) => `${t} ${id}`).join(', ')}\n`);
  for (const id of walked.values()) await walkApplication(io, id, { ...walk, until: 'finalisation' });
  await award(io, ['finalize', '--campaign', campaign]);
  for (const id of walked.values()) await walkApplication(io, id, { ...walk, until: 'terminal' });
  io.out('');
  await award(io, ['status', '--campaign', campaign]);
  for (const id of walked.values()) {
    io.out('');
    await award(io, ['history', id, '--verify']);
  }
}

/** The demo's sign-ins for the web console (added once; a password changed with `award user add` is kept). */
const demoUsers = [
  { name: 'changchun-unit', role: 'recommending_unit', unitId: units.qm, password: 'demo-unit-2025' },
  { name: 'jilin-unit', role: 'recommending_unit', unitId: units.si, password: 'demo-unit-2025' },
  { name: 'office-reviewer', role: 'reviewer', password: 'demo-review-2025' },
  { name: 'auditor', role: 'auditor', password: 'demo-audit-2025' },
] as const;

/**
 * After the walk, the web console on the same AWARD_HOME: kept serving when stdout is a terminal (a person ran
 * `npm start`), or with `--serve` / AWARD_SERVE=1; never when AWARD_SERVE=0 or CI is set, so a script still ends.
 */
async function serveConsole(): Promise<void> {
  const { ConsoleUsers } = await import('../web/users.js');
  const { awardHome } = await import('../local/awardHome.js');
  const users = ConsoleUsers.inHome(awardHome(io.env, io.cwd).root);
  const known = new Set(users.list().map((u) => u.name));
  for (const u of demoUsers) if (!known.has(u.name)) await users.add({ ...u });
  const wanted =
    process.argv.includes('--serve') ||
    io.env.AWARD_SERVE === '1' ||
    (io.isTTY && io.env.AWARD_SERVE !== '0' && !io.env.CI);
  if (!wanted) {
    io.out('\nweb console: npx award serve (demo sign-ins are in users.json; npm start -- --serve keeps it running)');
    return;
  }
  const { startConsole } = await import('../web/consoleServer.js');
  const port = Number(io.env.AWARD_PORT ?? 8080);
  const running = await startConsole({ env: io.env, cwd: io.cwd, port, notice: io.err }).catch((error) =>
    (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
      ? startConsole({ env: io.env, cwd: io.cwd, port: 0, notice: io.err })
      : Promise.reject(error),
  );
  io.out(`\n== web console: ${running.url}  (Ctrl-C stops it)`);
  for (const u of demoUsers)
    io.out(`   ${u.name.padEnd(16)} ${u.password.padEnd(18)} ${u.role}${'unitId' in u ? ` ${u.unitId}` : ''}`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await running.close();
}

try {
  await main();
  await serveConsole();
} catch (error) {
  io.err(`demo stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
