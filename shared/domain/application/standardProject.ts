import { z } from 'zod';
import { StandardType } from '../validation/standardType.js';
import { Drafter } from './drafter.js';
import { IsoDate } from './isoDate.js';
import { Organisation } from './organisation.js';

export { parseStandardType, StandardType, standardTypeNames } from '../validation/standardType.js';

export const Grade = z.enum(['FIRST', 'SECOND', 'THIRD']);
export type Grade = z.infer<typeof Grade>;
export const gradeNames: Record<Grade, string> = { FIRST: '一等奖', SECOND: '二等奖', THIRD: '三等奖' };

/** An earlier award of the standard as written on the form (e.g. “2021年中国标准创新贡献奖二等奖”). */
export const PreviousAward = z.object({ name: z.string(), year: z.string().optional() });
export type PreviousAward = z.infer<typeof PreviousAward>;

/** An SI standard project, as read from the 项目申报书 (附件4) and the standard text. */
export const StandardProject = z.object({
  /** As printed (normalised and parsed by `parseStandardNumber`). */
  standardNumber: z.string().optional(),
  standardName: z.string().optional(),
  /** The type the form declares; the rules trust the parsed number over this. */
  declaredType: StandardType.optional(),
  publicationDate: IsoDate.optional(),
  implementationDate: IsoDate.optional(),
  /** 声明公开日期 (group and enterprise standards). */
  publicDeclarationDate: IsoDate.optional(),
  /** 备案号 (industry and local standards). */
  filingNumber: z.string().optional(),
  previousAwards: z.array(PreviousAward).default([]),
  applicant: Organisation.default({ declaredIncidents: [] }),
  /** Drafting units in the order of the standard's foreword (起草单位). */
  draftingUnits: z.array(z.string()).default([]),
  /** Units that declared in writing that they waive the application (放弃申报声明). */
  waivedUnits: z.array(z.string()).default([]),
  /** Publishing association (group) or enterprise (enterprise standard); joint publishers listed in order. */
  publishers: z.array(z.string()).default([]),
  requestedGrade: Grade.optional(),
  /** Industry group (行业分类) used for 专业评选 panels. */
  industryGroup: z.string().optional(),
  drafters: z.array(Drafter).default([]),
  /** Drafter names of the foreword (前言), when the standard text was read. */
  forewordDrafterNames: z.array(z.string()).optional(),
});
export type StandardProject = z.infer<typeof StandardProject>;
export type StandardProjectInput = z.input<typeof StandardProject>;
