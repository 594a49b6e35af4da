import { sameUnit } from '../domain/application/unitName.js';
import type { CampaignConfig } from '../domain/campaign/campaignConfig.js';
import { applicantMaterials } from '../domain/campaign/materialCatalogue.js';
import type { Track } from '../domain/track/track.js';
import { normaliseStandardNumber } from '../domain/validation/standardNumber.js';
import type { ExtractedDocument } from '../extraction/document.js';
import type { FileAssignment } from '../report/completenessReport.js';
import {
  anchorTrack,
  applicationOfForm,
  formKey,
  recommendingUnitOnlyMaterials,
  trackOnlyMaterials,
} from './applicationAnchor.js';
import { consentOwner } from './consentOwner.js';
import { byPreference, documentLines } from './documentQuality.js';

/** The documents of one application found in a bundle. */
export interface DocumentGroup {
  /** The domain application key, or `<track>#folder:<folder>` when the forms identify nothing. */
  id: string;
  track: Track;
  /**
   * The application's folder: the folder of its forms, widened to the topmost folder that holds no other
   * application's form nor any of the recommending unit's own materials ('' at the root of the bundle).
   */
  folder: string;
  /** The application forms (Word first). */
  forms: ExtractedDocument[];
  /** Every document of the application, forms included, by path. */
  documents: ExtractedDocument[];
}

