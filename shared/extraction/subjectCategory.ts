import type { Application } from '../domain/application/application.js';
import { type OwnershipType, parseOwnershipType } from '../domain/application/ownershipType.js';
import { readChoice } from './checkboxChoice.js';

/**
 * The 类别 of a 征求意见表 — which variant of the notice's form (附件2, SI 申报书 section 六) the unit chose for the
 * subject — as the inputs of the consultation matrix (SPEC §6).
 */
export interface SubjectCategory {
  /** The category as written (the ticked option when the form offers tick boxes). */
  text: string;
  ownershipType?: OwnershipType;
  /**
   * For a person: 'head' (…及其负责人: the unit and its head) or 'staff' (工作人员, 其他职工（非负责人）). For the
   * applicant unit the role stays 'organisation' whatever the category says.
   */
  person?: 'head' | 'staff';
  /** 统战人士. */
  unitedFront?: boolean;
}

const unitedFrontWords = /统战人士|统一战线人士|统战对象/;
const staffWords = /非负责人|其他职工|职工|工作人员|员工|其他人员/;
const headWords = /负责人|法定代表人|主要领导/;

/**
 * Reads a 类别 as the forms write it: 非公有制企业及其负责人, 非公有制企业其他职工（非负责人）, 国有或国有控股企业及其负责人,
 * 机关事业单位及其工作人员, 事业单位工作人员, 社会组织及其负责人, 统战人士, or one of them ticked among tick boxes.
 * Undefined when the text names none of these.
 */
export function parseSubjectCategory(written: string): SubjectCategory | undefined {
  const choice = readChoice(written);
  const text = (choice.boxed ? choice.selected.join(' ') : written).replace(/[\s\u3000]/g, '');
  if (text === '' || (choice.boxed && choice.selected.length !== 1)) return undefined;
  const unitedFront = unitedFrontWords.test(text);
  // 国有或国有控股企业: either way the matrix treats it as the state sector.
  const ownershipType = parseOwnershipType(text.replace(/人士|职工|工作人员|负责人/g, ''));
  const person = /非负责人/.test(text)
    ? 'staff'
    : headWords.test(text)
      ? 'head'
      : staffWords.test(text)
        ? 'staff'
        : undefined;
  if (!ownershipType && !unitedFront) return undefined;
  return {
    text,
    ...(ownershipType ? { ownershipType } : {}),
    ...(person ? { person } : {}),
    ...(unitedFront ? { unitedFront } : {}),
  };
}

/**
 * The application with the 类别 of each subject's 征求意见表 filling what its forms leave open (the form's own
 * declaration wins): 单位性质 of the applicant unit, of the individual's employer or of a drafter's unit, 负责人 or
 * not, 统战人士. `categories` maps a subjectKey ('applicant', 'drafters.<i>') to its category.
 */
export function withSubjectCategories(app: Application, categories: ReadonlyMap<string, SubjectCategory>): Application {
  const applicant = categories.get('applicant');
  switch (app.track) {
    case 'QM_ORG': {
      if (!applicant?.ownershipType || app.organisation.ownershipType) return app;
      return { ...app, organisation: { ...app.organisation, ownershipType: applicant.ownershipType } };
    }
    case 'QM_IND': {
      if (!applicant) return app;
      const p = app.person;
      return {
        ...app,
        person: {
          ...p,
          employerOwnershipType: p.employerOwnershipType ?? applicant.ownershipType,
          isHead: p.isHead ?? (applicant.person ? applicant.person === 'head' : undefined),
          isUnitedFrontFigure: p.isUnitedFrontFigure ?? (applicant.unitedFront || undefined),
        },
      };
    }
    case 'SI': {
      const a = app.project.applicant;
      return {
        ...app,
        project: {
          ...app.project,
          applicant: { ...a, ownershipType: a.ownershipType ?? applicant?.ownershipType },
          drafters: app.project.drafters.map((d, i) => {
            const c = categories.get(`drafters.${i}`);
            if (!c) return d;
            return {
              ...d,
              unitOwnershipType: d.unitOwnershipType ?? c.ownershipType,
              isHead: d.isHead ?? (c.person ? c.person === 'head' : undefined),
              isUnitedFrontFigure: d.isUnitedFrontFigure ?? (c.unitedFront || undefined),
            };
          }),
        },
      };
    }
  }
}
