import { advanceAutomaticStage } from '../../shared/workflow/advanceAutomaticStage.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(advanceAutomaticStage);
