import { DecisionStage, recordDecision } from '../../shared/actions/recordDecision.js';
import {
  type AwardCommand,
  actorOf,
  type CommandIo,
  expectPositionals,
  oneOf,
  parseCommandArgs,
  positional,
  requireApplication,
  resumeAndReport,
  runCommand,
  scoreArg,
  storeEvidence,
  UsageError,
  withRuntime,
} from './localCommand.js';

const usage =
  'award decide <app> --stage S --decision pass|reject --reason TEXT [--score N] [--evidence FILE] [--as NAME] [--role reviewer|recommending_unit]';

/** Records the decision that closes a stage, then resumes the waiting execution. */
export const decideCommand: AwardCommand = {
  name: 'decide',
  summary: 'record the decision that closes a stage (pass or reject)',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        stage: { type: 'string' },
        decision: { type: 'string' },
        reason: { type: 'string' },
        score: { type: 'string' },
        evidence: { type: 'string', multiple: true },
        as: { type: 'string' },
        role: { type: 'string' },
      });
      const applicationId = positional(positionals, 0, 'app');
      expectPositionals(positionals, ['app']);
      const stage = oneOf(values.stage, DecisionStage.options, '--stage');
      const outcome = oneOf(values.decision, ['pass', 'reject'] as const, '--decision');
      if (!values.reason) throw new UsageError('--reason is required (a rejection is a written notice)');
      const score = values.score === undefined ? undefined : scoreArg(values.score, '--score');
      const defaultRole = stage === 'UNIT_RECOMMENDATION' ? 'recommending_unit' : 'reviewer';
      const actor = actorOf(values.as, values.role, defaultRole);
      return withRuntime(io, async (runtime) => {
        await requireApplication(runtime, applicationId);
        const result = await recordDecision(runtime.actionContext(), {
          actor,
          idempotencyKey: `decide:${stage}:${outcome}`,
          applicationId,
          stage,
          outcome,
          reasons: values.reason,
          evidence: (values.evidence ?? []).map((f) => storeEvidence(runtime, f)),
          ...(score === undefined ? {} : { score }),
        });
        const event = result.events[0];
        io.out(
          `${stage}: ${outcome} → ${String(event?.data.to)}${result.replayed ? ' (already recorded)' : ''} (event ${event?.seq})`,
        );
        await resumeAndReport(runtime, io, applicationId);
        return 0;
      });
    }),
};
