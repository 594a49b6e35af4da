import { recordWorkflowFailure } from '../../shared/workflow/recordWorkflowFailure.js';
import { lambdaStep } from './lambdaStep.js';

export const handler = lambdaStep(recordWorkflowFailure);
