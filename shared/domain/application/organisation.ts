import { z } from 'zod';
import { AdministrativeRank } from './administrativeRank.js';
import { Contact } from './contact.js';
import { DeclaredIncident } from './declaredIncident.js';
import { IsoDate } from './isoDate.js';
import { OwnershipType } from './ownershipType.js';

/**
 * An applicant organisation (QM_ORG) or an SI applicant unit, as read from its forms. Everything a form may leave
 * empty is optional: the rules report what is missing, they do not assume it.
 */
export const Organisation = z.object({
  name: z.string().optional(),
  /** 统一社会信用代码 as written on the form (validated by the rules, not here). */
  creditCode: z.string().optional(),
  /** 具有法人资格. */
  isLegalPerson: z.boolean().optional(),
  legalRepresentative: z.string().optional(),
  /** 注册 / 成立日期. */
  establishedDate: IsoDate.optional(),
  /** Start of normal operation of the main business, when the form gives one different from the registration date. */
  operationStartDate: IsoDate.optional(),
  ownershipType: OwnershipType.optional(),
  /** 企业总部或总公司（集团）: requires an organisation chart with explanation. */
  isHeadquartersOrGroup: z.boolean().optional(),
  /** “四新” enterprise (新技术、新产业、新业态、新模式). */
  isFourNew: z.boolean().optional(),
  /** On the provincial 专精特新 SME list. */
  isSpecialisedSme: z.boolean().optional(),
  /** Administrative rank of the unit itself (副厅级 and above are excluded). */
  administrativeRank: AdministrativeRank.optional(),
  /** The unit's head is subject to audit (被审计对象): adds 审计 to the consultation matrix. */
  headIsAuditSubject: z.boolean().optional(),
  industry: z.string().optional(),
  address: z.string().optional(),
  declaredIncidents: z.array(DeclaredIncident).default([]),
  contact: Contact.optional(),
});
export type Organisation = z.infer<typeof Organisation>;
export type OrganisationInput = z.input<typeof Organisation>;
