import type { CampaignConfig } from '../campaign/campaignConfig.js';
import { loadCampaign } from '../campaign/loadCampaign.js';
import { ActionError } from './actionError.js';

/** The campaign's configuration, or INVALID_INPUT naming the campaign field when the year has none. */
export function campaignOf(year: string): CampaignConfig {
  try {
    return loadCampaign(year);
  } catch (error) {
    throw new ActionError('INVALID_INPUT', error instanceof Error ? error.message : String(error), 'campaign');
  }
}
