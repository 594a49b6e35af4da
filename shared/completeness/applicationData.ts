import type { Application } from '../domain/application/application.js';
import { Organisation } from '../domain/application/organisation.js';
import type { OwnershipType } from '../domain/application/ownershipType.js';
import { Person } from '../domain/application/person.js';
import { StandardProject } from '../domain/application/standardProject.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { applicationOfForm } from './applicationAnchor.js';
import { type ApplicationFacts, bestFact, type FactKey, gatherApplicationFacts } from './applicationFacts.js';
import { consentUnit } from './declassificationConsent.js';
import { isImageOnly, isWordFile } from './documentQuality.js';
import type { DocumentGroup } from './groupDocuments.js';
import { readStandardText } from './standardText.js';

/** First defined value of each key (arrays: first non-empty), earlier objects winning. */
function firstDefined<T extends object>(objects: readonly T[]): T {
  const out: Record<string, unknown> = {};
  for (const o of objects)
    for (const [k, v] of Object.entries(o)) {
      const have = out[k];
      if (v === undefined || (Array.isArray(v) && v.length === 0)) {
        if (have === undefined) out[k] = v;
        continue;
      }
      if (have === undefined || (Array.isArray(have) && have.length === 0)) out[k] = v;
    }
  return out as T;
}

const ofType = (group: DocumentGroup, type: ExtractedDocument['materialType']) =>
  group.documents.filter((d) => d.materialType === type);

/** Word, then text PDF, then scan: the order in which the versions of a form are trusted. */
const formOrder = (d: ExtractedDocument) => (isWordFile(d) ? 0 : isImageOnly(d) ? 2 : 1);

/** Facts that identify an application's subject: without one of them, other documents found no application. */
const identifying: Record<Application['track'], FactKey[]> = {
  QM_ORG: ['organisationName', 'creditCode'],
  QM_IND: ['personName', 'idNumber'],
  SI: ['standardNumber', 'standardName'],
};

/** The application its forms alone give (Word first), or, when no form could be read, an empty one. */
function formApplication(group: DocumentGroup, facts: ApplicationFacts): Application | undefined {
  const forms = [...group.forms].sort((a, b) => formOrder(a) - formOrder(b));
  const apps = forms.map((f) => applicationOfForm(f, group.track)).filter((a) => a !== undefined);
  if (apps.length > 0) {
    const track = group.track;
    if (track === 'QM_ORG')
      return { track, organisation: firstDefined(apps.flatMap((a) => (a.track === track ? [a.organisation] : []))) };
    if (track === 'QM_IND')
      return { track, person: firstDefined(apps.flatMap((a) => (a.track === track ? [a.person] : []))) };
    return { track, project: firstDefined(apps.flatMap((a) => (a.track === track ? [a.project] : []))) };
  }
  if (!identifying[group.track].some((key) => bestFact(facts, key))) return undefined;
  switch (group.track) {
    case 'QM_ORG':
      return { track: 'QM_ORG', organisation: Organisation.parse({}) };
    case 'QM_IND':
      return { track: 'QM_IND', person: Person.parse({}) };
    case 'SI':
      return { track: 'SI', project: StandardProject.parse({}) };
  }
}

export interface GroupApplication {
  /** Undefined when no document of the group names its subject. */
  application?: Application;
  facts: ApplicationFacts;
}

/**
 * The typed application of a group and the facts it was made of: the records of its forms (Word over PDF over scan;
 * the extractor reads their declarations — 单位性质, 集团, 负责人 …), each fact the forms leave empty taken from the
 * group's other documents and then from the summary tables' row (`unitDocuments`: the recommending unit's own
 * materials), completed with the standard text's foreword (起草单位, 主要起草人) and the units of the 放弃申报声明.
 */
