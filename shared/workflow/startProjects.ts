import { z } from 'zod';
import { Track } from '../domain/track/track.js';
import { projectExecutionName } from './executionName.js';
import type { ExecutionStarter } from './executionStarter.js';

/** What Intake.StoreReport returns per application (the fields StartProjects reads). */
export const StoredReport = z
  .object({
    applicationId: z.string().min(1),
    track: Track,
    campaign: z.string().regex(/^\d{4}$/),
    complete: z.boolean(),
  })
  .loose();

export const StartProjectsInput = z.object({ reports: z.array(StoredReport) });

/** One Project execution per complete application, under a name derived from the application id. */
export async function startProjects(starter: ExecutionStarter, input: z.infer<typeof StartProjectsInput>) {
  const started: { applicationId: string; executionName: string; started: boolean }[] = [];
  for (const report of input.reports.filter((r) => r.complete)) {
    const executionName = projectExecutionName(report.applicationId);
    const outcome = await starter.start(executionName, {
      applicationId: report.applicationId,
      track: report.track,
      campaign: report.campaign,
    });
    started.push({ applicationId: report.applicationId, executionName, started: outcome === 'started' });
  }
  return { started };
}
