import { recordOutcome } from '../../shared/workflow/recordOutcome.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(recordOutcome);
