import { z } from 'zod';
import { AdministrativeRank } from './administrativeRank.js';
import { OwnershipType } from './ownershipType.js';

/** A main drafter (主要起草人) of an SI project, in the order of the 申报书. */
export const Drafter = z.object({
  name: z.string().optional(),
  unit: z.string().optional(),
  unitCreditCode: z.string().optional(),
  unitOwnershipType: OwnershipType.optional(),
  position: z.string().optional(),
  administrativeRank: AdministrativeRank.optional(),
  /** 贡献率 in percent (35 for 35 %), as parsed by `parseContributionRate`. */
  contributionRate: z.number().optional(),
  workContent: z.string().optional(),
  /** Head (负责人) of their unit. */
  isHead: z.boolean().optional(),
  isAuditSubject: z.boolean().optional(),
  isUnitedFrontFigure: z.boolean().optional(),
});
export type Drafter = z.infer<typeof Drafter>;
