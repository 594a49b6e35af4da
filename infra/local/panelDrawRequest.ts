import type { Actor } from '../../shared/domain/access/role.js';
import type { Stage } from '../../shared/domain/track/stage.js';
import type { RecordsRepository } from '../../shared/records/recordsRepository.js';
import { RefusedError } from './refusedError.js';
import { panelUnits, registeredApplication } from './registeredApplication.js';

/** The expert pool a draw uses unless told another (`award panel load` fills it). */
export const defaultPoolId = 'experts';

export interface PanelDrawRequest {
  actor: Actor;
  applicationId: string;
  stage: Stage;
  poolId?: string;
  industryGroup?: string;
}

/**
 * The drawApplicationPanel request: the pool, and the units the application's registered data names (excluded), under
 * the idempotency key of the stage. Locally and on AWS alike (no file or runtime here).
 */
export async function panelDrawRequest(repo: RecordsRepository, request: PanelDrawRequest) {
  const { actor, applicationId, stage } = request;
  const meta = await repo.getApplication(applicationId);
  if (!meta) throw new RefusedError(`no application ${applicationId}`);
  const units = panelUnits(registeredApplication(await repo.listEvents(applicationId)), meta.name);
  return {
    actor,
    idempotencyKey: `panel-draw:${stage}`,
    applicationId,
    stage,
    poolId: request.poolId ?? defaultPoolId,
    ...units,
    ...(request.industryGroup ? { industryGroup: request.industryGroup } : {}),
  };
}
