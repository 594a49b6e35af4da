import { startStage } from '../../shared/workflow/startStage.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(startStage);
