import type { Application } from '../application/application.js';
import type { CampaignConfig } from '../campaign/campaignConfig.js';
import type { Finding } from '../findings/finding.js';
import type { EligibilityContext } from './eligibilityContext.js';
import { qmIndEligibility } from './qmIndEligibility.js';
import { qmOrgEligibility } from './qmOrgEligibility.js';
import { siEligibility } from './siEligibility.js';

/** The eligibility findings of one application under its track's rules (SPEC §3). Pure; never throws on bad data. */
export function checkEligibility(
  app: Application,
  campaign: CampaignConfig,
  context: EligibilityContext = {},
): Finding[] {
  switch (app.track) {
    case 'QM_ORG':
      return qmOrgEligibility(app, campaign, context);
    case 'QM_IND':
      return qmIndEligibility(app, campaign, context);
    case 'SI':
      return siEligibility(app, campaign, context);
  }
}
