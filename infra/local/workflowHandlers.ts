import { advanceAutomaticStage } from '../../shared/workflow/advanceAutomaticStage.js';
import { awaitHumanTask } from '../../shared/workflow/awaitHumanTask.js';
import { checkObjections } from '../../shared/workflow/checkObjections.js';
import { checkPanelDrawn } from '../../shared/workflow/checkPanelDrawn.js';
import { checkPublicityWindow } from '../../shared/workflow/checkPublicityWindow.js';
import { computePublicityWindow } from '../../shared/workflow/computePublicityWindow.js';
import { escalateHumanTask } from '../../shared/workflow/escalateHumanTask.js';
import { recordOutcome } from '../../shared/workflow/recordOutcome.js';
import { recordWorkflowFailure } from '../../shared/workflow/recordWorkflowFailure.js';
import { startStage } from '../../shared/workflow/startStage.js';
import type { WorkflowDependencies } from '../../shared/workflow/workflowDependencies.js';
import { runStep, type WorkflowStep } from '../../shared/workflow/workflowStep.js';
import type { ProjectHandler } from '../projectDefinition.js';
import type { LocalTaskHandler } from './localExecution.js';

const projectSteps: Record<ProjectHandler, WorkflowStep<never, unknown>> = {
  'workflow.startStage': startStage as never,
  'workflow.advanceAutomaticStage': advanceAutomaticStage as never,
  'workflow.awaitHumanTask': awaitHumanTask as never,
  'workflow.escalateHumanTask': escalateHumanTask as never,
  'workflow.computePublicityWindow': computePublicityWindow as never,
  'workflow.checkPublicityWindow': checkPublicityWindow as never,
  'workflow.checkObjections': checkObjections as never,
  'workflow.checkPanelDrawn': checkPanelDrawn as never,
  'workflow.recordOutcome': recordOutcome as never,
  'workflow.recordWorkflowFailure': recordWorkflowFailure as never,
};

/** The Project handlers in this process: the same WorkflowSteps the Lambdas run, through `runStep`. */
export function projectHandlers(deps: WorkflowDependencies): Record<string, LocalTaskHandler> {
  return Object.fromEntries(
    Object.entries(projectSteps).map(([name, step]) => [name, (input: unknown) => runStep(step, deps, input)]),
  );
}
