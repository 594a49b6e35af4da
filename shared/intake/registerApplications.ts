import { advanceStage } from '../actions/advanceStage.js';
import { registerBundle } from '../actions/registerBundle.js';
import { requireConsultations } from '../actions/requireConsultations.js';
import { supersedeEarlierApplications } from '../actions/supersedeEarlierApplications.js';
import type { Stage } from '../domain/track/stage.js';
import { transientRecords } from '../workflow/transientRecords.js';
import { actionContextOf, workflowActor } from '../workflow/workflowDependencies.js';
import { InvalidStepInput } from '../workflow/workflowErrors.js';
import { IntakeInput, type RegisteredApplication, type RegisteredBundle, VerifiedBundle } from './intakeShapes.js';
import { defineIntakeStep } from './intakeStep.js';
import type { ApplicationData } from './verifyBundle.js';

export const RegisterInput = IntakeInput.extend({ verified: VerifiedBundle });

/**
 * Intake.Register: records the bundle and its applications (role system; idempotent on the S3 object version, or
 * on the bytes locally), with the bundle and its report as evidence. Every application leaves RECEIVED for
 * COMPLETENESS; a complete one goes on to CONSULTATION with the departments the consultation matrix requires
 * (its Project execution then starts there: the RECEIVED and COMPLETENESS exits are already recorded, under the
 * same idempotency keys the Project's own steps use); an incomplete one stays at COMPLETENESS with its findings.
 * Then each supersedes the unit's earlier application of the same applicant that was waiting for this correction.
 */
export const registerApplications = defineIntakeStep({
  name: 'intake.registerBundle',
  input: RegisterInput,
  async run(deps, input): Promise<RegisteredBundle> {
    const { verified } = input;
    if (verified.source.kind === 's3' && (verified.source.key !== input.key || verified.source.bucket !== input.bucket))
      throw new InvalidStepInput('intake.registerBundle: verified: belongs to another bundle');
    const ctx = actionContextOf(deps);
    const data = new Map(
      (
        JSON.parse(Buffer.from(await deps.objects.get(verified.applicationsKey)).toString('utf8')) as ApplicationData[]
      ).map((d) => [d.reportId, d.application]),
    );
    const registered = await transientRecords(() =>
      registerBundle(ctx, {
        actor: workflowActor,
        source: verified.source,
        campaign: verified.campaign,
        unit: verified.unit,
        receivedAt: verified.receivedAt,
        evidence: [
          { objectKey: input.key, sha256: verified.bundleSha256 },
          { objectKey: verified.reportKey, sha256: verified.reportSha256 },
        ],
        applications: verified.applications.map((a) => ({
          track: a.track,
          name: a.name,
          ...(data.get(a.reportId) ? { applicant: data.get(a.reportId) } : {}),
        })),
      }),
    );
    if (registered.bundleId !== verified.bundleId)
      throw new InvalidStepInput(
        `intake.registerBundle: verified.bundleId: the records name it ${registered.bundleId}`,
      );

    const applications: RegisteredApplication[] = [];
    for (const [i, app] of verified.applications.entries()) {
      const applicationId = registered.applicationIds[i];
      if (!applicationId) throw new Error(`registration returned no id for application ${i + 1}`);
      const complete = app.status === 'complete';
      const advance = (from: Stage, reasons: string) =>
        transientRecords(() =>
          advanceStage(ctx, {
            actor: workflowActor,
            idempotencyKey: `advance:${from}`,
            applicationId,
            from,
            outcome: 'pass',
            reasons,
          }),
        );
      await advance('RECEIVED', 'bundle registered; the completeness report follows');
      let consultations: RegisteredApplication['consultations'] = [];
      if (complete) {
        await advance('COMPLETENESS', `the completeness report (sha256 ${verified.reportSha256}) found it complete`);
        if (app.departments.length > 0) {
          await transientRecords(() =>
            requireConsultations(ctx, {
              actor: workflowActor,
              idempotencyKey: 'consultations:matrix',
              applicationId,
              departments: app.departments,
              reason: app.undetermined.length
                ? `consultation matrix; undetermined: ${app.undetermined.join(', ')}`
                : 'consultation matrix',
            }),
          );
          consultations = app.departments;
        }
      }
      applications.push({
        applicationId,
        reportId: app.reportId,
        track: app.track,
        complete,
        stage: complete ? 'CONSULTATION' : 'COMPLETENESS',
        consultations,
      });
    }
    await transientRecords(() =>
      supersedeEarlierApplications(ctx, {
        actor: workflowActor,
        unitId: verified.unit.id,
        campaign: verified.campaign,
        bundleId: registered.bundleId,
        applicationIds: applications.map((a) => a.applicationId),
      }),
    );
    return { bundleId: registered.bundleId, created: registered.created, applications };
  },
});
