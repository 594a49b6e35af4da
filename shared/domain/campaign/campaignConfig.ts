import { z } from 'zod';
import { ConsultationMatrix } from '../consultation/consultationMatrix.js';
import { MaterialCatalogueData } from '../materials/materialRequirement.js';
import { Stage } from '../track/stage.js';

/** An instant with an explicit offset, e.g. 2025-08-22T23:59:59.999+08:00. */
const Instant = z.iso.datetime({ offset: true });
const IsoDay = z.iso.date();
const Count = z.number().int().nonnegative();
const Fen = z.number().int().nonnegative();
const WorkingDays = z.number().int().positive();

/**
 * Everything a campaign year decides (SPEC §2–§6, notice of the year). A new campaign is a new
 * `campaigns/<year>.json`, checked by this schema; the code reads numbers only from here.
 */
export const CampaignConfig = z
  .object({
    year: z.string().regex(/^\d{4}$/),
    name: z.string().min(1),
    notice: z.object({ title: z.string(), issuedOn: IsoDay, issuers: z.array(z.string()).min(1) }),
    timeZone: z.literal('Asia/Shanghai'),
    /** Last instant a submission is on time (received at or before it). */
    deadlines: z.object({ QM_ORG: Instant, QM_IND: Instant, SI: Instant, contactForms: Instant }),
    standardInnovation: z.object({
      /** Implementation (and, for group / enterprise standards, public declaration) on or before this day. */
      implementationCutoff: IsoDay,
      /** Awards whose earlier winners are excluded (matched as substrings of the declared award names). */
      excludingAwards: z.array(z.string().min(1)).min(1),
    }),
    quotas: z.object({
      /** 质量奖 and 提名奖 are counted over QM_ORG and QM_IND together. */
      qualityManagement: z.object({
        award: Count,
        nomination: Count,
        /** 县处级 cadres as a share of the individuals selected, in percent (20 → at most 20 %). */
        countyLevelMaxPercentOfIndividuals: z.number().int().min(0).max(100),
      }),
      standardInnovation: z.object({ FIRST: Count, SECOND: Count, THIRD: Count }),
    }),
    /** Prize money in fen (1 yuan = 100 fen). Individuals receive a certificate only (0). */
    prizesFen: z.object({
      QM_ORG: z.object({ award: Fen, nomination: Fen }),
      QM_IND: z.object({ award: Fen, nomination: Fen }),
      /** Per project, split among the drafters by 贡献率. */
      SI: z.object({ FIRST: Fen, SECOND: Fen, THIRD: Fen }),
    }),
    publicity: z.object({
      /** ifWorkingDay: an opening day that is a working day is day 1; never: counting starts the day after. */
      firstDayCounts: z.enum(['ifWorkingDay', 'never']).default('ifWorkingDay'),
      /** Working days per track: internal (applicant's unit / drafters' units), social (SOCIAL_PUBLICITY stage),
       * result (RESULT_PUBLICITY stage). */
      workingDays: z.object({
        QM_ORG: z.object({ internal: WorkingDays, social: WorkingDays, result: WorkingDays }),
        QM_IND: z.object({ internal: WorkingDays, social: WorkingDays, result: WorkingDays }),
        SI: z.object({ internal: WorkingDays, social: WorkingDays, result: WorkingDays }),
      }),
    }),
    eligibility: z.object({
      /** Jilin's administrative division codes start with this (credit code characters 3–8). */
      jilinDivisionPrefix: z.string().regex(/^\d{2}$/),
      operatingYears: Count,
      operatingYearsFourNewOrSpecialised: Count,
      qualityWorkYears: Count,
      jilinQualityWorkYears: Count,
      organisationLookBackYears: Count,
      legalRepresentativeLookBackYears: Count,
      siApplicantLookBackYears: Count,
      maxDrafters: z.number().int().positive(),
    }),
    panels: z.object({
      /** Experts per panel, for the stages that draw one panel per application. */
      sizes: z.partialRecord(Stage, z.number().int().positive()),
      /** An expert sits on at most this many panels of one stage in the campaign. */
      expertWorkloadCap: z.number().int().positive(),
    }),
    materials: MaterialCatalogueData,
    consultation: ConsultationMatrix,
  })
  .strict();
export type CampaignConfig = z.infer<typeof CampaignConfig>;
export type CampaignConfigInput = z.input<typeof CampaignConfig>;
