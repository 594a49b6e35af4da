import type { ActionContext } from '../actions/actionContext.js';
import type { TaskTokenPort } from '../actions/taskTokenPort.js';
import type { RecordsRepository } from '../records/recordsRepository.js';
import type { Clock } from './clock.js';
import type { Notifier } from './notifier.js';
import type { RuntimeMode } from './runtimeMode.js';

/** What every workflow step runs against. Adapters differ between AWS and the local runtime; the steps do not. */
export interface WorkflowDependencies {
  repo: RecordsRepository;
  clock: Clock;
  mode: RuntimeMode;
  /** AWS: completes a task token the step itself stored when the decision was already recorded. */
  tasks: TaskTokenPort;
  notifier: Notifier;
}

/** The workflow acts as the system, never as a person. */
export const workflowActor = { id: 'workflow', role: 'system' } as const;

export function actionContextOf(deps: WorkflowDependencies): ActionContext {
  return { repo: deps.repo, now: () => deps.clock.now() };
}