export interface BundleGrouping {
  groups: DocumentGroup[];
  /** The recommending unit's own materials. */
  recommendingUnit: ExtractedDocument[];
  containers: ExtractedDocument[];
  unassigned: ExtractedDocument[];
  assignment: Map<string, FileAssignment>;
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
const within = (path: string, folder: string) => folder !== '' && path.startsWith(`${folder}/`);
const byPath = (a: ExtractedDocument, b: ExtractedDocument) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function isContainer(doc: ExtractedDocument): boolean {
  return doc.detectedType === 'zip' && doc.classificationReason.startsWith('archive');
}

interface Identifiers {
  strong: string[];
  weak: string[];
}

const idText = (text: string) => normaliseStandardNumber(text).replace(/\s/g, '');

function identifiers(group: DocumentGroup): Identifiers {
  const strong = new Set<string>();
  const weak = new Set<string>();
  const add = (set: Set<string>, value: string | undefined, min = 2) => {
    const v = value === undefined ? '' : idText(value);
    if (v.length >= min) set.add(v);
  };
  for (const form of group.forms) {
    const app = applicationOfForm(form, group.track);
    if (!app) continue;
    if (app.track === 'QM_ORG') {
      add(strong, app.organisation.creditCode, 18);
      add(weak, app.organisation.name, 4);
    } else if (app.track === 'QM_IND') {
      add(strong, app.person.idNumber, 15);
      add(weak, app.person.name);
    } else {
      add(strong, app.project.standardNumber, 6);
      add(weak, app.project.standardName, 4);
      for (const d of app.project.drafters) add(weak, d.name);
    }
  }
  return { strong: [...strong], weak: [...weak] };
}

/** The application the group's forms describe (the first form that identifies one). */
function applicationOfGroupForms(group: DocumentGroup) {
  for (const form of group.forms) {
    const app = applicationOfForm(form, group.track);
    if (app) return app;
  }
  return undefined;
}

function applicantNameOf(group: DocumentGroup): string | undefined {
  for (const form of group.forms) {
    const app = applicationOfForm(form, group.track);
    if (app?.track === 'QM_ORG' && app.organisation.name) return app.organisation.name;
    if (app?.track === 'QM_IND' && app.person.name) return `${app.person.name}@${group.folder}`;
    if (app?.track === 'SI' && app.project.standardName) return app.project.standardName;
  }
  return undefined;
}

/** Forms that disagree on the credit code (or ID / standard number) but name the same applicant are one application. */
function mergeSameApplicant(groups: Map<string, DocumentGroup>): void {
  const seen: DocumentGroup[] = [];
  for (const group of [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const name = applicantNameOf(group);
    const same = seen.find((g) => g.track === group.track && name !== undefined && sameUnit(applicantNameOf(g), name));
    if (same) {
      same.forms.push(...group.forms);
      groups.delete(group.id);
    } else seen.push(group);
  }
}

function matchByIdentifiers(doc: ExtractedDocument, groups: DocumentGroup[], ids: Map<string, Identifiers>) {
  const text = idText([doc.path, ...doc.headers, ...documentLines(doc)].join('\n'));
  const hits = (kind: keyof Identifiers, among: DocumentGroup[]) =>
    among.filter((g) => (ids.get(g.id)?.[kind] ?? []).some((v) => text.includes(v)));
  const strong = hits('strong', groups);
  if (strong.length === 1)
    return { group: strong[0] as DocumentGroup, how: 'credit code / ID number / standard number' };
  const weak = hits('weak', strong.length > 1 ? strong : groups);
  if (weak.length === 1) return { group: weak[0] as DocumentGroup, how: 'applicant name' };
  return undefined;
}

const commonFolder = (a: string, b: string) => {
  const x = a.split('/');
  const y = b.split('/');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return x.slice(0, i).join('/');
};

/** Folder names that sort an application's files by kind rather than name an applicant (申报表/, Word版/, 证明材料/). */
const kindFolder =
  /申报表|申报书|表格|word|pdf|电子版|扫描|原件|复印件|附件|材料|文档|正文|定稿|源文件|证明|佐证|证书/i;

/**
 * An application's folder is the common folder of its forms, widened past folders that sort files by kind
 * (`企业A/申报表/组织申报表.docx` with `企业A/自评报告.docx` is one application in `企业A`), but never to the bundle's
 * root, nor to a folder holding another application's form or the recommending unit's own materials.
 */
function widenFolders(groups: DocumentGroup[], docs: readonly ExtractedDocument[]): void {
  const unitFolders = docs
    .filter((d) => recommendingUnitOnlyMaterials.has(d.materialType))
    .map((d) => folderOf(d.path));
  for (const group of groups) {
    if (group.forms.length === 0) continue;
    let folder = group.forms.map((f) => folderOf(f.path)).reduce(commonFolder);
    const others = groups.filter((g) => g !== group).flatMap((g) => g.forms.map((f) => f.path));
    const isKind = (name: string) => kindFolder.test(name) && !/公司|集团|厂$|研究院|研究所|医院|学校|大学/.test(name);
    while (folder !== '' && isKind(folder.slice(folder.lastIndexOf('/') + 1))) {
      const parent = folderOf(folder);
      if (parent === '' || unitFolders.includes(parent) || others.some((p) => within(p, parent))) break;
      folder = parent;
    }
    group.folder = folder;
  }
}

/**
 * Sorts the documents of a bundle into applications (SPEC §4): each application form founds an application (its Word
 * and PDF versions, and forms with the same credit code / ID number / standard number, are one); a folder holding
 * only one track's materials but no form founds one too. Other files join the application whose folder holds them,
 * else the one whose identifiers (credit code, ID number, standard number, then names) their text or name carries,
 * else the only application of their track. The recommending unit's letter, summary tables and contact form, and a
 * 脱密审核同意书 that names no applicant, belong to the recommending unit. Everything else is unassigned, never dropped.
 */
export function groupDocuments(
  documents: readonly ExtractedDocument[],
  campaign: CampaignConfig,
  recommendingUnit?: string,
): BundleGrouping {
  const docs = [...documents].sort(byPath);
  const assignment = new Map<string, FileAssignment>();
  const containers = docs.filter(isContainer);
  for (const c of containers) assignment.set(c.path, { kind: 'container', reason: 'archive inside the bundle' });

  const groups = new Map<string, DocumentGroup>();
  const forms = docs.filter((d) => !isContainer(d) && anchorTrack(d) !== undefined);
  const keyless: ExtractedDocument[] = [];
  for (const form of forms) {
    const track = anchorTrack(form) as Track;
    const key = formKey(form, track);
    if (key === undefined) {
      keyless.push(form);
      continue;
    }
    const group = groups.get(key) ?? { id: key, track, folder: folderOf(form.path), forms: [], documents: [] };
    group.forms.push(form);
    groups.set(key, group);
  }
  for (const form of keyless) {
    const track = anchorTrack(form) as Track;
    const folder = folderOf(form.path);
    const sameFolder = [...groups.values()].filter((g) => g.track === track && g.folder === folder && folder !== '');
    if (sameFolder.length === 1) (sameFolder[0] as DocumentGroup).forms.push(form);
    else {
      const id = `${track}#folder:${folder === '' ? form.path : folder}`;
      const group = groups.get(id) ?? { id, track, folder, forms: [], documents: [] };
      group.forms.push(form);
      groups.set(id, group);
    }
  }

  mergeSameApplicant(groups);
  widenFolders([...groups.values()], docs);

  // Folders with one track's materials and no form: an application whose form is missing.
  const formFolders = [...groups.values()].map((g) => g.folder);
  const rest = docs.filter((d) => !isContainer(d) && anchorTrack(d) === undefined);
  const folderTracks = new Map<string, Set<Track>>();
  for (const doc of rest) {
    const folder = folderOf(doc.path);
    const track = trackOnlyMaterials[doc.materialType];
    if (folder === '' || !track) continue;
    if (formFolders.some((f) => f === folder || within(doc.path, f) || within(f, folder))) continue;
    const set = folderTracks.get(folder) ?? new Set<Track>();
    set.add(track);
    folderTracks.set(folder, set);
  }
  for (const [folder, tracks] of folderTracks) {
    if (tracks.size !== 1) continue;
    if ([...folderTracks.keys()].some((other) => other !== folder && within(folder, other))) continue;
    const track = [...tracks][0] as Track;
    const id = `${track}#folder:${folder}`;
    groups.set(id, { id, track, folder, forms: [], documents: [] });
  }

  const list = [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const g of list) {
    g.forms.sort(byPreference);
    g.documents.push(...g.forms);
    for (const f of g.forms)
      assignment.set(f.path, { kind: 'application', applicationId: g.id, reason: 'application form' });
  }
  const ids = new Map(list.map((g) => [g.id, identifiers(g)]));
  const folderCount = new Map<string, number>();
  for (const g of list) folderCount.set(g.folder, (folderCount.get(g.folder) ?? 0) + 1);
  const ownFolderGroups = list.filter((g) => g.folder !== '' && folderCount.get(g.folder) === 1);

  const ru: ExtractedDocument[] = [];
  const unassigned: ExtractedDocument[] = [];
  const toGroup = (doc: ExtractedDocument, group: DocumentGroup, reason: string) => {
    group.documents.push(doc);
    assignment.set(doc.path, { kind: 'application', applicationId: group.id, reason });
  };
  for (const doc of rest) {
    if (recommendingUnitOnlyMaterials.has(doc.materialType)) {
      ru.push(doc);
      assignment.set(doc.path, { kind: 'recommendingUnit', reason: 'material of the recommending unit' });
      continue;
    }
    if (doc.materialType === 'DECLASSIFICATION_CONSENT') {
      // Whose consent it is follows who signs it, wherever the file lies.
      let owner = consentOwner(doc, list, (g) => applicationOfGroupForms(g), recommendingUnit);
      // A bureau-shaped signer of a consent inside an application's folder may be an individual's employer.
      if (owner?.byShapeOnly && ownFolderGroups.some((g) => within(doc.path, g.folder))) owner = undefined;
      if (owner?.recommendingUnit) ru.push(doc);
      if (owner?.group) {
        toGroup(doc, owner.group, owner.reason);
        continue;
      }
      if (owner) {
        assignment.set(doc.path, { kind: 'recommendingUnit', reason: owner.reason });
        continue;
      }
    }
    const folderGroup = ownFolderGroups
      .filter((g) => folderOf(doc.path) === g.folder || within(doc.path, g.folder))
      .sort((a, b) => b.folder.length - a.folder.length)[0];
    if (folderGroup) {
      toGroup(doc, folderGroup, `in the application's folder ${folderGroup.folder}`);
      continue;
    }
    const match = matchByIdentifiers(doc, list, ids);
    if (match) {
      toGroup(doc, match.group, `carries the application's ${match.how}`);
      continue;
    }
    if (doc.materialType === 'DECLASSIFICATION_CONSENT') {
      ru.push(doc);
      assignment.set(doc.path, { kind: 'recommendingUnit', reason: 'consent naming no applicant of the bundle' });
      continue;
    }
    const sameTrack =
      doc.materialType === 'UNCLASSIFIED'
        ? []
        : list.filter((g) => applicantMaterials(campaign, g.track).some((m) => m.type === doc.materialType));
    if (sameTrack.length === 1) {
      toGroup(doc, sameTrack[0] as DocumentGroup, 'the only application of a track that uses this material');
      continue;
    }
    unassigned.push(doc);
    assignment.set(doc.path, {
      kind: 'unassigned',
      reason:
        sameTrack.length > 1 ? 'names none of the applications of its track' : 'fits no application of the bundle',
    });
  }
  for (const g of list) g.documents.sort(byPath);
  return { groups: list, recommendingUnit: ru, containers, unassigned, assignment };
}
