import type { Stage } from '../track/stage.js';
import type { Track } from '../track/track.js';
import type { CampaignConfig } from './campaignConfig.js';

/**
 * Working days of a publicity: 'INTERNAL' (at the applicant's unit, or each drafter's unit for SI), or a publicity
 * stage of the workflow (SOCIAL_PUBLICITY, RESULT_PUBLICITY). Undefined for a stage that is not a publicity.
 */
export function publicityDays(
  campaign: CampaignConfig,
  track: Track,
  publicity: Stage | 'INTERNAL',
): number | undefined {
  const days = campaign.publicity.workingDays[track];
  if (publicity === 'INTERNAL') return days.internal;
  if (publicity === 'SOCIAL_PUBLICITY') return days.social;
  if (publicity === 'RESULT_PUBLICITY') return days.result;
  return undefined;
}
