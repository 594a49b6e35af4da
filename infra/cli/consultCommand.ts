import { consultationStatus } from '../../shared/actions/consultationStatus.js';
import { recordConsultationOpinion } from '../../shared/actions/recordConsultationOpinion.js';
import { requireConsultations } from '../../shared/actions/requireConsultations.js';
import { Department, departments } from '../../shared/domain/consultation/department.js';
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
  storeEvidence,
  UsageError,
  withRuntime,
} from './localCommand.js';

const usage =
  'award consult <app> --department D --opinion no_objection|adverse --summary TEXT --evidence FILE [--as NAME]\n' +
  '       award consult <app> --require D[,D…] [--reason TEXT]   (a reviewer adds departments)\n' +
  '       award consult <app>                                   (lists required and outstanding departments)';

/** A department by its id (PUBLIC_SECURITY) or its Chinese name (公安). */
export function departmentOf(text: string): Department {
  const byId = Department.safeParse(text.trim());
  if (byId.success) return byId.data;
  const byName = Object.entries(departments).find(([, name]) => name === text.trim());
  if (byName) return byName[0] as Department;
  throw new UsageError(`unknown department ${text} (use an id such as PUBLIC_SECURITY or a name such as 公安)`);
}

/** 征求意见: records a department's opinion (the last one required moves the application on) or adds departments. */
export const consultCommand: AwardCommand = {
  name: 'consult',
  summary: 'record a department opinion at 征求意见 (or add/list required departments)',
  usage,
  run: (args: string[], io: CommandIo) =>
    runCommand({ usage }, io, async () => {
      const { values, positionals } = parseCommandArgs(args, {
        department: { type: 'string' },
        opinion: { type: 'string' },
        summary: { type: 'string' },
        evidence: { type: 'string' },
        require: { type: 'string' },
        reason: { type: 'string' },
        as: { type: 'string' },
      });
      const applicationId = positional(positionals, 0, 'app');
      expectPositionals(positionals, ['app']);
      const actor = actorOf(values.as, 'reviewer', 'reviewer');
      // Checked before the runtime starts: a wrong value changes nothing.
      const added = values.require?.split(',').map(departmentOf);
      const department = values.department === undefined ? undefined : departmentOf(values.department);
      const opinion = department ? oneOf(values.opinion, ['no_objection', 'adverse'] as const, '--opinion') : undefined;
      if (department && !values.summary) throw new UsageError('--summary is required with --department');
      if (department && !values.evidence) throw new UsageError('--evidence (the returned 征求意见表) is required');
      return withRuntime(io, async (runtime) => {
        await requireApplication(runtime, applicationId);
        const ctx = runtime.actionContext();
        if (added) {
          await requireConsultations(ctx, {
            actor,
            idempotencyKey: `consult-require:${[...added].sort().join(',')}`,
            applicationId,
            departments: added,
            ...(values.reason ? { reason: values.reason } : {}),
          });
          io.out(`required at 征求意见: ${added.map((d) => departments[d]).join('、')}`);
        }
        if (department && opinion && values.summary && values.evidence) {
          const evidence = storeEvidence(runtime, values.evidence);
          const result = await recordConsultationOpinion(ctx, {
            actor,
            idempotencyKey: `consult:${department}:${opinion}`,
            applicationId,
            department,
            opinion,
            summary: values.summary,
            evidence: [evidence],
          });
          io.out(
            `${departments[department]}: ${opinion}${result.replayed ? ' (already recorded)' : ''} — recorded as event ${result.events[0]?.seq}`,
          );
        }
        const status = consultationStatus(await runtime.repo.listEvents(applicationId));
        io.out(
          `required: ${status.required.map((d) => departments[d]).join('、') || '(none yet)'}; outstanding: ${
            status.outstanding.map((d) => departments[d]).join('、') || 'none'
          }`,
        );
        if (values.department || values.require) await resumeAndReport(runtime, io, applicationId);
        return 0;
      });
    }),
};
