import { createHash } from 'node:crypto';
import type { ActionResult } from '../../shared/actions/actionContext.js';
import { lodgeObjection } from '../../shared/actions/lodgeObjection.js';
import type { Objector } from '../../shared/actions/objectorIdentity.js';
import { resolveObjection } from '../../shared/actions/resolveObjection.js';
import type { Actor } from '../../shared/domain/access/role.js';
import type { Evidence } from '../../shared/domain/history/historyEvent.js';
import type { LocalRuntime, ProjectRun } from './localRuntime.js';

type Stored = { result: ActionResult; run: ProjectRun | undefined };

interface LodgeRequest {
  actor: Actor;
  applicationId: string;
  stage: 'SOCIAL_PUBLICITY' | 'RESULT_PUBLICITY';
  objector: Objector;
  content: string;
  evidence: Evidence[];
}

interface ResolveRequest {
  actor: Actor;
  applicationId: string;
  objectionId: string;
  outcome: 'upheld' | 'dismissed';
  reasons: string;
  evidence: Evidence[];
}

/** The lodgeObjection request: keyed by the objector and the content, so the same letter entered twice is one. */
export function lodgeObjectionRequest(request: LodgeRequest) {
  const { objector, content, stage } = request;
  const key = createHash('sha256')
    .update(JSON.stringify([objector, content]))
    .digest('hex')
    .slice(0, 16);
  return { ...request, idempotencyKey: `object:${stage}:${key}` };
}

/** The resolveObjection request, keyed by the objection. */
export const resolveObjectionRequest = (request: ResolveRequest) => ({
  ...request,
  idempotencyKey: `resolve:${request.objectionId}`,
});

/**
 * Records a written objection received in the stage's window, then resumes the execution (an admissible one pauses
 * the application): `award object` and the console's form alike. The key is the objector and the content, so the
 * same letter entered twice is recorded once.
 */
export async function lodgeLocalObjection(runtime: LocalRuntime, request: LodgeRequest): Promise<Stored> {
  const result = await lodgeObjection(runtime.actionContext(), lodgeObjectionRequest(request));
  return { result, run: await runtime.resume(request.applicationId) };
}

/** Resolves an open objection (upheld → 未获奖; dismissed → goes on), then resumes the execution. */
export async function resolveLocalObjection(runtime: LocalRuntime, request: ResolveRequest): Promise<Stored> {
  const result = await resolveObjection(runtime.actionContext(), resolveObjectionRequest(request));
  return { result, run: await runtime.resume(request.applicationId) };
}
