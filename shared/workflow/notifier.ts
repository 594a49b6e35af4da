import type { Stage } from '../domain/track/stage.js';

/** A human step that waited past its deadline: ids and dates only, never applicant data. */
export interface HumanTaskOverdue {
  applicationId: string;
  campaign: string;
  stage: Stage;
  awaiting: string;
  waitingSince: string;
}

/** Tells the office about things that need a person (EventBridge → SNS on AWS; the console locally). */
export interface Notifier {
  humanTaskOverdue(notice: HumanTaskOverdue): Promise<void>;
}
