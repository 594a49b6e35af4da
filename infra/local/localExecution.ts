import { ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import type { AslDefinition } from '../aslTypes.js';
import type { TaskRoute } from '../localContract.js';
import { suspendedStates } from '../projectDefinition.js';

/** An in-process handler for one logical handler name (`workflow.startStage`, `intake.unpackBundle`, …). */
export type LocalTaskHandler = (input: unknown) => Promise<unknown>;

export type SuspensionReason = keyof typeof suspendedStates;

export type ExecutionOutcome =
  | { status: 'succeeded'; output: unknown }
  | { status: 'waiting'; reason: SuspensionReason }
  | { status: 'failed'; error: string; cause: string };

/** A Task state of the definition has no in-process handler: running it would call AWS, so nothing runs. */
export class MissingLocalHandler extends Error {
  override readonly name = 'MissingLocalHandler';
}

type States = Record<string, Record<string, unknown>>;

/** Every state of the definition, Map item processors included, with its name. */
export function allStates(definition: { States: Record<string, unknown> }): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  const visit = (states: States) => {
    for (const [name, state] of Object.entries(states)) {
      out.push([name, state]);
      if (state.Type === 'Map') visit(((state.ItemProcessor ?? state.Iterator) as { States: States }).States);
    }
  };
  visit(definition.States as States);
  return out;
}

/** What the local engine is told to do instead of calling AWS or sleeping, generated from the ASL. */
export interface LocalOverrides {
  taskResourceLocalHandlers: Record<string, (input: unknown) => Promise<never>>;
  waitTimeOverrides: Record<string, number>;
  retryIntervalOverrides: Record<string, number>;
}

/** Milliseconds between retries locally: the definitions' 2 s full-jitter backoff is for Lambda throttling. */
const localRetryMs = 20;

/**
 * Overrides for every Task state (routed to its handler: `lambda` with the effective input,
 * `lambda.waitForTaskToken` with its `Payload`), every Wait (0 ms) and every retrier. A Task without a route or a
 * handler is refused before anything runs.
 */
export function localOverrides(
  definition: AslDefinition,
  routes: Record<string, TaskRoute>,
  handlers: Record<string, LocalTaskHandler>,
): LocalOverrides {
  const overrides: LocalOverrides = {
    taskResourceLocalHandlers: {},
    waitTimeOverrides: {},
    retryIntervalOverrides: {},
  };
  const missing: string[] = [];
  for (const [name, state] of allStates(definition)) {
    if (state.Type === 'Wait') overrides.waitTimeOverrides[name] = 0;
    if (Array.isArray(state.Retry)) overrides.retryIntervalOverrides[name] = localRetryMs;
    if (state.Type !== 'Task') continue;
    const route = routes[name];
    const handler = route ? handlers[route.handler] : undefined;
    if (!route || !handler) {
      missing.push(`${name} (${route?.handler ?? 'no route'})`);
      continue;
    }
    const unwrap = route.integration === 'lambda.waitForTaskToken';
    overrides.taskResourceLocalHandlers[name] = async (input: unknown) =>
      (await handler(unwrap ? (input as { Payload?: unknown }).Payload : input)) as never;
  }
  if (missing.length) throw new MissingLocalHandler(`no in-process handler for ${missing.join(', ')}`);
  return overrides;
}

export interface LocalExecutionRequest {
  /** `project` or `intake`: names the state machine in the execution ARN. */
  machine: string;
  definition: AslDefinition;
  overrides: LocalOverrides;
  name: string;
  input: Record<string, unknown>;
  startTime: Date;
}

export const localExecutionArn = (machine: string, name: string) =>
  `arn:aws:states:local:000000000000:execution:award-${machine}:${name}`;

const suspensions = new Set<string>(Object.keys(suspendedStates));

/**
 * Runs one execution with aws-local-stepfunctions. The engine resolves `$$.Execution.*` and `$$.Task.Token` only
 * from the `context` option, so both are supplied (the token names the execution: `local:<execution id>`). An
 * execution that ends in a `Suspended.*` Fail state is waiting, not failed.
 */
export async function runLocalExecution(request: LocalExecutionRequest): Promise<ExecutionOutcome> {
  const executionId = localExecutionArn(request.machine, request.name);
  const machine = new StateMachine(request.definition as unknown as StateMachineDefinition, {
    validationOptions: { checkArn: false },
  });
  const execution = machine.run(request.input as never, {
    overrides: request.overrides as never,
    context: {
      Execution: {
        Id: executionId,
        Name: request.name,
        Input: request.input,
        StartTime: request.startTime.toISOString(),
      },
      Task: { Token: `local:${executionId}` },
    } as never,
  });
  try {
    return { status: 'succeeded', output: await execution.result };
  } catch (error) {
    const cause = error instanceof ExecutionError ? (error.cause as Error | undefined) : (error as Error);
    const name = cause?.name ?? 'Error';
    if (suspensions.has(name)) return { status: 'waiting', reason: name as SuspensionReason };
    return { status: 'failed', error: name, cause: cause?.message ?? String(error) };
  }
}
