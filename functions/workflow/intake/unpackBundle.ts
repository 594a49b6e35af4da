import { unpackBundle } from '../../../shared/intake/unpackBundle.js';
import { intakeLambdaStep } from './intakeLambdaStep.js';

/** Intake.Unpack (shared/intake/unpackBundle.ts). */
export const handler = intakeLambdaStep(unpackBundle);
