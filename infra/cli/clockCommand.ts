import { parseDuration } from '../local/duration.js';
import {
  type AwardCommand,
  type CommandIo,
  describeRun,
  expectPositionals,
  instantArg,
  parseCommandArgs,
  positional,
  runCommand,
  UsageError,
  withRuntime,
} from './localCommand.js';

const usage = 'award clock show | set <ISO instant> | advance <duration, e.g. 7d, 12h, 1w2d> | reset';
const maxAdvanceMs = 3650 * 86_400_000;

/** Shows or moves the local clock; after a move, resumes every execution the new time lets go on (windows closed). */
export const clockCommand: AwardCommand = {
  name: 'clock',
  summary: 'show or move the local clock (closes publicity windows)',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { positionals } = parseCommandArgs(args, {});
      const verb = positional(positionals, 0, 'show|set|advance|reset');
      if (!['show', 'set', 'advance', 'reset'].includes(verb)) throw new UsageError(`unknown clock verb ${verb}`);
      expectPositionals(positionals, verb === 'set' || verb === 'advance' ? ['verb', 'value'] : ['verb']);
      // Checked before the runtime starts: a wrong value changes nothing.
      const setTo = verb === 'set' ? instantArg(positional(positionals, 1, 'ISO instant'), 'clock set') : undefined;
      const ms = verb === 'advance' ? parseDuration(positional(positionals, 1, 'duration')) : undefined;
      if (verb === 'advance' && (ms === undefined || ms === 0 || ms > maxAdvanceMs))
        throw new UsageError(
          `advance needs a duration from 1s to 3650d such as 7d, 12h or 1w2d (got ${JSON.stringify(positionals[1])})`,
        );
      return withRuntime(io, async (runtime) => {
        const clock = runtime.clock;
        if (verb === 'show') {
          const fixed = clock.fixedAt();
          io.out(`${clock.now().toISOString()} (${fixed ? 'set' : 'system time'})`);
          return 0;
        }
        const { moveLocalClock } = await import('../local/clockMove.js');
        const { now, runs } = await moveLocalClock(
          runtime,
          setTo !== undefined
            ? { kind: 'set', at: new Date(setTo) }
            : ms !== undefined
              ? { kind: 'advance', ms }
              : { kind: 'reset' },
        );
        io.out(`clock: ${now.toISOString()}`);
        for (const run of runs) io.out(`  ${run.applicationId}: ${describeRun(run)}`);
        return 0;
      });
    }),
};
