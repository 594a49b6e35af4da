import { extractEntry } from './extractEntry.js';
import { type IntakeDependencies, runIntakeStep } from './intakeStep.js';
import { registerApplications } from './registerApplications.js';
import { storeReport } from './storeReport.js';
import { unpackBundle } from './unpackBundle.js';
import { verifyBundle } from './verifyBundle.js';

/**
 * The Intake state machine's steps by logical handler name (infra/intakeDefinition.ts). `intake.publishReportReady`
 * and `intake.startProjects` are not here: their Lambdas call EventBridge and Step Functions directly.
 */
export const intakeSteps = {
  'intake.unpackBundle': unpackBundle,
  'intake.extractFile': extractEntry,
  'intake.verifyBundle': verifyBundle,
  'intake.registerBundle': registerApplications,
  'intake.storeReport': storeReport,
} as const;

/** For the local runtime: each step as `(input) => output` over the given dependencies, through `runIntakeStep`. */
export function intakeHandlers(
  deps: IntakeDependencies,
): Record<keyof typeof intakeSteps, (input: unknown) => Promise<unknown>> {
  return {
    'intake.unpackBundle': (input) => runIntakeStep(unpackBundle, deps, input),
    'intake.extractFile': (input) => runIntakeStep(extractEntry, deps, input),
    'intake.verifyBundle': (input) => runIntakeStep(verifyBundle, deps, input),
    'intake.registerBundle': (input) => runIntakeStep(registerApplications, deps, input),
    'intake.storeReport': (input) => runIntakeStep(storeReport, deps, input),
  };
}
