import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../infra/cli/localCommand.js';
import { localCommands } from '../../infra/cli/localCommands.js';

const home = mkdtempSync(path.join(tmpdir(), 'award-args-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function run(name: string, ...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    isTTY: false,
    env: { AWARD_HOME: path.join(home, 'award') },
    cwd: home,
  };
  const command = localCommands[name];
  if (!command) throw new Error(`no command ${name}`);
  const code = await command.run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('every local command refuses impossible or malformed arguments before touching the records', () => {
  it.each([
    [
      ['clock', 'set', '2025-02-30T10:00:00+08:00'],
      'clock set "2025-02-30T10:00:00+08:00" is not valid: 2025-02 has 28 days, not 30',
    ],
    [['clock', 'set', '2025-09-01'], 'Give an ISO instant with offset'],
    [['clock', 'advance', '0d'], 'advance needs a duration from 1s to 3650d'],
    [['clock', 'advance', '99999w'], 'advance needs a duration from 1s to 3650d'],
    [['clock', 'wind'], 'unknown clock verb wind'],
    [['clock', 'show', 'extra'], 'unexpected argument "extra"'],
    [
      ['decide', 'app-1', '--stage', 'FORMAL_REVIEW', '--decision', 'pass', '--reason', 'ok', '--score', '1e2'],
      '--score "1e2" is not valid',
    ],
    [
      ['decide', 'app-1', '--stage', 'FORMAL_REVIEW', '--decision', 'pass', '--reason', 'ok', '--score', ''],
      '--score "" is not valid',
    ],
    [
      ['decide', 'app-1', '--stage', 'FORMAL_REVIEW', '--decision', 'maybe', '--reason', 'ok'],
      '--decision must be one of pass, reject',
    ],
    [
      ['decide', 'app-1', 'app-2', '--stage', 'FORMAL_REVIEW', '--decision', 'pass', '--reason', 'ok'],
      'unexpected argument "app-2"',
    ],
    [
      ['panel', 'score', 'app-1', '--stage', 'MATERIAL_REVIEW', '--all', '101', '--evidence', 'x.pdf'],
      '--all "101" is not valid: above 100',
    ],
    [
      ['panel', 'score', 'app-1', '--stage', 'MATERIAL_REVIEW', '--scores', 'E1=80,E2=eighty', '--evidence', 'x.pdf'],
      '--scores E2 "eighty" is not valid',
    ],
    [['panel', 'score', 'app-1', '--stage', 'MATERIAL_REVIEW', '--evidence', 'x.pdf'], 'give --scores EXPERT=SCORE'],
    [['panel', 'draw', 'app-1', '--stage', 'FORMAL_REVIEW'], '--stage must be one of'],
    [['panel', 'draw', 'app-1', '--stage', 'MATERIAL_REVIEW', '--pool', '../etc'], '--pool "../etc" is not valid'],
    [['finalize', '--campaign', '1999'], '--campaign "1999" is not valid: no configuration for that year'],
    [['finalize', '--campaign', '2025', 'now'], 'unexpected argument "now"'],
    [['status', '--campaign', '25'], '--campaign "25" is not valid: not a four-digit year'],
    [['status', '--track', 'QM'], '--track must be one of'],
    [['submit', 'b.zip', '--unit', '../unit'], '--unit "../unit" is not valid'],
    [['submit', 'b.zip', '--unit', 'u1', '--campaign', '2030'], '--campaign "2030" is not valid'],
    [['history', 'app-1', '--format', 'xml'], '--format must be one of json, csv'],
    [['history', 'app-1', '--role', 'system'], '--role must be one of'],
    [['report', 'app-1', '--html', '--json'], 'give --html or --json, not both'],
    [['resolve', 'app-1', 'obj-1', '--outcome', 'upheld', '--reason', 'r', 'x'], 'unexpected argument "x"'],
    [['object', 'app-1', '--stage', 'FORMAL_REVIEW', '--content', 'c', '--anonymous'], '--stage must be one of'],
    [['consult', 'app-1', '--department', 'PUBLIC_SECURITY', '--opinion', 'fine'], '--opinion must be one of'],
    [['tasks', 'all'], 'unexpected argument "all"'],
    [['resume', 'now'], 'unexpected argument "now"'],
  ])('%j', async (argv, message) => {
    const [name, ...args] = argv as [string, ...string[]];
    const result = await run(name, ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`usage error: ${message}`.slice(0, 13));
    expect(result.err).toContain(message);
    expect(result.err).not.toMatch(/\n\s+at /);
    expect(result.out).toBe('');
    // Refused before the runtime started: no records were created.
    expect(existsSync(path.join(home, 'award', 'dynamodb'))).toBe(false);
  });
});
