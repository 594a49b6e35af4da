import { checkPublicityWindow } from '../../shared/workflow/checkPublicityWindow.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(checkPublicityWindow);
