import type { Tracer } from '@aws-lambda-powertools/tracer';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnTaskTokenAdapter } from '../../shared/actions/sfnTaskTokenAdapter.js';
import { s3HistoryAnchorFromEnv } from '../../shared/objects/s3HistoryAnchor.js';
import { createRecordsDocumentClient, recordsConnectionFromEnv } from '../../shared/records/dynamoRecordsClient.js';
import { DynamoRecordsRepository } from '../../shared/records/dynamoRecordsRepository.js';
import { systemClock } from '../../shared/workflow/clock.js';
import { EventBridgeNotifier } from '../../shared/workflow/eventBridgeNotifier.js';
import { runtimeModeFromEnv } from '../../shared/workflow/runtimeMode.js';
import type { WorkflowDependencies } from '../../shared/workflow/workflowDependencies.js';

let cached: WorkflowDependencies | undefined;

/** The AWS adapters of the workflow ports, built once per Lambda container from the environment. */
export function awsWorkflowDependencies(tracer: Tracer): WorkflowDependencies {
  if (cached) return cached;
  const connection = recordsConnectionFromEnv();
  const documents = createRecordsDocumentClient(connection);
  tracer.captureAWSv3Client(documents);
  cached = {
    repo: new DynamoRecordsRepository(connection, documents, {
      historyAnchor: s3HistoryAnchorFromEnv(process.env, tracer.captureAWSv3Client(new S3Client({}))),
    }),
    clock: systemClock,
    mode: runtimeModeFromEnv(),
    tasks: new SfnTaskTokenAdapter(tracer.captureAWSv3Client(new SFNClient({}))),
    notifier: new EventBridgeNotifier(
      tracer.captureAWSv3Client(new EventBridgeClient({})),
      process.env.EVENT_BUS_NAME ?? 'default',
    ),
  };
  return cached;
}
