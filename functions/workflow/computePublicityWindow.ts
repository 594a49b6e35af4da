import { computePublicityWindow } from '../../shared/workflow/computePublicityWindow.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(computePublicityWindow);
