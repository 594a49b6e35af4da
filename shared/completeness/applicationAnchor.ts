import type { Application } from '../domain/application/application.js';
import { applicationKey } from '../domain/application/application.js';
import type { MaterialType } from '../domain/materials/materialType.js';
import type { Track } from '../domain/track/track.js';
import type { ExtractedDocument } from '../extraction/document.js';

/** The application form of each track: the document that founds an application in a bundle. */
export const anchorMaterial: Record<Track, MaterialType> = {
  QM_ORG: 'QM_ORG_APPLICATION_FORM',
  QM_IND: 'QM_IND_APPLICATION_FORM',
  SI: 'SI_APPLICATION_FORM',
};

export function anchorTrack(doc: ExtractedDocument): Track | undefined {
  for (const [track, type] of Object.entries(anchorMaterial) as [Track, MaterialType][])
    if (doc.materialType === type) return track;
  return undefined;
}

/** The typed application one form yields on its own (before the other documents of the group are read). */
export function applicationOfForm(doc: ExtractedDocument, track: Track): Application | undefined {
  const r = doc.records;
  if (track === 'QM_ORG' && r.organisation) return { track, organisation: r.organisation };
  if (track === 'QM_IND' && r.person) return { track, person: r.person };
  if (track === 'SI' && r.standardProject) return { track, project: r.standardProject };
  return undefined;
}

/** The domain key of a form's application, when the form identifies one. */
export function formKey(doc: ExtractedDocument, track: Track): string | undefined {
  const app = applicationOfForm(doc, track);
  return app ? applicationKey(app) : undefined;
}

/** Material types that only one track's applications carry, to tell the track of a folder without a form. */
export const trackOnlyMaterials: Partial<Record<MaterialType, Track>> = {
  QM_ORG_APPLICATION_FORM: 'QM_ORG',
  SELF_EVALUATION_REPORT: 'QM_ORG',
  ORGANISATION_CHART: 'QM_ORG',
  CREDIT_CODE_CERTIFICATE: 'QM_ORG',
  QM_IND_APPLICATION_FORM: 'QM_IND',
  ACHIEVEMENTS: 'QM_IND',
  EMPLOYER_RECOMMENDATION: 'QM_IND',
  SI_APPLICATION_FORM: 'SI',
  SI_MATERIAL_LIST: 'SI',
  STANDARD_TEXT: 'SI',
  LEVEL_EVIDENCE: 'SI',
  BENEFIT_EVIDENCE: 'SI',
  SI_SUPPORTING_MATERIAL: 'SI',
  SI_PROJECT_SUMMARY_TABLE: 'SI',
  DRAFTER_SELECTION_EVIDENCE: 'SI',
  WAIVER_DECLARATION: 'SI',
};

/** The recommending unit's own materials: never part of an application. */
export const recommendingUnitOnlyMaterials = new Set<MaterialType>([
  'RECOMMENDATION_LETTER',
  'QM_SUMMARY_TABLE',
  'SI_RECOMMENDATION_SUMMARY_TABLE',
  'CONTACT_FORM',
]);
