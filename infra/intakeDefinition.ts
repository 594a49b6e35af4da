import { transientErrorNames } from '../shared/workflow/workflowErrors.js';
import { type AslDefinition, type AslState, functionPlaceholder } from './aslTypes.js';

/** The logical handlers of the Intake state machine. */
export const intakeHandlers = [
  'intake.unpackBundle',
  'intake.extractFile',
  'intake.verifyBundle',
  'intake.registerBundle',
  'intake.storeReport',
  'intake.publishReportReady',
  'intake.startProjects',
] as const;
export type IntakeHandler = (typeof intakeHandlers)[number];

/** Files extracted at once: bounded so a large bundle cannot exhaust Lambda concurrency. */
export const extractConcurrency = 8;

const retry = [
  { ErrorEquals: [...transientErrorNames], IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2, JitterStrategy: 'FULL' },
];
const failed = 'Intake.Failed';

function task(handler: IntakeHandler, parameters: Record<string, unknown>, resultPath: string, next: string): AslState {
  return {
    Type: 'Task',
    Resource: functionPlaceholder(handler),
    Parameters: parameters,
    ResultPath: resultPath,
    TimeoutSeconds: 900,
    Retry: retry,
    Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: failed }],
    Next: next,
  };
}

/**
 * The Intake state machine (one execution per uploaded bundle version), JSONPath only. Input
 * `{bucket, key, versionId, receivedAt}` from the ingest Lambda. Registration comes after verification: the records
 * action needs the applications found in the bundle (their order fixes their ids).
 */
export function intakeDefinition(): AslDefinition {
  return {
    Comment: 'Jilin Provincial Quality Award: one uploaded bundle to its completeness reports and Project executions',
    StartAt: 'Intake.Unpack',
    States: {
      'Intake.Unpack': task(
        'intake.unpackBundle',
        { 'bucket.$': '$.bucket', 'key.$': '$.key', 'versionId.$': '$.versionId', 'receivedAt.$': '$.receivedAt' },
        '$.unpacked',
        'Intake.ExtractFiles',
      ),
      'Intake.ExtractFiles': {
        Type: 'Map',
        // Items are entry indexes; each iteration gets `{bundleId, index}` and reads its entry from the stored list,
        // so neither the items nor the results carry paths or keys (a 2,000-entry bundle stays far under 256 KB).
        ItemsPath: '$.unpacked.entries',
        ItemSelector: { 'bundleId.$': '$.unpacked.bundleId', 'index.$': '$$.Map.Item.Value' },
        MaxConcurrency: extractConcurrency,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'Intake.ExtractFile',
          States: {
            'Intake.ExtractFile': {
              Type: 'Task',
              Resource: functionPlaceholder('intake.extractFile'),
              // The Lambda's own timeout (a 30-page scan is OCR'd in this task: infra/workflows.ts).
              TimeoutSeconds: 900,
              ResultSelector: { 'index.$': '$.index' },
              Retry: retry,
              // One bad file never fails the bundle: it becomes an unreadable entry of the report.
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Intake.ExtractFile.Unreadable' }],
              End: true,
            },
            'Intake.ExtractFile.Unreadable': {
              Type: 'Pass',
              Parameters: { 'index.$': '$.index', 'error.$': '$.error.Error' },
              End: true,
            },
          },
        },
        ResultPath: '$.extracted',
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: failed }],
        Next: 'Intake.Verify',
      },
      'Intake.Verify': task(
        'intake.verifyBundle',
        { 'bundle.$': '$.unpacked', 'extracted.$': '$.extracted' },
        '$.verified',
        'Intake.Register',
      ),
      'Intake.Register': task(
        'intake.registerBundle',
        {
          'bucket.$': '$.bucket',
          'key.$': '$.key',
          'versionId.$': '$.versionId',
          'receivedAt.$': '$.receivedAt',
          'verified.$': '$.verified',
        },
        '$.registered',
        'Intake.StoreReport',
      ),
      'Intake.StoreReport': task(
        'intake.storeReport',
        { 'bundleId.$': '$.unpacked.bundleId', 'verified.$': '$.verified', 'registered.$': '$.registered' },
        '$.reports',
        'Intake.PublishReportReady',
      ),
      'Intake.PublishReportReady': task(
        'intake.publishReportReady',
        { 'bundleId.$': '$.unpacked.bundleId', 'reports.$': '$.reports.reports' },
        '$.published',
        'Intake.StartProjects',
      ),
      'Intake.StartProjects': task(
        'intake.startProjects',
        { 'reports.$': '$.reports.reports' },
        '$.projects',
        'Intake.Done',
      ),
      'Intake.Done': { Type: 'Succeed' },
      [failed]: { Type: 'Fail', Error: 'IntakeFailed', Cause: 'see the failed state in the execution history' },
    },
  };
}
