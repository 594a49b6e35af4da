/** Why an action was refused. A refused action has changed nothing. */
export type ActionErrorCode =
  | 'INVALID_INPUT'
  | 'FORBIDDEN_ROLE'
  | 'UNKNOWN_APPLICATION'
  | 'WRONG_STAGE'
  | 'APPLICATION_PAUSED'
  | 'CONSULTATION_INCOMPLETE'
  | 'DEPARTMENT_NOT_REQUIRED'
  | 'OPINION_ALREADY_RECORDED'
  | 'WINDOW_NOT_OPENED'
  | 'WINDOW_ALREADY_OPENED'
  | 'WINDOW_CLOSED'
  | 'WINDOW_STILL_OPEN'
  | 'CALENDAR_NOT_COVERED'
  | 'UNKNOWN_OBJECTION'
  | 'OBJECTION_NOT_OPEN'
  | 'PANEL_MISSING'
  | 'PANEL_ALREADY_DRAWN'
  | 'PANEL_DRAW_FAILED'
  | 'SCORES_MISSING'
  | 'NOT_A_PANEL_MEMBER'
  | 'FINALISATION_FAILED'
  | 'CONTENTION'
  | 'ALREADY_IN_PROGRESS';

export class ActionError extends Error {
  override readonly name = 'ActionError';
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    /** The input field at fault, for INVALID_INPUT. */
    readonly field?: string,
  ) {
    super(message);
  }
}
