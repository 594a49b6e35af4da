import { join } from 'node:path';
import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { incomingPrefix } from '../shared/workflow/bundleUploaded.js';
import { eventSource } from '../shared/workflow/eventBridgeNotifier.js';
import { type AslDefinition, substitutionKey } from './aslTypes.js';
import { allStepHandlers, handlerEntry, pendingHandlers } from './handlerEntries.js';
import { intakeDefinition } from './intakeDefinition.js';
import { assetPartsOf, awardFunction } from './lambdaBundling.js';
import {
  acknowledge,
  acknowledgeBucketObjects,
  acknowledgeFunction,
  acknowledgeInvokes,
  acknowledgeTableAccess,
  reasons,
} from './nagAcknowledgements.js';
import { projectDefinition } from './projectDefinition.js';
import { repoRoot } from './repoRoot.js';
import type { Storage } from './storage.js';

export interface WorkflowsProps {
  storage: Storage;
  /** CDK context `officeEmail`: the office's address for report-ready and overdue notices (no subscription if unset). */
  officeEmail?: string;
}

/** What each step's Lambda may touch beyond the records table. */
type Needs = { sendTask?: boolean; putEvents?: boolean; startProject?: boolean; objects?: boolean };
const needs: Partial<Record<(typeof allStepHandlers)[number], Needs>> = {
  'workflow.awaitHumanTask': { sendTask: true },
  'workflow.escalateHumanTask': { putEvents: true },
  'intake.unpackBundle': { objects: true },
  'intake.extractFile': { objects: true },
  'intake.verifyBundle': { objects: true },
  'intake.registerBundle': { objects: true },
  'intake.storeReport': { objects: true },
  'intake.publishReportReady': { putEvents: true },
  'intake.startProjects': { startProject: true },
};

/**
 * Intake.ExtractFile's OCR budget on Lambda (shared/intake/intakeOcrOptions.ts reads it). OCR runs there, one file per
 * Map iteration, so there is no bundle cap: at most 30 pages per file × 15 s = 450 s of page budgets, half of the
 * 15-minute timeout; the rest covers fetching the entry, parsing it (its own budget), the OCR engine's start on a cold
 * container (~3 s), the seal checks of a typed consent and storing the model. Pages beyond the cap are reported
 * (OCR_BUDGET_EXCEEDED, info), not read.
 */
export const extractOcrEnvironment = { AWARD_OCR_FILE_PAGES: '30', AWARD_OCR_PAGE_MS: '15000' } as const;
/**
 * ExtractFile's Lambda: the maximum timeout (for a 30-page scan), and memory for the parser worker, the OCR engine
 * (chi_sim model) and a page-render thread — 3008 MB also gives the function ~1.7 vCPU.
 */
export const extractFunction = { timeout: Duration.minutes(15), memorySize: 3008 } as const;

/**
 * Both state machines, their Lambdas, the S3 → EventBridge → ingest path, the office topic, DLQs and alarms.
 * State-machine ARNs are built from their fixed names so that Lambda policies naming them do not make a cycle
 * with the definitions naming the Lambdas.
 */
export class Workflows extends Construct {
  readonly project: sfn.StateMachine;
  readonly intake: sfn.StateMachine;
  readonly projectArn: string;
  readonly officeTopic: sns.Topic;
  readonly functions: Record<string, NodejsFunction> = {};
  readonly ingest: NodejsFunction;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const { key, table, bucket } = props.storage;
    const stack = Stack.of(this);
    const names = { project: `${stack.stackName}-Project`, intake: `${stack.stackName}-Intake` };
    const arnOf = (name: string) =>
      stack.formatArn({
        service: 'states',
        resource: 'stateMachine',
        resourceName: name,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      });
    this.projectArn = arnOf(names.project);
    const intakeArn = arnOf(names.intake);
    const bus = events.EventBus.fromEventBusName(this, 'DefaultBus', 'default');

    this.officeTopic = new sns.Topic(this, 'OfficeTopic', {
      masterKey: key,
      enforceSSL: true,
      displayName: 'Award office',
    });
    if (props.officeEmail) this.officeTopic.addSubscription(new subscriptions.EmailSubscription(props.officeEmail));
    key.grantEncryptDecrypt(new iam.ServicePrincipal('events.amazonaws.com'));
    key.grantEncryptDecrypt(new iam.ServicePrincipal('cloudwatch.amazonaws.com'));

