import { App } from 'aws-cdk-lib';
import { type AslDefinition, substitutionKey, waitForTaskTokenResource } from './aslTypes.js';
import { stackName } from './awardApp.js';
import { AwardStack } from './awardStack.js';
import { allStepHandlers } from './handlerEntries.js';

/**
 * The local execution contract (issue #8). `synthesisedDefinitions()` synthesises the CDK app (Lambda bundling
 * skipped: only the definitions are read) and returns both state machines as plain ASL, each `${fn_…}`
 * DefinitionSubstitution replaced by `arn:aws:lambda:local:000000000000:function:<logical id>`, plus for every Task
 * state the logical handler it must be routed to. Running them locally:
 * - Task overrides (`taskResourceLocalHandlers[stateName]`): `integration: 'lambda'` → call the handler with the
 *   state's effective input; `'lambda.waitForTaskToken'` → the effective input is `{FunctionName, Payload}`: call the
 *   handler with `Payload`. The handlers are the `WorkflowStep`s of shared/workflow (`runStep(step, deps, input)`),
 *   run with `AWARD_RUNTIME=local` semantics (`deps.mode = 'local'`) and a settable `Clock`.
 * - `context`: pass `{Execution: {Id, Name, Input, StartTime}, Task: {Token: 'local:<execution id>'}}`: the
 *   definitions read `$$.Execution.Id` and `$$.Task.Token`.
 * - Waits: override every `Type: 'Wait'` state to 0 ms (`waitTimeOverrides`); `…CheckWindow` then throws
 *   WindowStillOpen while the clock is before the window's end.
 * - An execution that ends in `Suspended.HumanTaskPending` / `Suspended.WindowStillOpen` (Fail states whose Error is
 *   that name) is waiting: `TASK#<stage>` says for what. Restart it with the same input plus `resumeAt: <stage>` once
 *   the decision is recorded or the clock has passed the window; the router (`Route.ResumeAt`) jumps to the stage and
 *   every step is idempotent, so the history gets no duplicate.
 * - `pendingHandlers`: handlers named by a definition whose Lambda does not exist yet (their Resource is
 *   `…:function:pending-<handler>`); the local runtime must supply them or stop before those states.
 */
export interface LocalDefinitions {
  project: AslDefinition;
  intake: AslDefinition;
  /** Per state machine: Task state name → logical handler and how it is invoked. */
  taskStates: Record<'project' | 'intake', Record<string, TaskRoute>>;
  /** Resolved Lambda ARN → logical handler. */
  resourceHandlers: Record<string, string>;
  pendingHandlers: string[];
}

export interface TaskRoute {
  handler: string;
  integration: 'lambda' | 'lambda.waitForTaskToken';
}

const localArn = (name: string) => `arn:aws:lambda:local:000000000000:function:${name}`;
const handlerByKey = new Map<string, string>(allStepHandlers.map((h) => [substitutionKey(h), h]));

interface CfnStateMachine {
  Type: string;
  Properties: {
    StateMachineName: string;
    DefinitionString: string;
    DefinitionSubstitutions?: Record<string, { 'Fn::GetAtt': [string, string] }>;
  };
}

/** Synthesises the app and returns the concrete local definitions (see the contract above). */
export function synthesisedDefinitions(): LocalDefinitions {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  new AwardStack(app, stackName);
  const template = app.synth().getStackByName(stackName).template as { Resources: Record<string, CfnStateMachine> };
  return definitionsFromTemplate(template);
}

/** The same, from an already synthesised template (tests compare the two). */
export function definitionsFromTemplate(template: { Resources: Record<string, CfnStateMachine> }): LocalDefinitions {
  const resourceHandlers: Record<string, string> = {};
  const pending = new Set<string>();
  const machines: Partial<Record<'project' | 'intake', AslDefinition>> = {};
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::StepFunctions::StateMachine') continue;
    const which = resource.Properties.StateMachineName.endsWith('-Project') ? 'project' : 'intake';
    const substitutions = resource.Properties.DefinitionSubstitutions ?? {};
    const resolved = resource.Properties.DefinitionString.replace(/\$\{(fn_[A-Za-z0-9_]+)\}/g, (_m, key: string) => {
      const handler = handlerByKey.get(key) ?? key;
      const logicalId = substitutions[key]?.['Fn::GetAtt'][0];
      if (!logicalId) pending.add(handler);
      const arn = localArn(logicalId ?? `pending-${handler.replace('.', '-')}`);
      resourceHandlers[arn] = handler;
      return arn;
    });
    machines[which] = JSON.parse(resolved) as AslDefinition;
  }
  if (!machines.project || !machines.intake) throw new Error('the template lacks the Project or Intake state machine');
  return {
    project: machines.project,
    intake: machines.intake,
    taskStates: {
      project: taskRoutes(machines.project, resourceHandlers),
      intake: taskRoutes(machines.intake, resourceHandlers),
    },
    resourceHandlers,
    pendingHandlers: [...pending].sort(),
  };
}

function taskRoutes(definition: AslDefinition, handlers: Record<string, string>): Record<string, TaskRoute> {
  const routes: Record<string, TaskRoute> = {};
  const visit = (states: Record<string, Record<string, unknown>>) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Map') {
        const processor = (state.ItemProcessor ?? state.Iterator) as {
          States: Record<string, Record<string, unknown>>;
        };
        visit(processor.States);
      }
      if (state.Type !== 'Task') continue;
      if (state.Resource === waitForTaskTokenResource) {
        const arn = String((state.Parameters as { FunctionName: string }).FunctionName);
        routes[name] = { handler: handlers[arn] ?? arn, integration: 'lambda.waitForTaskToken' };
      } else
        routes[name] = { handler: handlers[String(state.Resource)] ?? String(state.Resource), integration: 'lambda' };
    }
  };
  visit(definition.States as Record<string, Record<string, unknown>>);
  return routes;
}
