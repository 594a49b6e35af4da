import type { z } from 'zod';
import type { WorkflowDependencies } from './workflowDependencies.js';
import { InvalidStepInput } from './workflowErrors.js';

/**
 * One Task of a state machine: the zod schema of its input and what it does. Lambda handlers and the local runtime
 * both call `runStep`, so the same parsing and logic run in either place.
 */
export interface WorkflowStep<S extends z.ZodType, O, D extends WorkflowDependencies = WorkflowDependencies> {
  /** The logical handler name the definitions map Task states to (e.g. `workflow.awaitHumanTask`). */
  name: string;
  input: S;
  run(deps: D, input: z.infer<S>): Promise<O>;
}

export function defineStep<S extends z.ZodType, O, D extends WorkflowDependencies = WorkflowDependencies>(
  step: WorkflowStep<S, O, D>,
): WorkflowStep<S, O, D> {
  return step;
}

/** Parses the event (the first issue names the field) and runs the step. */
export async function runStep<S extends z.ZodType, O, D extends WorkflowDependencies>(
  step: WorkflowStep<S, O, D>,
  deps: D,
  event: unknown,
): Promise<O> {
  const parsed = step.input.safeParse(event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || '(event)';
    throw new InvalidStepInput(`${step.name}: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  return step.run(deps, parsed.data);
}
