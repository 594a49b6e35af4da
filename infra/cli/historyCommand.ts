import { exportApplicationHistory } from '../../shared/actions/exportApplicationHistory.js';
import { loadVerifiedHistory } from '../../shared/history/loadVerifiedHistory.js';
import {
  type AwardCommand,
  actorOf,
  type CommandIo,
  expectPositionals,
  oneOf,
  parseCommandArgs,
  positional,
  RefusedError,
  runCommand,
  withRuntime,
} from './localCommand.js';

const usage = 'award history <app> [--verify] [--format json|csv] [--as NAME] [--role reviewer|auditor]';

/**
 * What happened to an application, in order; `--verify` recomputes the hash chain and checks it against META's head
 * and every head published to the history anchor (`<AWARD_HOME>/history-anchor.jsonl`).
 */
export const historyCommand: AwardCommand = {
  name: 'history',
  summary: 'print (and verify) the hash-chained history of an application',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        verify: { type: 'boolean' },
        format: { type: 'string' },
        as: { type: 'string' },
        role: { type: 'string' },
      });
      const applicationId = positional(positionals, 0, 'app');
      expectPositionals(positionals, ['app']);
      const format =
        values.format === undefined ? undefined : oneOf(values.format, ['json', 'csv'] as const, '--format');
      const actor = actorOf(values.as, values.role, 'reviewer');
      return withRuntime(io, async (runtime) => {
        const exported = await exportApplicationHistory(runtime.actionContext(), {
          actor,
          applicationId,
          format: format ?? 'json',
        });
        if (format === 'csv') io.out(String(exported.body));
        else if (format === 'json') io.out(JSON.stringify(exported.body, null, 2));
        else if (exported.format === 'json')
          for (const e of exported.body.events)
            io.out(
              `${String(e.seq).padStart(3)}  ${e.at}  ${e.stage.padEnd(24)} ${e.type.padEnd(34)} ${e.actor} (${e.role})${
                typeof e.data.to === 'string' ? ` → ${e.data.to}` : ''
              }`,
            );
        if (!values.verify) return 0;
        const { verdict } = await loadVerifiedHistory(runtime.repo, applicationId);
        if (!verdict.ok)
          throw new RefusedError(
            `history of ${applicationId} does NOT verify: ${verdict.problem} at entry ${verdict.seq}: ${verdict.message}`,
          );
        (format ? io.err : io.out)(
          `history verified: ${verdict.count} entries, head ${verdict.headSeq} ${verdict.headHash}, ${
            verdict.anchor === 'matched' ? 'matches the anchored head' : 'NOT checked against an anchor'
          }`,
        );
        return 0;
      });
    }),
};
