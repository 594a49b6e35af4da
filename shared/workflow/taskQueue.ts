import { isTerminal, stageKind } from '../domain/track/stage.js';
import type { ApplicationMeta, RecordsRepository, TaskRecord } from '../records/recordsRepository.js';
import { humanTaskLimits } from './humanTaskLimits.js';

/** Who acts next on a waiting application. */
export type NextActor = 'recommending_unit' | 'reviewer' | 'clock' | 'runtime';

/** One line of the task queue: an application whose workflow has not ended, and who must act on it by when. */
export interface QueueEntry {
  meta: ApplicationMeta;
  awaiting?: TaskRecord['awaiting'];
  who: NextActor;
  since?: string;
  /** When the wait escalates (a publicity wait: when its window closes). */
  due?: string;
  overdue: boolean;
  /** False for an application found incomplete at intake: its selection never started. */
  started: boolean;
}

/** Who must act next on a waiting application: read from its stage and waiting task alone (no history read). */
export function whoActs({ meta, task, started }: { meta: ApplicationMeta; task?: TaskRecord; started: boolean }) {
  const who: NextActor = !started
    ? 'recommending_unit'
    : !task
      ? 'runtime'
      : task.awaiting === 'publicity'
        ? meta.status === 'PAUSED'
          ? 'reviewer'
          : 'clock'
        : task.awaiting === 'decision' && meta.stage === 'UNIT_RECOMMENDATION'
          ? 'recommending_unit'
          : 'reviewer';
  return who;
}

/**
 * What awaits whom in the given campaigns, from two queries per campaign (its applications, its open tasks) and one
 * read per publicity window — never a read per application, so the queue stays fast with a thousand of them. The
 * same on AWS and locally ("runtime": no task waits, the execution can go on).
 */
export async function taskQueue(
  repo: RecordsRepository,
  now: Date,
  campaigns: readonly string[],
): Promise<QueueEntry[]> {
  const entries: QueueEntry[] = [];
  for (const campaign of campaigns) {
    const [metas, tasks] = await Promise.all([repo.applicationsOfCampaign(campaign), repo.openTasks(campaign)]);
    const taskOf = new Map(tasks.map((t) => [`${t.applicationId}#${t.stage}`, t]));
    for (const meta of metas) {
      if (isTerminal(meta.stage) || meta.status === 'SUPERSEDED') continue;
      const task = taskOf.get(`${meta.applicationId}#${meta.stage}`);
      const kind = stageKind(meta.stage);
      // An application left at 已接收/材料完整性审核 was incomplete at intake: its selection never started.
      const started = kind !== 'automatic';
      const limit = kind === 'automatic' || kind === 'terminal' ? undefined : humanTaskLimits[kind];
      const window = task?.awaiting === 'publicity' ? await repo.getWindow(meta.applicationId, meta.stage) : undefined;
      const due =
        window?.closesAt ??
        (task && limit ? new Date(Date.parse(task.createdAt) + limit.timeout * 1000).toISOString() : undefined);
      entries.push({
        meta,
        who: whoActs({ meta, started, ...(task ? { task } : {}) }),
        started,
        overdue: due !== undefined && Date.parse(due) < now.getTime() && task?.awaiting !== 'publicity',
        ...(task ? { awaiting: task.awaiting, since: task.createdAt } : {}),
        ...(due ? { due } : {}),
      });
    }
  }
  return entries;
}
