import { verifyBundle } from '../../../shared/intake/verifyBundle.js';
import { intakeLambdaStep } from './intakeLambdaStep.js';

/** Intake.Verify (shared/intake/verifyBundle.ts). */
export const handler = intakeLambdaStep(verifyBundle);
