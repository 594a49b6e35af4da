import { parseDuration } from '../local/duration.js';
import {
  type AwardCommand,
  type CommandIo,
  describeRun,
  parseCommandArgs,
  positional,
  runCommand,
  UsageError,
  withRuntime,
} from './localCommand.js';

const usage = 'award clock show | set <ISO instant> | advance <duration, e.g. 7d, 12h, 1w2d> | reset';

/** Shows or moves the local clock; after a move, resumes every execution the new time lets go on (windows closed). */
export const clockCommand: AwardCommand = {
  name: 'clock',
  summary: 'show or move the local clock (closes publicity windows)',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { positionals } = parseCommandArgs(args, {});
      const verb = positional(positionals, 0, 'show|set|advance|reset');
      return withRuntime(io, async (runtime) => {
        const clock = runtime.clock;
        if (verb === 'show') {
          const fixed = clock.fixedAt();
          io.out(`${clock.now().toISOString()} (${fixed ? 'set' : 'system time'})`);
          return 0;
        }
        if (verb === 'set') {
          const at = new Date(positional(positionals, 1, 'ISO instant'));
          if (Number.isNaN(at.getTime()))
            throw new UsageError('set needs an ISO instant, e.g. 2025-09-01T09:00:00+08:00');
          clock.set(at);
        } else if (verb === 'advance') {
          const ms = parseDuration(positional(positionals, 1, 'duration'));
          if (ms === undefined) throw new UsageError('advance needs a duration such as 7d, 12h or 1w2d');
          clock.advance(ms);
        } else if (verb === 'reset') clock.reset();
        else throw new UsageError(`unknown clock verb ${verb}`);
        io.out(`clock: ${clock.now().toISOString()}`);
        for (const run of await runtime.resumeDue()) io.out(`  ${run.applicationId}: ${describeRun(run)}`);
        return 0;
      });
    }),
};
