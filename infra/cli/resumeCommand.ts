import {
  type AwardCommand,
  type CommandIo,
  describeRun,
  expectPositionals,
  parseCommandArgs,
  runCommand,
  withRuntime,
} from './localCommand.js';

const usage = 'award resume';

/** Resumes what can move without a person (closed windows, executions cut off by a stopped process). */
export const resumeCommand: AwardCommand = {
  name: 'resume',
  summary: 'resume executions that can go on (after a restart or a clock change)',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      expectPositionals(parseCommandArgs(args, {}).positionals, []);
      return withRuntime(io, async (runtime) => {
        const runs = await runtime.resumeDue();
        for (const run of runs) io.out(`${run.applicationId}: ${describeRun(run)}`);
        if (runs.length === 0) io.out('nothing to resume');
        return 0;
      });
    }),
};
