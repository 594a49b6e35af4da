import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { functionPlaceholder } from '../../infra/aslTypes.js';
import { stackName } from '../../infra/awardApp.js';
import { AwardStack } from '../../infra/awardStack.js';
import { intakeHandlers } from '../../infra/intakeDefinition.js';
import { localDefinitions } from '../../infra/local/localDefinitions.js';
import { allStates, localOverrides, MissingLocalHandler } from '../../infra/local/localExecution.js';
import { projectHandlers } from '../../infra/projectDefinition.js';

const quiet = <T>(f: () => T): T => {
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return f();
  } finally {
    process.stderr.write = write;
  }
};

/** The template exactly as `cdk synth` produces it (Lambda bundling skipped: only the definitions are read). */
const template = quiet(() => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  new AwardStack(app, stackName);
  return app.synth().getStackByName(stackName).template as {
    Resources: Record<string, { Type: string; Properties: { StateMachineName: string; DefinitionString: string } }>;
  };
});
const synthesised = (which: 'Project' | 'Intake') => {
  const machine = Object.values(template.Resources).find(
    (r) => r.Type === 'AWS::StepFunctions::StateMachine' && r.Properties.StateMachineName.endsWith(`-${which}`),
  );
  if (!machine) throw new Error(`no ${which} state machine`);
  return machine.Properties.DefinitionString;
};

const local = await localDefinitions(mkdtempSync(join(tmpdir(), 'award-defs-')));
const handlerNames = [...projectHandlers, ...intakeHandlers];
const fakeHandlers = Object.fromEntries(handlerNames.map((h) => [h, async () => ({})]));

describe('local definitions', () => {
  it('are byte-identical to the synthesised ones except for the resource mapping', () => {
    for (const [which, definition] of [
      ['Project', local.project],
      ['Intake', local.intake],
    ] as const) {
      let text = JSON.stringify(definition);
      expect(text).not.toContain('${');
      // Undo the one difference: each local Lambda ARN back to the DefinitionSubstitution placeholder.
      for (const [arn, handler] of Object.entries(local.resourceHandlers))
        text = text.split(arn).join(functionPlaceholder(handler));
      expect(text).toBe(synthesised(which));
    }
    expect(local.pendingHandlers).toEqual([]);
  });

  it('route every Task state to an in-process handler and set every Wait to 0 ms', () => {
    for (const machine of ['project', 'intake'] as const) {
      const states = allStates(local[machine]);
      const overrides = localOverrides(local[machine], local.taskStates[machine], fakeHandlers);
      const tasks = states.filter(([, s]) => s.Type === 'Task').map(([n]) => n);
      const waits = states.filter(([, s]) => s.Type === 'Wait').map(([n]) => n);
      expect(Object.keys(overrides.taskResourceLocalHandlers).sort()).toEqual(tasks.sort());
      expect(Object.values(overrides.waitTimeOverrides)).toEqual(waits.map(() => 0));
      expect(tasks.length).toBeGreaterThan(0);
    }
    // The Map's item processor is included (Intake.ExtractFile).
    expect(allStates(local.intake).map(([n]) => n)).toContain('Intake.ExtractFile');
  });

  it('refuse to run a definition with a Task that has no in-process handler (it would call AWS)', () => {
    const { 'workflow.checkPanelDrawn': _dropped, ...others } = fakeHandlers;
    expect(() => localOverrides(local.project, local.taskStates.project, others)).toThrow(MissingLocalHandler);
  });
});
