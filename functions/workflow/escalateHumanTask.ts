import { escalateHumanTask } from '../../shared/workflow/escalateHumanTask.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(escalateHumanTask);
