import { stages } from '../../shared/domain/track/stage.js';
import { nextAction } from '../local/nextAction.js';
import {
  type AwardCommand,
  type CommandIo,
  expectPositionals,
  parseCommandArgs,
  runCommand,
  withRuntime,
} from './localCommand.js';

const usage = 'award tasks [--json]';

/** What awaits whom: every application whose workflow has not ended, with what it waits for (TASK#<stage>). */
export const tasksCommand: AwardCommand = {
  name: 'tasks',
  summary: 'what awaits whom (waiting executions and their TASK# items)',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, { json: { type: 'boolean' } });
      expectPositionals(positionals, []);
      return withRuntime(io, async (runtime) => {
        const waiting = await runtime.unfinished();
        const rows = [];
        for (const w of waiting) {
          const next = await nextAction(runtime, w);
          rows.push({
            applicationId: w.meta.applicationId,
            track: w.meta.track,
            stage: w.meta.stage,
            status: w.meta.status,
            awaiting: w.task?.awaiting ?? null,
            since: w.task?.createdAt ?? null,
            ...next,
          });
        }
        if (values.json) io.out(JSON.stringify(rows, null, 2));
        else if (rows.length === 0) io.out('nothing awaits anyone');
        else
          for (const r of rows)
            io.out(
              `${r.applicationId.padEnd(16)} ${r.track.padEnd(6)} ${stages[r.stage].name} (${r.stage}) — ${r.who}: ${r.what}`,
            );
        return 0;
      });
    }),
};
