import type { ActionContext, ActionResult } from './actionContext.js';
import { advanceStage } from './advanceStage.js';
import { closePublicityWindow } from './closePublicityWindow.js';
import { drawApplicationPanel } from './drawApplicationPanel.js';
import { lodgeObjection } from './lodgeObjection.js';
import { openPublicityWindow } from './openPublicityWindow.js';
import { recordConsultationOpinion } from './recordConsultationOpinion.js';
import { recordDecision } from './recordDecision.js';
import { recordDisclosureNeed } from './recordDisclosureNeed.js';
import { recordPanelScores } from './recordPanelScores.js';
import { requireConsultations } from './requireConsultations.js';
import { resolveObjection } from './resolveObjection.js';

/** The per-application actions by name, as the reviewer API and the local CLI call them. */
export const actionCatalogue = {
  advanceStage,
  requireConsultations,
  recordConsultationOpinion,
  recordDecision,
  openPublicityWindow,
  lodgeObjection,
  resolveObjection,
  closePublicityWindow,
  drawApplicationPanel,
  recordPanelScores,
  recordDisclosureNeed,
} satisfies Record<string, (ctx: ActionContext, request: unknown) => Promise<ActionResult>>;

export type ActionName = keyof typeof actionCatalogue;
export const actionNames = Object.keys(actionCatalogue) as [ActionName, ...ActionName[]];
