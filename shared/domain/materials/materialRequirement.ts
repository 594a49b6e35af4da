import { z } from 'zod';
import { MaterialType } from './materialType.js';

/**
 * Named conditions a conditional material depends on; each is evaluated on the typed application data by
 * `materialConditionHolds` (shared/domain/campaign/materialCatalogue.ts).
 */
export const MaterialCondition = z.enum([
  /** QM_ORG: 企业总部或总公司（集团） → organisation chart with explanation. */
  'isHeadquartersOrGroup',
  /** SI: the applicant is not the first drafting unit → 放弃申报声明 of every unit before it. */
  'applicantNotFirstDraftingUnit',
]);
export type MaterialCondition = z.infer<typeof MaterialCondition>;

export const MaterialRequirement = z
  .object({
    type: MaterialType,
    requirement: z.enum(['required', 'conditional', 'optional']),
    condition: MaterialCondition.optional(),
    /** An editable Word original (.doc/.docx) must be present. */
    editableWordRequired: z.boolean(),
    /** A PDF version (converted or scanned) must be present as well. */
    pdfRequired: z.boolean(),
    /** Its fields must be read, so an image-only scan is not enough (forms); certificates and evidence may be scans. */
    textRequired: z.boolean(),
    /** perApplicant: one per application; perBundle: one per recommending unit's bundle; perDepartment: one per
     * department of the consultation matrix; perWaivingUnit: one per drafting unit that waived. */
    scope: z.enum(['perApplicant', 'perBundle', 'perDepartment', 'perWaivingUnit']),
    note: z.string().optional(),
  })
  .refine((r) => (r.requirement === 'conditional') === (r.condition !== undefined), {
    message: 'a conditional material names its condition, and only a conditional one does',
  });
export type MaterialRequirement = z.infer<typeof MaterialRequirement>;

export const MaterialCatalogueData = z.object({
  perApplicant: z.object({
    QM_ORG: z.array(MaterialRequirement).min(1),
    QM_IND: z.array(MaterialRequirement).min(1),
    SI: z.array(MaterialRequirement).min(1),
  }),
  /** Materials of the recommending unit itself, per award family (QM covers QM_ORG and QM_IND). */
  perRecommendingUnit: z.object({
    QM: z.array(MaterialRequirement).min(1),
    SI: z.array(MaterialRequirement).min(1),
  }),
});
export type MaterialCatalogueData = z.infer<typeof MaterialCatalogueData>;
