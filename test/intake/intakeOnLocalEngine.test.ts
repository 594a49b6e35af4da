import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeDefinition } from '../../infra/intakeDefinition.js';
import { intakeHandlers } from '../../shared/intake/intakeSteps.js';
import { parseReportJson } from '../../shared/report/reportJson.js';
import { buildBundleZip } from '../fixtures/bundleZip.js';
import { type LocalRecords, startLocalRecords } from '../support/dynalite.js';
import { intakeDeps } from './intakeHarness.js';

let records: LocalRecords;
beforeAll(async () => {
  records = await startLocalRecords();
});
afterAll(async () => records.stop());

/**
 * The Intake definition itself, run by aws-local-stepfunctions (the local runtime's engine) over the intake steps:
 * the Map's ItemSelector, ResultSelector and per-item Catch as the engine executes them, and every state's output
 * measured from the engine's event log. The two AWS-only tasks (EventBridge, Step Functions) answer as their
 * Lambdas would, without the AWS call.
 */
describe('the Intake definition on the local engine', () => {
  it('carries a 1,500-entry bundle with one failing extraction in small states and reports every entry', async () => {
    const deps = await intakeDeps(records.repository);
    const files = Array.from({ length: 1500 }, (_, i) => ({
      name: `吉林省长白精工机械有限公司/附件材料/第${i}号证明材料扫描件（盖章版）.txt`,
      data: Buffer.from(`证明材料 ${i}`),
    }));
    const failed = files[42]?.name ?? '';
    const key = 'incoming/changchun-amr/many.zip';
    const put = await deps.objects.put(key, buildBundleZip(files));
    const steps = intakeHandlers(deps);
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {
      'Intake.Unpack': steps['intake.unpackBundle'],
      'Intake.ExtractFile': async (input) => {
        const result = (await steps['intake.extractFile'](input)) as { path: string };
        if (result.path === failed) throw Object.assign(new Error('timed out'), { name: 'States.Timeout' });
        return result;
      },
      'Intake.Verify': steps['intake.verifyBundle'],
      'Intake.Register': steps['intake.registerBundle'],
      'Intake.StoreReport': steps['intake.storeReport'],
      'Intake.PublishReportReady': async () => ({ published: true }),
      'Intake.StartProjects': async () => ({ started: [] }),
    };
    // Each `${fn_…}` placeholder becomes a local ARN, as infra/localContract.ts resolves them.
    const definition = JSON.parse(
      JSON.stringify(intakeDefinition()).replace(
        /\$\{(fn_[A-Za-z0-9_]+)\}/g,
        'arn:aws:lambda:local:000000000000:function:$1',
      ),
    );
    const machine = new StateMachine(definition as StateMachineDefinition, {
      validationOptions: { checkArn: false },
    });
    const execution = machine.run(
      { bucket: 'local', key, versionId: put.versionId as string, receivedAt: '2025-08-15T02:00:00Z' },
      { overrides: { taskResourceLocalHandlers: handlers as never } },
    );
    const outputs: { name: string; bytes: number }[] = [];
    const collect = (async () => {
      for await (const event of execution.eventLogs)
        if (event.type === 'StateExited' && 'state' in event)
          outputs.push({ name: event.state.name, bytes: Buffer.byteLength(JSON.stringify(event.state.output)) });
    })();
    const output = (await execution.result) as {
      unpacked: { entries: number[] };
      extracted: unknown[];
      reports: { reportKey: string };
    };
    await collect;

    expect(output.unpacked.entries).toHaveLength(1500);
    expect(output.extracted.filter((e) => typeof e === 'object' && e !== null && 'error' in e)).toEqual([
      {
        index: files
          .map((f) => f.name)
          .sort()
          .indexOf(failed),
        error: 'States.Timeout',
      },
    ]);
    const report = parseReportJson(Buffer.from(await deps.objects.get(output.reports.reportKey)).toString());
    expect(report.files).toHaveLength(1500);
    expect(report.files.find((f) => f.path === failed)?.findings.map((f) => f.code)).toContain('FILE_UNREADABLE');
    expect(outputs.map((o) => o.name)).toEqual(expect.arrayContaining(['Intake.Unpack', 'Intake.ExtractFiles']));
    expect(Math.max(...outputs.map((o) => o.bytes))).toBeLessThan(64 * 1024);
  }, 180_000);
});
