import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRuntime } from '../../../infra/local/localRuntime.js';
import { ConsoleUsers } from '../../../infra/web/users.js';

/** The console tests' sign-ins: two units (长春, 吉林市), an office reviewer and an auditor. */
export const consolePasswords = {
  'cc-unit': 'unit-pass-1',
  'jl-unit': 'unit-pass-2',
  reviewer: 'review-pass',
  auditor: 'audit-pass-1',
} as const;
export type ConsoleWho = keyof typeof consolePasswords;

/**
 * A fresh AWARD_HOME with the local runtime started on it (OCR off, the clock at Friday 15 August 2025, 10:00 in
 * Beijing, an ordinary working day) and the four sign-ins of `consolePasswords` in its users file.
 */
export async function startConsoleRuntime(prefix: string) {
  process.env.AWARD_OCR = 'off';
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const runtime = await LocalRuntime.start({ env: { AWARD_HOME: dir }, notice: () => {} });
  runtime.clock.set(new Date('2025-08-15T10:00:00+08:00'));
  const users = ConsoleUsers.inHome(dir);
  for (const [name, unitId] of [
    ['cc-unit', 'changchun-amr'],
    ['jl-unit', 'jilin-city-amr'],
  ] as const)
    await users.add({ name, role: 'recommending_unit', unitId, password: consolePasswords[name] });
  await users.add({ name: 'reviewer', role: 'reviewer', password: consolePasswords.reviewer });
  await users.add({ name: 'auditor', role: 'auditor', password: consolePasswords.auditor });
  return {
    dir,
    runtime,
    users,
    async stop() {
      await runtime.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