export function applicationWithFacts(
  group: DocumentGroup,
  recommendingUnit?: string,
  unitDocuments: readonly ExtractedDocument[] = [],
): GroupApplication {
  const facts = gatherApplicationFacts(group, unitDocuments);
  const base = formApplication(group, facts);
  if (!base) return { facts };
  const fact = (key: FactKey) => bestFact(facts, key);
  const text = (have: string | undefined, key: FactKey) => have ?? fact(key)?.value;
  const typed = <T extends string>(have: T | undefined, key: FactKey) => have ?? (fact(key)?.typed as T | undefined);
  const common = { recommendingUnit };
  switch (base.track) {
    case 'QM_ORG': {
      const o = base.organisation;
      const name = text(o.name, 'organisationName');
      return {
        facts,
        application: {
          track: 'QM_ORG',
          ...common,
          organisation: {
            ...o,
            name,
            creditCode: text(o.creditCode, 'creditCode'),
            establishedDate: typed(o.establishedDate, 'establishedDate'),
            ownershipType: typed<OwnershipType>(o.ownershipType, 'ownershipType'),
            isHeadquartersOrGroup: o.isHeadquartersOrGroup ?? (/集团|总公司|总部/.test(name ?? '') ? true : undefined),
          },
        },
      };
    }
    case 'QM_IND': {
      const p = base.person;
      return {
        facts,
        application: {
          track: 'QM_IND',
          ...common,
          person: {
            ...p,
            name: text(p.name, 'personName'),
            idNumber: text(p.idNumber, 'idNumber'),
            employer: text(p.employer, 'employer'),
            employerCreditCode: text(p.employerCreditCode, 'creditCode'),
            employerOwnershipType: typed<OwnershipType>(p.employerOwnershipType, 'ownershipType'),
            qualityWorkStartDate: typed(p.qualityWorkStartDate, 'qualityWorkStartDate'),
            jilinQualityWorkStartDate: typed(p.jilinQualityWorkStartDate, 'jilinQualityWorkStartDate'),
          },
        },
      };
    }
    case 'SI': {
      const p = base.project;
      const texts = ofType(group, 'STANDARD_TEXT').map(readStandardText);
      const foreword = texts.find((t) => t.drafterNames.length > 0 || t.draftingUnits.length > 0);
      const waived = ofType(group, 'WAIVER_DECLARATION')
        .map((d) => consentUnit(d)?.value)
        .filter((u): u is string => u !== undefined);
      return {
        facts,
        application: {
          track: 'SI',
          ...common,
          project: {
            ...p,
            standardNumber: text(p.standardNumber, 'standardNumber'),
            standardName: text(p.standardName, 'standardName'),
            publicationDate: typed(p.publicationDate, 'publicationDate'),
            implementationDate: typed(p.implementationDate, 'implementationDate'),
            publicDeclarationDate: typed(p.publicDeclarationDate, 'publicDeclarationDate'),
            filingNumber: text(p.filingNumber, 'filingNumber'),
            applicant: {
              ...p.applicant,
              name: text(p.applicant.name, 'organisationName'),
              creditCode: text(p.applicant.creditCode, 'creditCode'),
              ownershipType: typed<OwnershipType>(p.applicant.ownershipType, 'ownershipType'),
            },
            draftingUnits: p.draftingUnits.length > 0 ? p.draftingUnits : (foreword?.draftingUnits ?? []),
            publishers:
              p.publishers.length > 0 ? p.publishers : (texts.find((t) => t.publishers.length > 0)?.publishers ?? []),
            forewordDrafterNames: p.forewordDrafterNames ?? foreword?.drafterNames,
            waivedUnits: [...p.waivedUnits, ...waived],
          },
        },
      };
    }
  }
}

/** The typed application of a group (see `applicationWithFacts`); undefined when no document names its subject. */
export function applicationOfGroup(
  group: DocumentGroup,
  recommendingUnit?: string,
  unitDocuments: readonly ExtractedDocument[] = [],
): Application | undefined {
  return applicationWithFacts(group, recommendingUnit, unitDocuments).application;
}
