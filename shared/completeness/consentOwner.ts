import type { Application } from '../domain/application/application.js';
import { normaliseUnitName, sameUnit } from '../domain/application/unitName.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { type ConsentSigner, consentSigners } from './declassificationConsent.js';

/**
 * Bodies that recommend (notice 六/七: 各地人社局、市场监管局, 中、省直各推荐单位, 质量强市工作领导小组): 'strong' for the
 * bureaus the notice names and the quality leading groups, 'generic' for any other bureau, department, commission or
 * office of the province, a city, prefecture, county or district (an individual's employer can be one); never a company,
 * hospital or school. A unit of another shape is recognised only by the recommending unit's name given with the bundle.
 */
export function recommendingBodyShape(name: string): 'strong' | 'generic' | undefined {
  const n = normaliseUnitName(name);
  if (/公司|有限|集团|厂$|医院|学校|大学|学院|研究院|研究所|中心$/.test(n)) return undefined;
  if (/(?:人力资源和社会保障|人社|市场监督管理|市场监管|质量技术监督|质监)(?:局|厅)(?:\(.*\))?$/.test(n))
    return 'strong';
  if (/质量强(?:省|市|州|县|区|旗)(?:建设)?(?:工作)?领导小组(?:办公室)?$/.test(n)) return 'strong';
  if (/人民政府(?:办公室|办公厅)?$/.test(n)) return 'generic';
  if (
    /^(?:吉林省|[\u4e00-\u9fa5]{1,8}(?:市|州|县|区|旗))[\u4e00-\u9fa5]{2,16}(?:厅|局|委员会|管理委员会|管委会|办公室)$/.test(
      n,
    )
  )
    return 'generic';
  return undefined;
}

/** The names a signer of the applicant's consent may carry: organisation, SI applicant, person and employer. */
function applicantNames(app: Application): string[] {
  if (app.track === 'QM_ORG') return [app.organisation.name ?? ''];
  if (app.track === 'QM_IND') return [app.person.name ?? '', app.person.employer ?? ''];
  return [app.project.applicant.name ?? ''];
}

function signerIs(signer: ConsentSigner, name: string): boolean {
  if (sameUnit(signer.value, name)) return true;
  const a = normaliseUnitName(signer.value);
  const b = normaliseUnitName(name);
  // A seal line may add words around the name (…有限公司（公章）, 申报单位长春…公司): containment of a long name.
  return b.length >= 6 && a.length >= 6 && (a.includes(b) || b.includes(a));
}

export interface ConsentOwner<G> {
  /** The application whose applicant signs it. */
  group?: G;
  /** Signed by the recommending unit (also when an applicant co-signs it). */
  recommendingUnit: boolean;
  /** The unit was recognised only by the generic shape of its name (a bureau): where the file lies may say more. */
  byShapeOnly?: true;
  reason: string;
}

/**
 * Whose 脱密审核同意书 a document is, by what it says (SPEC §4: the recommending unit signs one, each applicant one): the
 * signers it names (seal and signature lines first); a signer who is an application's applicant (organisation, SI
 * applicant unit, person or employer) makes it that application's; a signer who is the recommending unit (by the name
 * given, a 推荐单位 label, or the shape of a recommending body) makes it the unit's — both when both sign. Undefined
 * when the text decides nothing (a scan not read, no signer): the caller falls back to where the file lies.
 */
export function consentOwner<G>(
  doc: ExtractedDocument,
  groups: readonly G[],
  applicationOf: (group: G) => Application | undefined,
  recommendingUnit: string | undefined,
): ConsentOwner<G> | undefined {
  const signers = consentSigners(doc);
  const sealed = signers.filter((s) => s.sealed);
  const candidates = sealed.length > 0 ? sealed : signers;
  const owners = new Map<G, string>();
  const unitSigners: string[] = [];
  let named = false;
  for (const signer of candidates) {
    const matched = groups.filter((g) => {
      const app = applicationOf(g);
      return app !== undefined && applicantNames(app).some((name) => name !== '' && signerIs(signer, name));
    });
    if (matched.length === 1 && signer.role !== 'recommending') owners.set(matched[0] as G, signer.value);
    else if (matched.length === 0) {
      const strong =
        signer.role === 'recommending' ||
        (recommendingUnit !== undefined && signerIs(signer, recommendingUnit)) ||
        recommendingBodyShape(signer.value) === 'strong';
      if (strong || recommendingBodyShape(signer.value) === 'generic') unitSigners.push(signer.value);
      named ||= strong;
    }
  }
  if (owners.size === 0 && unitSigners.length === 0) {
    const name = doc.path.split('/').pop() ?? doc.path;
    if (signers.length === 0 && /推荐单位/.test(name))
      return { recommendingUnit: true, reason: 'consent of the recommending unit (file name)' };
    return undefined;
  }
  // Two applicants signing one consent: not decided here (identifiers and folders decide).
  if (owners.size > 1) return undefined;
  const [owner] = [...owners];
  if (owner && unitSigners.length > 0)
    return {
      group: owner[0],
      recommendingUnit: true,
      reason: `consent signed by the applicant 「${owner[1]}」 and the recommending unit 「${unitSigners[0]}」`,
    };
  if (owner)
    return { group: owner[0], recommendingUnit: false, reason: `consent signed by the applicant 「${owner[1]}」` };
  return {
    recommendingUnit: true,
    reason: `consent signed by the recommending unit 「${unitSigners[0]}」`,
    ...(named ? {} : { byShapeOnly: true as const }),
  };
}
