import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
import type { z } from 'zod';
import type { WorkflowDependencies } from '../../shared/workflow/workflowDependencies.js';
import { runStep, type WorkflowStep } from '../../shared/workflow/workflowStep.js';
import { awsWorkflowDependencies } from './awsWorkflowDependencies.js';

/** Ids that may be logged: never payloads (document text, ID numbers and phones live in payloads). */
function workflowIds(event: unknown): Record<string, string> {
  if (typeof event !== 'object' || event === null) return {};
  const e = event as Record<string, unknown>;
  const pick = (v: unknown) => (typeof v === 'string' ? v.slice(0, 120) : undefined);
  const ids: Record<string, string | undefined> = {
    applicationId: pick(e.applicationId),
    stage: pick(e.stage),
    track: pick(e.track),
  };
  return Object.fromEntries(Object.entries(ids).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export interface LambdaStepOptions<D extends WorkflowDependencies> {
  serviceName: string;
  /** The AWS adapters the step runs with, built once per container. */
  dependencies: (tracer: Tracer) => D;
  /** The ids of the event that may be logged. */
  loggableIds: (event: unknown) => Record<string, string>;
}

/** A Lambda handler around one step: Powertools logger, tracer and metrics; logs ids and outcomes only. */
export function lambdaStep<S extends z.ZodType, O, D extends WorkflowDependencies = WorkflowDependencies>(
  step: WorkflowStep<S, O, D>,
  options: LambdaStepOptions<D> = {
    serviceName: 'award-workflow',
    dependencies: awsWorkflowDependencies as (tracer: Tracer) => D,
    loggableIds: workflowIds,
  },
) {
  const { serviceName } = options;
  const logger = new Logger({ serviceName, persistentKeys: { step: step.name } });
  const tracer = new Tracer({ serviceName });
  const metrics = new Metrics({ namespace: 'JilinQualityAward', serviceName });
  return async (event: unknown): Promise<O> => {
    const ids = options.loggableIds(event);
    try {
      const result = await runStep(step, options.dependencies(tracer), event);
      logger.info('step done', ids);
      metrics.addMetric(`${step.name}.ok`, MetricUnit.Count, 1);
      return result;
    } catch (error) {
      const errorName = error instanceof Error ? error.name : 'unknown';
      logger.warn('step ended with an error', { ...ids, errorName });
      metrics.addMetric(`${step.name}.error`, MetricUnit.Count, 1);
      throw error;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}
