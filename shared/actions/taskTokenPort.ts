import type { RecordsRepository } from '../records/recordsRepository.js';
import type { TaskCompletion } from './actionContext.js';

/**
 * Completes or fails a state-machine step that waits for a human (waitForTaskToken on AWS; the local runtime plugs
 * in its own resume).
 */
export interface TaskTokenPort {
  complete(taskToken: string, output: Record<string, unknown>): Promise<void>;
  fail(taskToken: string, error: string, cause: string): Promise<void>;
}

/**
 * Hands an action's completion to the waiting step, if one waits (`TASK#<stage>`), then removes the task item
 * (conditional on the same token, so a completion racing a newer wait does not delete it). Returns whether a waiting
 * task was completed.
 */
export async function completeWaitingTask(
  repo: RecordsRepository,
  port: TaskTokenPort,
  completion: TaskCompletion | undefined,
): Promise<boolean> {
  if (!completion) return false;
  const task = await repo.getTask(completion.applicationId, completion.stage);
  if (!task) return false;
  await port.complete(task.taskToken, {
    applicationId: completion.applicationId,
    stage: completion.stage,
    ...completion.output,
  });
  await repo.deleteTask(completion.applicationId, completion.stage, task.taskToken);
  return true;
}
