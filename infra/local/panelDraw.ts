import type { ActionResult } from '../../shared/actions/actionContext.js';
import { drawApplicationPanel } from '../../shared/actions/drawApplicationPanel.js';
import { ensureExpertPool } from './expertPool.js';
import type { LocalRuntime } from './localRuntime.js';
import { defaultPoolId, type PanelDrawRequest, panelDrawRequest } from './panelDrawRequest.js';
import { RefusedError } from './refusedError.js';

/**
 * Draws the application's panel at a panel stage from the expert pool (the default pool seeded from the demo file
 * when empty), excluding the units its registered data names: what `award panel draw` and the console's 随机抽取专家
 * both do, under the same idempotency key.
 */
export async function drawLocalPanel(runtime: LocalRuntime, request: PanelDrawRequest): Promise<ActionResult> {
  const poolId = request.poolId ?? defaultPoolId;
  if ((await ensureExpertPool(runtime.repo, poolId)) === 0)
    throw new RefusedError(`expert pool ${poolId} is empty (award panel load <pool.json>)`);
  return drawApplicationPanel(runtime.actionContext(), await panelDrawRequest(runtime.repo, request));
}
