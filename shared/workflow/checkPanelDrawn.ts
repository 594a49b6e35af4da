import { stageKind } from '../domain/track/stage.js';
import { StageStepInput } from './stepInput.js';
import { defineStep } from './workflowStep.js';

/**
 * First step of a panel stage: reads `PANEL#<stage>`. The draw itself is the records action
 * `drawApplicationPanel`, which only a reviewer may run (the draw happens under discipline supervision, SPEC §5),
 * so the workflow does not draw: it reports whether the panel is drawn, and the stage's human task that follows
 * waits for draw, scores and decision alike (the decision is refused before scores, scores before the draw).
 */
export const checkPanelDrawn = defineStep({
  name: 'workflow.checkPanelDrawn',
  input: StageStepInput.refine((i) => stageKind(i.stage) === 'panel', {
    message: 'not a panel stage',
    path: ['stage'],
  }),
  async run(deps, input) {
    const panel = await deps.repo.getPanel(input.applicationId, input.stage);
    if (panel?.status === 'DRAWN')
      return { drawn: true, members: panel.members?.length ?? 0, drawnSeq: panel.drawnSeq ?? null };
    return { drawn: false, seedCommitted: panel?.status === 'COMMITTED' };
  },
});
