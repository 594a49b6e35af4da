import type { ActionResult } from '../../shared/actions/actionContext.js';
import { drawApplicationPanel } from '../../shared/actions/drawApplicationPanel.js';
import type { Actor } from '../../shared/domain/access/role.js';
import type { Stage } from '../../shared/domain/track/stage.js';
import { defaultPoolId, ensureExpertPool } from './expertPool.js';
import type { LocalRuntime } from './localRuntime.js';
import { RefusedError } from './refusedError.js';
import { panelUnits, registeredApplication } from './registeredApplication.js';

/**
 * Draws the application's panel at a panel stage from the expert pool (the default pool seeded from the demo file
 * when empty), excluding the units its registered data names: what `award panel draw` and the console's 随机抽取专家
 * both do, under the same idempotency key.
 */
export async function drawLocalPanel(
  runtime: LocalRuntime,
  request: { actor: Actor; applicationId: string; stage: Stage; poolId?: string; industryGroup?: string },
): Promise<ActionResult> {
  const { actor, applicationId, stage } = request;
  const poolId = request.poolId ?? defaultPoolId;
  const meta = await runtime.repo.getApplication(applicationId);
  if (!meta) throw new RefusedError(`no application ${applicationId}`);
  if ((await ensureExpertPool(runtime.repo, poolId)) === 0)
    throw new RefusedError(`expert pool ${poolId} is empty (award panel load <pool.json>)`);
  const units = panelUnits(registeredApplication(await runtime.repo.listEvents(applicationId)), meta.name);
  return drawApplicationPanel(runtime.actionContext(), {
    actor,
    idempotencyKey: `panel-draw:${stage}`,
    applicationId,
    stage,
    poolId,
    ...units,
    ...(request.industryGroup ? { industryGroup: request.industryGroup } : {}),
  });
}
