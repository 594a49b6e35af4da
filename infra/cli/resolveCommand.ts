import { resolveLocalObjection } from '../local/objections.js';
import {
  type AwardCommand,
  actorOf,
  type CommandIo,
  describeRun,
  expectPositionals,
  oneOf,
  parseCommandArgs,
  positional,
  requireApplication,
  runCommand,
  storeEvidence,
  UsageError,
  withRuntime,
} from './localCommand.js';

const usage = 'award resolve <app> <objection> --outcome upheld|dismissed --reason TEXT [--evidence FILE] [--as NAME]';

/** Resolves an open objection: upheld → not awarded; dismissed → the application goes on when none stays open. */
export const resolveCommand: AwardCommand = {
  name: 'resolve',
  summary: 'resolve an objection (upheld or dismissed)',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        outcome: { type: 'string' },
        reason: { type: 'string' },
        evidence: { type: 'string', multiple: true },
        as: { type: 'string' },
      });
      const applicationId = positional(positionals, 0, 'app');
      const objectionId = positional(positionals, 1, 'objection');
      expectPositionals(positionals, ['app', 'objection']);
      const outcome = oneOf(values.outcome, ['upheld', 'dismissed'] as const, '--outcome');
      const reasons = values.reason;
      if (!reasons) throw new UsageError('--reason is required');
      const actor = actorOf(values.as, 'reviewer', 'reviewer');
      return withRuntime(io, async (runtime) => {
        await requireApplication(runtime, applicationId);
        const { result, run } = await resolveLocalObjection(runtime, {
          actor,
          applicationId,
          objectionId,
          outcome,
          reasons,
          evidence: (values.evidence ?? []).map((f) => storeEvidence(runtime, f)),
        });
        io.out(
          `objection ${objectionId}: ${String(result.events[0]?.data.outcome)}${result.replayed ? ' (already recorded)' : ''}`,
        );
        io.out(`  ${applicationId}: ${describeRun(run)}`);
        return 0;
      });
    }),
};
