import type { CampaignConfig } from '../domain/campaign/campaignConfig.js';
import { loadCampaign } from '../domain/campaign/loadCampaign.js';
import { ActionError } from './actionError.js';

/** The campaign's configuration, or INVALID_INPUT naming the campaign field when the year has none. */
export function campaignOf(year: string): CampaignConfig {
  try {
    return loadCampaign(year);
  } catch (error) {
    throw new ActionError('INVALID_INPUT', error instanceof Error ? error.message : String(error), 'campaign');
  }
}
