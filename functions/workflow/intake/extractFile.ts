import { defaultSandbox } from '../../../shared/extraction/extractionOptions.js';
import { extractEntry } from '../../../shared/intake/extractEntry.js';
import { intakeLambdaStep } from './intakeLambdaStep.js';

// Start the parser workers during the init phase (not billed against the first file's time budget).
await defaultSandbox()
  .warm()
  .catch(() => undefined);

/** Intake.ExtractFile, one Map item (shared/intake/extractEntry.ts). */
export const handler = intakeLambdaStep(extractEntry);
