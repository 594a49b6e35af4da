import { consultationStatus } from '../../shared/actions/consultationStatus.js';
import { departments } from '../../shared/domain/consultation/department.js';
import type { LocalRuntime, WaitingApplication } from './localRuntime.js';

/** Who must act next on a waiting application, and with which command. */
export async function nextAction(runtime: LocalRuntime, w: WaitingApplication): Promise<{ who: string; what: string }> {
  const { meta, task } = w;
  const id = meta.applicationId;
  if (!w.started) return { who: 'recommending_unit', what: 'incomplete at intake: submit a corrected bundle' };
  if (!task) return { who: 'runtime', what: 'ready to go on: award resume' };
  switch (task.awaiting) {
    case 'consultation': {
      const status = consultationStatus(await runtime.repo.listEvents(id));
      const outstanding = status.outstanding.map((d) => departments[d]).join('、');
      if (status.required.length === 0)
        return { who: 'reviewer', what: `name the departments: award consult ${id} --require …` };
      if (outstanding)
        return { who: 'reviewer', what: `opinions outstanding from ${outstanding}: award consult ${id} …` };
      return { who: 'reviewer', what: `adverse opinion: award decide ${id} --stage CONSULTATION …` };
    }
    case 'publicity':
      if (meta.status === 'PAUSED')
        return { who: 'reviewer', what: `objection(s) ${meta.openObjections.join(', ')} open: award resolve ${id} …` };
      return { who: 'clock', what: `publicity window closes ${w.closesAt ?? '?'}: award clock advance …` };
    case 'panel': {
      const panel = await runtime.repo.getPanel(id, meta.stage);
      if (panel?.status !== 'DRAWN')
        return { who: 'reviewer', what: `draw the panel: award panel draw ${id} --stage ${meta.stage}` };
      const scored = (await runtime.repo.listEvents(id)).some(
        (e) => e.type === 'PANEL_SCORES_RECORDED' && e.stage === meta.stage,
      );
      if (!scored) return { who: 'reviewer', what: `record scores: award panel score ${id} --stage ${meta.stage} …` };
      return { who: 'reviewer', what: `decide: award decide ${id} --stage ${meta.stage} …` };
    }
    case 'finalisation':
      return { who: 'reviewer', what: `campaign ranking: award finalize --campaign ${meta.campaign}` };
    default:
      return {
        who: meta.stage === 'UNIT_RECOMMENDATION' ? 'recommending_unit' : 'reviewer',
        what: `decide: award decide ${id} --stage ${meta.stage} …`,
      };
  }
}
