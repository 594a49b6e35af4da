import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ActionError } from '../../shared/actions/actionError.js';
import { Role } from '../../shared/domain/access/role.js';
import { describeRun } from '../local/describeRun.js';
import type { LocalRuntime } from '../local/localRuntime.js';
import { RefusedError } from '../local/refusedError.js';
import { type Checked, campaignYear, identifier, integerIn, isoInstant, score } from '../local/valueChecks.js';
import { UsageError } from './cliIo.js';

/** Where a command writes and what it may read from its environment (tests pass their own). */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const processIo = (): CommandIo => ({
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
  cwd: process.cwd(),
});

/** One `award <name>` command of the local runtime. Exit codes: 0 done, 1 refused, 2 usage. */
export interface AwardCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CommandIo): Promise<number>;
}

export { describeRun } from '../local/describeRun.js';
export { storeEvidence } from '../local/evidence.js';
/** A refused action or a missing thing: exit code 1, the message only. */
export { RefusedError } from '../local/refusedError.js';
/** Wrong arguments: exit code 2 with the usage line (the same class as `award check`'s). */
export { UsageError };

export const exitCodes = { ok: 0, refused: 1, usage: 2 } as const;

/** node:util parseArgs, its errors as UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** At most `names.length` positionals: an extra word is a mistake, not something to ignore. */
export function expectPositionals(positionals: string[], names: readonly string[]): void {
  if (positionals.length > names.length)
    throw new UsageError(
      `unexpected argument ${JSON.stringify(positionals[names.length])} (expected ${names.map((n) => `<${n}>`).join(' ') || 'no arguments'})`,
    );
}

function checked<T>(result: Checked<T>, flag: string, value: string, fix: string): T {
  if (result.ok) return result.value;
  throw new UsageError(`${flag} ${JSON.stringify(value)} is not valid: ${result.reason}. ${fix}`);
}

/** An ISO instant with offset whose date and time really exist (2025-02-30 is refused, never rolled over). */
export const instantArg = (value: string, flag: string) =>
  checked(isoInstant(value), flag, value, 'Give an ISO instant with offset, e.g. 2025-09-01T09:00:00+08:00.');
export const campaignArg = (value: string, flag = '--campaign') =>
  checked(campaignYear(value), flag, value, 'Give the campaign year, e.g. 2025.');
export const scoreArg = (value: string, flag: string) =>
  checked(score(value), flag, value, 'Give a score from 0 to 100, e.g. 85 or 72.5.');
export const integerArg = (value: string, flag: string, min: number, max: number) =>
  checked(integerIn(value, min, max), flag, value, `Give a whole number from ${min} to ${max}.`);
export const identifierArg = (value: string, flag: string) =>
  checked(identifier(value), flag, value, 'For example changchun-amr.');

/** The positional at `index`, or a usage error naming it. */
export function positional(positionals: string[], index: number, name: string): string {
  const value = positionals[index];
  if (!value) throw new UsageError(`missing <${name}>`);
  return value;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value === undefined || !allowed.includes(value as T))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}${value === undefined ? '' : ` (got ${value})`}`);
  return value as T;
}

/** `--as <name>` with the command's role (or `--role`), as the action's actor. */
export function actorOf(name: string | undefined, role: string | undefined, defaultRole: Role) {
  const parsed = Role.safeParse(role ?? defaultRole);
  if (!parsed.success || parsed.data === 'system')
    throw new UsageError(`--role must be one of recommending_unit, reviewer, auditor`);
  return { id: name?.trim() || `local-${parsed.data.replace('_', '-')}`, role: parsed.data };
}

/**
 * Runs a command body against a local runtime on AWARD_HOME and always stops it; maps errors to exit codes and one
 * line of text (no stack traces): usage 2, refused actions and busy stores 1.
 */
export async function runCommand(
  command: Pick<AwardCommand, 'usage'>,
  io: CommandIo,
  body: () => Promise<number>,
): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`usage error: ${error.message}\nusage: ${command.usage}`);
      return exitCodes.usage;
    }
    if (error instanceof ActionError) {
      io.err(`refused (${error.code}): ${error.message}`);
      return exitCodes.refused;
    }
    if (error instanceof RefusedError || (error instanceof Error && (await isAwardHomeBusy(error)))) {
      io.err(`refused: ${error.message}`);
      return exitCodes.refused;
    }
    io.err(`error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return exitCodes.refused;
  }
}

/** Only a command that ran the runtime can have hit a busy store: the records module is loaded no sooner. */
async function isAwardHomeBusy(error: Error): Promise<boolean> {
  if (error.name !== 'AwardHomeBusy') return false;
  const { AwardHomeBusy } = await import('../local/localRecords.js');
  return error instanceof AwardHomeBusy;
}

/**
 * Starts the runtime for the duration of `use`. The runtime (DynamoDB Local, the state-machine interpreter, the CDK
 * synthesis behind its definitions) is imported here, not at the top: `award --help` and `award check` never load it.
 */
export async function withRuntime<T>(io: CommandIo, use: (runtime: LocalRuntime) => Promise<T>): Promise<T> {
  const { LocalRuntime } = await import('../local/localRuntime.js');
  const runtime = await LocalRuntime.start({ env: io.env, cwd: io.cwd, notice: io.err });
  try {
    return await use(runtime);
  } finally {
    await runtime.stop();
  }
}

/** The application must exist: its META, or a refusal. */
export async function requireApplication(runtime: LocalRuntime, applicationId: string) {
  const meta = await runtime.repo.getApplication(applicationId);
  if (!meta) throw new RefusedError(`no application ${applicationId}`);
  return meta;
}

/** Resumes the application's execution after a recorded decision and says where it is now. */
export async function resumeAndReport(runtime: LocalRuntime, io: CommandIo, applicationId: string) {
  const run = await runtime.resume(applicationId);
  io.out(`  ${applicationId}: ${describeRun(run)}`);
  return run;
}
