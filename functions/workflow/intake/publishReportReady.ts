import { Logger } from '@aws-lambda-powertools/logger';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { z } from 'zod';
import { eventSource } from '../../../shared/workflow/eventBridgeNotifier.js';
import { StoredReport } from '../../../shared/workflow/startProjects.js';

const logger = new Logger({ serviceName: 'award-intake' });
const tracer = new Tracer({ serviceName: 'award-intake' });
const events = tracer.captureAWSv3Client(new EventBridgeClient({}));
const Input = z.object({ bundleId: z.string().min(1), reports: z.array(StoredReport) });

/** Intake.PublishReportReady: a `CompletenessReportReady` event (ids and counts only; the office's rule mails it). */
export async function handler(event: unknown) {
  const input = Input.parse(event);
  const detail = {
    bundleId: input.bundleId,
    applications: input.reports.map((r) => ({ applicationId: r.applicationId, complete: r.complete })),
  };
  const result = await events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: process.env.EVENT_BUS_NAME ?? 'default',
          Source: eventSource,
          DetailType: 'CompletenessReportReady',
          Detail: JSON.stringify(detail),
        },
      ],
    }),
  );
  if (result.FailedEntryCount) throw new Error('EventBridge refused the CompletenessReportReady event');
  logger.info('report ready published', { bundleId: input.bundleId, applications: detail.applications.length });
  return { published: true };
}
