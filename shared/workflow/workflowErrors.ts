/**
 * Errors the state machines name in their Catch/Retry fields (Step Functions matches on `error.name`, so each class
 * sets it). Locally, HumanTaskPending and WindowStillOpen end the execution on purpose: the local runtime restarts it
 * with `resumeAt` when the decision arrives or the clock passes the window's end.
 */
export class HumanTaskPending extends Error {
  override readonly name = 'HumanTaskPending';
}

export class WindowStillOpen extends Error {
  override readonly name = 'WindowStillOpen';
}

/** The execution was asked to run a stage the application has not reached (a wrong `resumeAt`, say). */
export class StageNotReached extends Error {
  override readonly name = 'StageNotReached';
}

/** The step's event does not have the shape the step needs; names the first field at fault. */
export class InvalidStepInput extends Error {
  override readonly name = 'InvalidStepInput';
}

/** The application is unknown to the records. */
export class UnknownApplication extends Error {
  override readonly name = 'UnknownApplication';
}

/** Contention or an in-flight duplicate in the records layer: worth a retry with backoff. */
export class TransientRecordsError extends Error {
  override readonly name = 'TransientRecordsError';
}

/** Error names the definitions retry with backoff (Lambda service errors plus ours). */
export const transientErrorNames = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'TransientRecordsError',
] as const;
