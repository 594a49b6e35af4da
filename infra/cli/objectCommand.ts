import type { Objector } from '../../shared/actions/objectorIdentity.js';
import { lodgeLocalObjection } from '../local/objections.js';
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

const usage =
  'award object <app> --stage SOCIAL_PUBLICITY|RESULT_PUBLICITY --content TEXT\n' +
  '       (--person NAME --id-number ID [--phone P] | --unit-name UNIT --contact C | --anonymous) [--evidence FILE] [--as NAME]';

/** Records a written objection received inside a publicity window; an admissible one pauses the application. */
export const objectCommand: AwardCommand = {
  name: 'object',
  summary: 'record a written objection lodged during a publicity window',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        stage: { type: 'string' },
        content: { type: 'string' },
        person: { type: 'string' },
        'id-number': { type: 'string' },
        phone: { type: 'string' },
        'unit-name': { type: 'string' },
        contact: { type: 'string' },
        anonymous: { type: 'boolean' },
        evidence: { type: 'string', multiple: true },
        as: { type: 'string' },
      });
      const applicationId = positional(positionals, 0, 'app');
      expectPositionals(positionals, ['app']);
      const stage = oneOf(values.stage, ['SOCIAL_PUBLICITY', 'RESULT_PUBLICITY'] as const, '--stage');
      const content = values.content;
      if (!content) throw new UsageError('--content is required');
      let objector: Objector;
      if (values.person !== undefined)
        objector = {
          kind: 'person',
          name: values.person,
          idNumber: values['id-number'] ?? '',
          ...(values.phone ? { phone: values.phone } : {}),
        };
      else if (values['unit-name'] !== undefined)
        objector = { kind: 'unit', unitName: values['unit-name'], contact: values.contact ?? '' };
      else if (values.anonymous) objector = { kind: 'anonymous' };
      else throw new UsageError('say who objects: --person, --unit-name or --anonymous');
      const actor = actorOf(values.as, 'reviewer', 'reviewer');
      return withRuntime(io, async (runtime) => {
        await requireApplication(runtime, applicationId);
        const { result, run } = await lodgeLocalObjection(runtime, {
          actor,
          applicationId,
          stage,
          objector,
          content,
          evidence: (values.evidence ?? []).map((f) => storeEvidence(runtime, f)),
        });
        const data = result.events[0]?.data ?? {};
        io.out(
          `objection ${String(data.objectionId)}: ${data.admissible ? 'admissible — the application is paused until it is resolved' : `not admissible (${String(data.inadmissibleReason)})`}${result.replayed ? ' (already recorded)' : ''}`,
        );
        io.out(`  ${applicationId}: ${describeRun(run)}`);
        return 0;
      });
    }),
};
