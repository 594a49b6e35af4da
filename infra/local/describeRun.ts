import type { ProjectRun } from './localRuntime.js';

/** One line on where a run left the application. */
export function describeRun(run: ProjectRun | undefined): string {
  if (!run) return 'workflow already ended';
  const o = run.outcome;
  if (o.status === 'succeeded') return `workflow ended at ${run.stage}`;
  if (o.status === 'failed') return `workflow FAILED at ${run.stage}: ${o.error}`;
  const what = run.waitingFor?.awaiting ?? (o.reason === 'WindowStillOpen' ? 'publicity' : 'decision');
  return `now at ${run.stage} (${run.status}), waiting for ${what}`;
}
