import { awaitHumanTask } from '../../shared/workflow/awaitHumanTask.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(awaitHumanTask);
