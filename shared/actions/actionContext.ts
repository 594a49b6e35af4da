import { z } from 'zod';
import { Actor, type Role } from '../domain/access/role.js';
import type { HistoryEvent } from '../domain/history/historyEvent.js';
import type { Stage } from '../domain/track/stage.js';
import {
  type AppendOptions,
  type ApplicationState,
  appendDecided,
  type DecidedEvent,
  HistoryContentionError,
  IdempotencyInProgressError,
} from '../history/appendEvent.js';
import type { RecordsRepository } from '../records/recordsRepository.js';
import { ActionError } from './actionError.js';

/** What every action runs against: the records, a clock (the local runtime and tests move it), append tuning. */
export interface ActionContext {
  repo: RecordsRepository;
  now: () => Date;
  appendOptions?: AppendOptions;
}

/**
 * What a caller needs to complete the state machine's waiting task of this stage (SendTaskSuccess output on AWS;
 * the local runtime resumes the execution with it).
 */
export interface TaskCompletion {
  applicationId: string;
  stage: Stage;
  output: Record<string, unknown>;
}

export interface ActionResult {
  applicationId: string;
  /** The events this action appended (or, when replayed, had appended before). */
  events: HistoryEvent[];
  replayed: boolean;
  /** Present when the action completed the human step the application was waiting on. */
  task?: TaskCompletion;
}

/** Parses an action request; the first issue becomes INVALID_INPUT naming the field. */
export function parseRequest<T extends z.ZodType>(schema: T, request: unknown): z.infer<T> {
  const parsed = schema.safeParse(request);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(request)';
  throw new ActionError('INVALID_INPUT', `${field}: ${issue?.message ?? 'invalid'}`, field);
}

export function requireRole(role: Role, allowed: readonly Role[], action: string): void {
  if (!allowed.includes(role))
    throw new ActionError(
      'FORBIDDEN_ROLE',
      `${action} is not allowed for role ${role} (allowed: ${allowed.join(', ')})`,
    );
}

/** The registered application of the state, or UNKNOWN_APPLICATION. */
export function requireApplication(state: ApplicationState) {
  if (!state.meta) throw new ActionError('UNKNOWN_APPLICATION', `no application ${state.applicationId}`);
  return state.meta;
}

export function requireStage(state: ApplicationState, stage: Stage) {
  const meta = requireApplication(state);
  if (meta.stage !== stage)
    throw new ActionError('WRONG_STAGE', `application ${meta.applicationId} is at ${meta.stage}, not ${stage}`);
  return meta;
}

export function requireNotPaused(state: ApplicationState) {
  const meta = requireApplication(state);
  if (meta.status === 'PAUSED')
    throw new ActionError(
      'APPLICATION_PAUSED',
      `application ${meta.applicationId} is paused by objection(s) ${meta.openObjections.join(', ')}`,
    );
  return meta;
}

/** appendDecided with the history's errors turned into action errors. */
export async function appendAction(
  ctx: ActionContext,
  target: { applicationId: string; idempotencyKey: string },
  decide: (state: ApplicationState) => DecidedEvent | Promise<DecidedEvent>,
) {
  try {
    return await appendDecided(ctx.repo, target, decide, { now: ctx.now, ...ctx.appendOptions });
  } catch (error) {
    if (error instanceof HistoryContentionError) throw new ActionError('CONTENTION', error.message);
    if (error instanceof IdempotencyInProgressError) throw new ActionError('ALREADY_IN_PROGRESS', error.message);
    throw error;
  }
}

/** Fields every action request carries: who acts, and the key that makes a retried request append once. */
export const ActionEnvelope = z.object({ actor: Actor, idempotencyKey: z.string().min(1).max(200) });
