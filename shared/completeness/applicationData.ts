import type { Application } from '../application/application.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { applicationOfForm } from './applicationAnchor.js';
import { consentUnit } from './declassificationConsent.js';
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

/**
 * The typed application of a group: the records of its forms (Word first; the extractor reads their declarations —
 * 单位性质, 集团, 负责人 …), completed with the standard text's foreword (起草单位, 主要起草人) and the units of the
 * 放弃申报声明. Undefined when no form of the group could be read.
 */
export function applicationOfGroup(group: DocumentGroup, recommendingUnit?: string): Application | undefined {
  const apps = group.forms.map((f) => applicationOfForm(f, group.track)).filter((a) => a !== undefined);
  if (apps.length === 0) return undefined;
  const common = { recommendingUnit };
  const base = apps[0] as Application;
  switch (base.track) {
    case 'QM_ORG': {
      const o = firstDefined(apps.flatMap((a) => (a.track === 'QM_ORG' ? [a.organisation] : [])));
      const name = o.name ?? '';
      return {
        track: 'QM_ORG',
        ...common,
        organisation: {
          ...o,
          isHeadquartersOrGroup: o.isHeadquartersOrGroup ?? (/集团|总公司|总部/.test(name) ? true : undefined),
        },
      };
    }
    case 'QM_IND': {
      const p = firstDefined(apps.flatMap((a) => (a.track === 'QM_IND' ? [a.person] : [])));
      return {
        track: 'QM_IND',
        ...common,
        person: p,
      };
    }
    case 'SI': {
      const p = firstDefined(apps.flatMap((a) => (a.track === 'SI' ? [a.project] : [])));
      const texts = ofType(group, 'STANDARD_TEXT').map(readStandardText);
      const foreword = texts.find((t) => t.drafterNames.length > 0 || t.draftingUnits.length > 0);
      const waived = ofType(group, 'WAIVER_DECLARATION')
        .map((d) => consentUnit(d)?.value)
        .filter((u): u is string => u !== undefined);
      return {
        track: 'SI',
        ...common,
        project: {
          ...p,
          draftingUnits: p.draftingUnits.length > 0 ? p.draftingUnits : (foreword?.draftingUnits ?? []),
          forewordDrafterNames: p.forewordDrafterNames ?? foreword?.drafterNames,
          waivedUnits: [...p.waivedUnits, ...waived],
        },
      };
    }
  }
}