    const pending = new Set(pendingHandlers());
    for (const handler of allStepHandlers) {
      if (pending.has(handler)) continue;
      const need = needs[handler] ?? {};
      const fn = awardFunction(this, `Fn_${substitutionKey(handler)}`, {
        entry: join(repoRoot, handlerEntry(handler)),
        description: `Jilin Quality Award step ${handler}`,
        key,
        timeout: handler.startsWith('intake.') ? Duration.minutes(5) : Duration.seconds(60),
        ...(handler === 'intake.extractFile' ? extractFunction : {}),
        // Verify holds every document model of the bundle (up to 2,000) while it checks them; it OCRs nothing.
        ...(handler === 'intake.verifyBundle' ? { memorySize: 1769 } : {}),
        ...(assetPartsOf[handler] ? { assetParts: assetPartsOf[handler] } : {}),
        environment: {
          RECORDS_TABLE: table.tableName,
          SUBMISSIONS_BUCKET: bucket.bucketName,
          SUBMISSIONS_KEY_ID: key.keyArn,
          EVENT_BUS_NAME: 'default',
          AWARD_RUNTIME: 'aws',
          PROJECT_STATE_MACHINE_ARN: this.projectArn,
          POWERTOOLS_SERVICE_NAME: handler.split('.')[0] ?? 'award',
          ...(handler === 'intake.extractFile' ? extractOcrEnvironment : {}),
        },
      });
      table.grantReadWriteData(fn);
      acknowledgeFunction(fn);
      acknowledgeTableAccess(fn, table);
      props.storage.grantHistoryAnchorPublish(fn);
      if (need.sendTask)
        fn.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
            resources: [this.projectArn],
          }),
        );
      if (need.putEvents) bus.grantPutEventsTo(fn);
      if (need.startProject)
        fn.addToRolePolicy(
          new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [this.projectArn] }),
        );
      if (need.objects) {
        bucket.grantReadWrite(fn);
        acknowledgeBucketObjects(fn, bucket);
      }
      this.functions[handler] = fn;
    }

    this.project = this.stateMachine('Project', names.project, projectDefinition(), key);
    this.intake = this.stateMachine('Intake', names.intake, intakeDefinition(), key);

    // S3 Object Created (incoming/) → EventBridge → ingest; failed deliveries and failed async invocations → DLQs.
    const ingestDlq = this.queue('IngestDlq', key);
    const ruleDlq = this.queue('BundleRuleDlq', key);
    this.ingest = awardFunction(this, 'Ingest', {
      entry: join(repoRoot, 'functions/ingest/handler.ts'),
      description: 'Starts the Intake execution of an uploaded bundle (deterministic name)',
      key,
      deadLetterQueue: ingestDlq,
      environment: { INTAKE_STATE_MACHINE_ARN: intakeArn, POWERTOOLS_SERVICE_NAME: 'ingest' },
    });
    acknowledgeFunction(this.ingest);
    this.ingest.addToRolePolicy(
      new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [intakeArn] }),
    );
    new events.Rule(this, 'BundleUploaded', {
      description: 'A bundle was uploaded under incoming/',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        detail: { bucket: { name: [bucket.bucketName] }, object: { key: [{ prefix: incomingPrefix }] } },
      },
      targets: [
        new targets.LambdaFunction(this.ingest, {
          deadLetterQueue: ruleDlq,
          retryAttempts: 8,
          maxEventAge: Duration.hours(6),
        }),
      ],
    });
    const noticeDlq = this.queue('NoticeRuleDlq', key);
    new events.Rule(this, 'OfficeNotices', {
      description: 'Completeness reports ready and overdue human steps, to the office topic',
      eventPattern: { source: [eventSource], detailType: ['CompletenessReportReady', 'HumanTaskOverdue'] },
      targets: [new targets.SnsTopic(this.officeTopic, { deadLetterQueue: noticeDlq, retryAttempts: 8 })],
    });

    // Alarms: any failed or timed-out execution, anything in a DLQ.
    const alarmAction = new cwActions.SnsAction(this.officeTopic);
    for (const [name, machine] of [
      ['Project', this.project],
      ['Intake', this.intake],
    ] as const) {
      for (const [what, metric] of [
        ['Failed', machine.metricFailed({ period: Duration.minutes(5) })],
        ['TimedOut', machine.metricTimedOut({ period: Duration.minutes(5) })],
      ] as const)
        new cloudwatch.Alarm(this, `${name}Executions${what}`, {
          metric,
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          alarmDescription: `${name} executions ${what.toLowerCase()}`,
        }).addAlarmAction(alarmAction);
    }
    for (const [name, queue] of [
      ['IngestDlq', ingestDlq],
      ['BundleRuleDlq', ruleDlq],
      ['NoticeRuleDlq', noticeDlq],
    ] as const)
      new cloudwatch.Alarm(this, `${name}Depth`, {
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `events waiting in ${name}`,
      }).addAlarmAction(alarmAction);
  }

  private queue(id: string, key: import('aws-cdk-lib/aws-kms').IKey): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(queue, 'AwsSolutions-SQS3', reasons.dlq);
    return queue;
  }

  private stateMachine(id: string, name: string, definition: AslDefinition, key: import('aws-cdk-lib/aws-kms').IKey) {
    const logGroup = new logs.LogGroup(this, `${id}Logs`, {
      retention: logs.RetentionDays.ONE_YEAR,
      encryptionKey: key,
    });
    const substitutions: Record<string, string> = {};
    for (const [handler, fn] of Object.entries(this.functions))
      if (JSON.stringify(definition).includes(`\${${substitutionKey(handler)}}`))
        substitutions[substitutionKey(handler)] = fn.functionArn;
    const machine = new sfn.StateMachine(this, id, {
      stateMachineName: name,
      definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(definition)),
      definitionSubstitutions: substitutions,
      tracingEnabled: true,
      // Execution data (inputs/outputs) stays out of the logs: it carries applicant data.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    const invoked = Object.entries(this.functions).filter(([handler]) => substitutions[substitutionKey(handler)]);
    for (const [, fn] of invoked) fn.grantInvoke(machine);
    acknowledgeInvokes(
      machine,
      invoked.map(([, fn]) => fn),
    );
    return machine;
  }
}
