import { z } from 'zod';
import { AdministrativeRank } from './administrativeRank.js';
import { Contact } from './contact.js';
import { DeclaredIncident } from './declaredIncident.js';
import { IsoDate } from './isoDate.js';
import { OwnershipType } from './ownershipType.js';

/** An individual applicant (QM_IND), as read from the 个人申报表. */
export const Person = z.object({
  name: z.string().optional(),
  /** 居民身份证号 as written (validated by the rules; never logged or shown unmasked). */
  idNumber: z.string().optional(),
  employer: z.string().optional(),
  employerCreditCode: z.string().optional(),
  employerOwnershipType: OwnershipType.optional(),
  /** 职务 / 职称 as written. */
  position: z.string().optional(),
  administrativeRank: AdministrativeRank.optional(),
  /** The person is the head (负责人) of the employer. */
  isHead: z.boolean().optional(),
  isLegalRepresentative: z.boolean().optional(),
  /** The person is a head subject to audit (被审计对象). */
  isAuditSubject: z.boolean().optional(),
  /** Staff of a market-regulation department (市场监管部门). */
  isRegulatorStaff: z.boolean().optional(),
  /** 统战人士. */
  isUnitedFrontFigure: z.boolean().optional(),
  qualityWorkStartDate: IsoDate.optional(),
  /** Years in quality work as declared, when the form gives years instead of a start date. */
  qualityWorkYears: z.number().nonnegative().optional(),
  jilinQualityWorkStartDate: IsoDate.optional(),
  jilinQualityWorkYears: z.number().nonnegative().optional(),
  /** The person's own declared violations (恪守职业道德…无违法、违纪行为). */
  declaredIncidents: z.array(DeclaredIncident).default([]),
  /** For a legal representative: accidents / major complaints of the organisation (3-year look-back). */
  employerIncidents: z.array(DeclaredIncident).default([]),
  contact: Contact.optional(),
});
export type Person = z.infer<typeof Person>;
export type PersonInput = z.input<typeof Person>;
