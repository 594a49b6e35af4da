import { checkPanelDrawn } from '../../shared/workflow/checkPanelDrawn.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(checkPanelDrawn);
