import { availableCampaigns } from '../../shared/domain/campaign/loadCampaign.js';
import { isTerminal, stageKind } from '../../shared/domain/track/stage.js';
import type { ApplicationMeta, TaskRecord } from '../../shared/records/recordsRepository.js';
import type { LocalRuntime } from '../local/localRuntime.js';
import { type NextActor, whoActs } from '../local/nextAction.js';
import { humanTaskLimits } from '../projectDefinition.js';

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

/**
 * What awaits whom in every campaign, from two queries per campaign (its applications, its open tasks) and one read
 * per publicity window — never a read per application, so the queue stays fast with a thousand of them.
 */
export async function taskQueue(runtime: LocalRuntime): Promise<QueueEntry[]> {
  const now = runtime.clock.now().getTime();
  const entries: QueueEntry[] = [];
  for (const campaign of availableCampaigns()) {
    const [metas, tasks] = await Promise.all([
      runtime.repo.applicationsOfCampaign(campaign),
      runtime.repo.openTasks(campaign),
    ]);
    const taskOf = new Map(tasks.map((t) => [`${t.applicationId}#${t.stage}`, t]));
    for (const meta of metas) {
      if (isTerminal(meta.stage) || meta.status === 'SUPERSEDED') continue;
      const task = taskOf.get(`${meta.applicationId}#${meta.stage}`);
      // An application left at 已接收/材料完整性审核 was incomplete at intake: its selection never started.
      const started = stageKind(meta.stage) !== 'automatic';
      const kind = stageKind(meta.stage);
      const limit = kind === 'automatic' || kind === 'terminal' ? undefined : humanTaskLimits[kind];
      const window =
        task?.awaiting === 'publicity' ? await runtime.repo.getWindow(meta.applicationId, meta.stage) : undefined;
      const due =
        window?.closesAt ??
        (task && limit ? new Date(Date.parse(task.createdAt) + limit.timeout * 1000).toISOString() : undefined);
      entries.push({
        meta,
        who: whoActs({ meta, started, ...(task ? { task } : {}) }),
        started,
        overdue: due !== undefined && Date.parse(due) < now && task?.awaiting !== 'publicity',
        ...(task ? { awaiting: task.awaiting, since: task.createdAt } : {}),
        ...(due ? { due } : {}),
      });
    }
  }
  return entries;
}
