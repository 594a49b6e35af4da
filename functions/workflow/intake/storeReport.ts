import { storeReport } from '../../../shared/intake/storeReport.js';
import { intakeLambdaStep } from './intakeLambdaStep.js';

/** Intake.StoreReport (shared/intake/storeReport.ts). */
export const handler = intakeLambdaStep(storeReport);
