import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SFNClient } from '@aws-sdk/client-sfn';
import { bundleUploaded } from '../../shared/workflow/bundleUploaded.js';
import { SfnExecutionStarter } from '../../shared/workflow/sfnExecutionStarter.js';

const serviceName = 'award-ingest';
const logger = new Logger({ serviceName });
const tracer = new Tracer({ serviceName });
const metrics = new Metrics({ namespace: 'JilinQualityAward', serviceName });
const starter = new SfnExecutionStarter(
  tracer.captureAWSv3Client(new SFNClient({})),
  process.env.INTAKE_STATE_MACHINE_ARN ?? '',
);

/** EventBridge target for S3 "Object Created": starts the Intake execution of the bundle, once per version. */
export async function handler(event: unknown) {
  const result = await bundleUploaded(starter, event);
  logger.info('bundle event', { ...result });
  metrics.addMetric('started' in result && result.started ? 'intakeStarted' : 'intakeSkipped', MetricUnit.Count, 1);
  metrics.publishStoredMetrics();
  return result;
}
