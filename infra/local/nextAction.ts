import { consultationStatus } from '../../shared/actions/consultationStatus.js';
import { departments } from '../../shared/domain/consultation/department.js';
import { type NextActor, whoActs } from '../../shared/workflow/taskQueue.js';

import type { LocalRuntime, WaitingApplication } from './localRuntime.js';

/** What the next act on a waiting application is, and with which command. */
async function whatNext(runtime: LocalRuntime, w: WaitingApplication): Promise<string> {
  const { meta, task } = w;
  const id = meta.applicationId;
  if (!w.started) return 'incomplete at intake: submit a corrected bundle';
  if (!task) return 'ready to go on: award resume';
  switch (task.awaiting) {
    case 'consultation': {
      const status = consultationStatus(await runtime.repo.listEvents(id));
      const outstanding = status.outstanding.map((d) => departments[d]).join('、');
      if (status.required.length === 0) return `name the departments: award consult ${id} --require …`;
      if (outstanding) return `opinions outstanding from ${outstanding}: award consult ${id} …`;
      return `adverse opinion: award decide ${id} --stage CONSULTATION …`;
    }
    case 'publicity':
      if (meta.status === 'PAUSED') return `objection(s) ${meta.openObjections.join(', ')} open: award resolve ${id} …`;
      return `publicity window closes ${w.closesAt ?? '?'}: award clock advance …`;
    case 'panel': {
      const panel = await runtime.repo.getPanel(id, meta.stage);
      if (panel?.status !== 'DRAWN') return `draw the panel: award panel draw ${id} --stage ${meta.stage}`;
      const scored = (await runtime.repo.listEvents(id)).some(
        (e) => e.type === 'PANEL_SCORES_RECORDED' && e.stage === meta.stage,
      );
      if (!scored) return `record scores: award panel score ${id} --stage ${meta.stage} …`;
      return `decide: award decide ${id} --stage ${meta.stage} …`;
    }
    case 'finalisation':
      return `campaign ranking: award finalize --campaign ${meta.campaign}`;
    default:
      return `decide: award decide ${id} --stage ${meta.stage} …`;
  }
}

/** Who must act next on a waiting application, and with which command. */
export async function nextAction(
  runtime: LocalRuntime,
  w: WaitingApplication,
): Promise<{ who: NextActor; what: string }> {
  return { who: whoActs(w), what: await whatNext(runtime, w) };
}
