import { registerApplications } from '../../../shared/intake/registerApplications.js';
import { intakeLambdaStep } from './intakeLambdaStep.js';

/** Intake.Register (shared/intake/registerApplications.ts). */
export const handler = intakeLambdaStep(registerApplications);
