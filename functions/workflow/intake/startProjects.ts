import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnExecutionStarter } from '../../../shared/workflow/sfnExecutionStarter.js';
import { StartProjectsInput, startProjects } from '../../../shared/workflow/startProjects.js';

const logger = new Logger({ serviceName: 'award-intake' });
const tracer = new Tracer({ serviceName: 'award-intake' });
const starter = new SfnExecutionStarter(
  tracer.captureAWSv3Client(new SFNClient({})),
  process.env.PROJECT_STATE_MACHINE_ARN ?? '',
);

/** Intake.StartProjects: one Project execution per complete application (deterministic names). */
export async function handler(event: unknown) {
  const result = await startProjects(starter, StartProjectsInput.parse(event));
  logger.info('projects started', { count: result.started.filter((s) => s.started).length });
  return result;
}
