import { checkObjections } from '../../shared/workflow/checkObjections.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(checkObjections);
