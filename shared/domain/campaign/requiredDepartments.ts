import type { Application } from '../application/application.js';
import type { OwnershipType } from '../application/ownershipType.js';
import type { ConsultationMatrix, ConsultationRole } from '../consultation/consultationMatrix.js';
import { Department } from '../consultation/department.js';
import type { Track } from '../track/track.js';
import type { CampaignConfig } from './campaignConfig.js';

/** What the matrix needs to know about one consulted subject (an organisation or a person). */
export interface ConsultationSubject {
  role: ConsultationRole;
  /** Ownership type of the unit (of the person's unit for a person). */
  ownershipType?: OwnershipType;
  /** The unit (role organisation) or the person (role head) is subject to audit (被审计对象). */
  auditSubject?: boolean;
  /** 统战人士 (persons only). */
  unitedFront?: boolean;
}

export interface DepartmentDecision {
  departments: Department[];
  /** Inputs the matrix needed but the data lack (e.g. 'ownershipType'): some departments may be missing. */
  undetermined: string[];
}

/**
 * The departments whose opinion is required for one subject under the campaign's matrix, plus any a reviewer added,
 * in the order of the department list. Missing ownership cannot be guessed and is reported in `undetermined`;
 * missing yes/no flags (audit subject, 统战人士) count as "no" because forms mark only the cases that apply.
 */
export function requiredDepartments(
  subject: ConsultationSubject,
  track: Track,
  matrix: ConsultationMatrix,
  reviewerAdded: readonly Department[] = [],
): DepartmentDecision {
  const found = new Set<Department>(reviewerAdded);
  const undetermined = new Set<string>();
  for (const rule of matrix.rules) {
    const w = rule.when;
    if (w.tracks && !w.tracks.includes(track)) continue;
    if (w.roles && !w.roles.includes(subject.role)) continue;
    if (w.auditSubject !== undefined && (subject.auditSubject ?? false) !== w.auditSubject) continue;
    if (w.unitedFront !== undefined && (subject.unitedFront ?? false) !== w.unitedFront) continue;
    if (w.ownership) {
      if (subject.ownershipType === undefined) {
        undetermined.add('ownershipType');
        continue;
      }
      if (!w.ownership.includes(subject.ownershipType)) continue;
    }
    for (const d of rule.add) found.add(d);
  }
  return { departments: Department.options.filter((d) => found.has(d)), undetermined: [...undetermined] };
}

/** One consulted subject of an application with its required departments. */
export interface ConsultationRequirement extends DepartmentDecision {
  /** 'applicant' or 'drafters.<i>' (SI main drafters); reviewer additions are keyed by this. */
  subjectKey: string;
  /** Dotted path of the subject in the application data. */
  field: string;
  name?: string;
  role: ConsultationRole;
}

/**
 * Every consultation an application needs (SPEC §6): the QM_ORG organisation, the QM_IND person (as head or staff of
 * their employer), or the SI applicant unit and each main drafter. `reviewerAdded` maps a subjectKey to departments a
 * reviewer added.
 */
export function requiredConsultations(
  app: Application,
  campaign: CampaignConfig,
  reviewerAdded: Readonly<Record<string, readonly Department[]>> = {},
): ConsultationRequirement[] {
  const matrix = campaign.consultation;
  const make = (subjectKey: string, field: string, name: string | undefined, subject: ConsultationSubject) => ({
    subjectKey,
    field,
    name,
    role: subject.role,
    ...requiredDepartments(subject, app.track, matrix, reviewerAdded[subjectKey]),
  });
  switch (app.track) {
    case 'QM_ORG': {
      const o = app.organisation;
      return [
        make('applicant', 'organisation', o.name, {
          role: 'organisation',
          ownershipType: o.ownershipType,
          auditSubject: o.headIsAuditSubject,
        }),
      ];
    }
    case 'QM_IND': {
      const p = app.person;
      return [
        make('applicant', 'person', p.name, {
          role: p.isHead || p.isLegalRepresentative ? 'head' : 'staff',
          ownershipType: p.employerOwnershipType,
          auditSubject: p.isAuditSubject,
          unitedFront: p.isUnitedFrontFigure,
        }),
      ];
    }
    case 'SI': {
      const a = app.project.applicant;
      return [
        make('applicant', 'project.applicant', a.name, {
          role: 'organisation',
          ownershipType: a.ownershipType,
          auditSubject: a.headIsAuditSubject,
        }),
        ...app.project.drafters.map((d, i) =>
          make(`drafters.${i}`, `project.drafters.${i}`, d.name, {
            role: d.isHead ? 'head' : 'staff',
            ownershipType: d.unitOwnershipType,
            auditSubject: d.isAuditSubject,
            unitedFront: d.isUnitedFrontFigure,
          }),
        ),
      ];
    }
  }
}

/**
 * The departments the campaign's matrix requires for an application, over all its subjects, in the order of
 * `Department`, and the inputs it lacked to decide. The one builder both runtimes use: the intake's Verify on AWS,
 * the direct intake and the 征求意见 wait locally.
 */
export function matrixDepartments(
  app: Application,
  campaign: CampaignConfig,
): { departments: Department[]; undetermined: string[] } {
  const required = requiredConsultations(app, campaign);
  const found = new Set(required.flatMap((r) => r.departments));
  return {
    departments: Department.options.filter((d) => found.has(d)),
    undetermined: [...new Set(required.flatMap((r) => r.undetermined))].sort(),
  };
}

/** Required opinions not yet recorded, as (subjectKey, department) pairs. */
export function missingConsultations(
  required: readonly ConsultationRequirement[],
  recorded: readonly { subjectKey: string; department: Department }[],
): { subjectKey: string; field: string; name?: string; department: Department }[] {
  const have = new Set(recorded.map((r) => `${r.subjectKey}|${r.department}`));
  return required.flatMap((r) =>
    r.departments
      .filter((d) => !have.has(`${r.subjectKey}|${d}`))
      .map((department) => ({ subjectKey: r.subjectKey, field: r.field, name: r.name, department })),
  );
}
