import type { ActionContext } from '../../shared/actions/actionContext.js';
import { consultationRequiredEventType } from '../../shared/actions/consultationStatus.js';
import { requireConsultations } from '../../shared/actions/requireConsultations.js';
import { Application } from '../../shared/domain/application/application.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import { matrixDepartments } from '../../shared/domain/campaign/requiredDepartments.js';
import { registeredEventType } from '../../shared/history/projectApplication.js';
import { workflowActor } from '../../shared/workflow/workflowDependencies.js';

export interface MatrixConsultations {
  recorded: boolean;
  departments: string[];
  /** Inputs the matrix needed but the registered data lack: a reviewer adds departments (`award consult --require`). */
  undetermined: string[];
}

/**
 * When an application waits at 征求意见 and no department is required yet, records (as the system) the departments
 * the campaign's consultation matrix requires for the applicant data registered with it (SPEC §6). Without
 * registered applicant data nothing is recorded and a reviewer names the departments.
 */
export async function requireMatrixConsultations(
  ctx: ActionContext,
  applicationId: string,
): Promise<MatrixConsultations> {
  const events = await ctx.repo.listEvents(applicationId);
  if (events.some((e) => e.type === consultationRequiredEventType))
    return { recorded: false, departments: [], undetermined: [] };
  const registered = events.find((e) => e.type === registeredEventType);
  const app = Application.safeParse(registered?.data.applicant);
  if (!registered || !app.success) return { recorded: false, departments: [], undetermined: ['applicant'] };
  const campaign = loadCampaign(String(registered.data.campaign));
  const { departments, undetermined } = matrixDepartments(app.data, campaign);
  if (departments.length === 0) return { recorded: false, departments, undetermined };
  await requireConsultations(ctx, {
    actor: workflowActor,
    idempotencyKey: 'consultations:matrix',
    applicationId,
    departments,
    reason: undetermined.length
      ? `consultation matrix; undetermined: ${undetermined.join(', ')}`
      : 'consultation matrix',
  });
  return { recorded: true, departments, undetermined };
}
