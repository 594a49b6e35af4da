import { createHash } from 'node:crypto';
import { type PanelDrawCheck, verifyPanelDraws } from '../../shared/actions/verifyPanelDraws.js';
import { escapedName } from '../../shared/bundle/deceptiveName.js';
import { maskPersonalData } from '../../shared/domain/access/maskPersonalData.js';
import type { Finding } from '../../shared/domain/findings/finding.js';
import type { FindingCode } from '../../shared/domain/findings/findingCode.js';
import type { DetectedType } from '../../shared/extraction/document.js';
import { entryListKey, readEntryList } from '../../shared/intake/entryList.js';
import type { ObjectStore } from '../../shared/objects/objectStore.js';
import type { ApplicationMeta, RecordsRepository } from '../../shared/records/recordsRepository.js';
import type { CompletenessReport, ReportApplication, ReportFile } from '../../shared/report/completenessReport.js';
import { parseReportJson } from '../../shared/report/reportJson.js';
import { localObjectStore } from '../local/localObjects.js';
import type { LocalRuntime } from '../local/localRuntime.js';

/** Whose a document of the bundle is: the application's own, the recommending unit's, or no one's (listed, kept). */
export type DocumentGroup = 'application' | 'recommendingUnit' | 'unassigned';

/** One file of the bundle as the console lists and serves it. */
export interface ConsoleDocument {
  /** Its place in the application's document list: what a URL carries, never a path. */
  index: number;
  /** The path in the bundle as uploaded, with any character a reader would not see written as `\uXXXX`. */
  path: string;
  /** The name to save it under: the last part of its path, without such characters. */
  downloadName: string;
  group: DocumentGroup;
  materialName: string;
  detectedType: DetectedType;
  pageCount: number;
  size: number;
  /** inline: a PDF the browser may show; download: an attachment only; not-stored: the intake kept no bytes. */
  delivery: 'inline' | 'download' | 'not-stored';
  /** The Content-Type it is served with (application/octet-stream for anything not a known, trusted type). */
  contentType: string;
  /** The report's findings that make the file untrusted (served only as application/octet-stream, if at all). */
  caution?: FindingCode[];
}

/** A finding of the report with the document (index) and page it refers to, when it names one. */
export interface LinkedFinding {
  finding: Finding;
  scope: 'application' | 'recommendingUnit' | 'bundle';
  document?: number;
  page?: number;
}

export interface ApplicationDocuments {
  applicationId: string;
  documents: ConsoleDocument[];
  findings: LinkedFinding[];
  /** True when ID and phone numbers in names and messages are masked for this reader. */
  masked: boolean;
}

/** The documents of an application's bundle, their bytes, and the re-verification of its panel draws. */
export interface DocumentBackend {
  /** The application's documents and the report's findings linked to them (unmasked: see `documentsFor`). */
  applicationDocuments(applicationId: string): Promise<Omit<ApplicationDocuments, 'masked'> | undefined>;
  /** One document's original bytes (checked against the report's sha256), unless the intake did not keep them. */
  documentFile(
    applicationId: string,
    index: number,
  ): Promise<{ document: ConsoleDocument; bytes: Uint8Array } | undefined>;
  /** Every panel draw of the application done again from its records (`verifyPanelDraws`). */
  panelDrawChecks(applicationId: string): Promise<PanelDrawCheck[]>;
}

/** Where documents are read from: the records and the object store (a folder locally; S3 on AWS, same keys). */
export interface DocumentSources {
  repo: Pick<RecordsRepository, 'getApplication' | 'listReports' | 'getBundle' | 'listEvents' | 'getPanel'>;
  objects: ObjectStore;
}

const localSources = (runtime: LocalRuntime): DocumentSources => ({
  repo: runtime.repo,
  objects: localObjectStore(runtime),
});

/** The application's section of its latest stored report, with the whole report (files, unit section). */
export async function applicationReportIn(
  { repo, objects }: DocumentSources,
  applicationId: string,
): Promise<{ meta: ApplicationMeta; report: CompletenessReport; section: ReportApplication } | undefined> {
  const meta = await repo.getApplication(applicationId);
  const stored = (await repo.listReports(applicationId)).at(-1);
  if (!meta || !stored) return undefined;
  if (!(await objects.head(stored.objectKey))) return undefined;
  const report = parseReportJson(Buffer.from(await objects.get(stored.objectKey)).toString('utf8'));
  const index = (await repo.getBundle(meta.bundleId))?.applicationIds.indexOf(applicationId) ?? -1;
  const section = report.applications[index];
  return section ? { meta, report, section } : undefined;
}

/** Findings that make a file's name or type untrusted: never shown in the browser, only downloaded as bytes. */
const cautionCodes: readonly FindingCode[] = [
  'FILE_NAME_DECEPTIVE',
  'ARCHIVE_UNSAFE_PATH',
  'FILE_TYPE_UNSUPPORTED',
  'FILE_TYPE_MISMATCH',
];

/** Content types of the document formats the office reads; anything else goes out as application/octet-stream. */
const contentTypes: Partial<Record<DetectedType, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ppt: 'application/vnd.ms-powerpoint',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  jpeg: 'image/jpeg',
  png: 'image/png',
  tiff: 'image/tiff',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
};
const octetStream = 'application/octet-stream';
/** Characters a person does not see as written (as `escapedName` shows them): never part of a name to save. */
const hidden = /[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;

function describe(file: ReportFile, index: number, group: DocumentGroup, stored: boolean): ConsoleDocument {
  const caution = [...new Set(file.findings.map((f) => f.code).filter((c) => cautionCodes.includes(c)))];
  const trusted = caution.length === 0;
  const contentType = (trusted && contentTypes[file.detectedType]) || octetStream;
  const inline = trusted && file.detectedType === 'pdf' && file.readable;
  return {
    index,
    path: escapedName(file.path),
    downloadName: (file.path.split('/').at(-1) ?? '').replace(hidden, ''),
    group,
    materialName: file.materialName,
    detectedType: file.detectedType,
    pageCount: file.pageCount,
    size: file.size,
    delivery: !stored ? 'not-stored' : inline ? 'inline' : 'download',
    contentType,
    ...(trusted ? {} : { caution }),
  };
}

const groupOf = (file: ReportFile, section: ReportApplication): DocumentGroup | undefined => {
  if (section.files.includes(file.path)) return 'application';
  if (file.assignment.kind === 'recommendingUnit') return 'recommendingUnit';
  if (file.assignment.kind === 'unassigned') return 'unassigned';
  return undefined;
};

const severityOrder = { blocking: 0, review: 1, info: 2 } as const;
const findingKey = (f: Finding) => `${f.code}\0${f.message}\0${f.file ?? ''}`;

/**
 * The findings a reader of this application needs, each with the document it names: the application's own (and
 * those on its files), the recommending unit's, and the bundle's (files of no one); blocking first in each.
 */
function linkFindings(
  report: CompletenessReport,
  section: ReportApplication,
  files: readonly { file: ReportFile; document: ConsoleDocument }[],
): LinkedFinding[] {
  const seen = new Set<string>();
  const linked: LinkedFinding[] = [];
  const add = (scope: LinkedFinding['scope'], findings: readonly Finding[]) => {
    const fresh: Finding[] = [];
    for (const f of findings)
      if (!seen.has(findingKey(f))) {
        seen.add(findingKey(f));
        fresh.push(f);
      }
    const sorted = [...fresh].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
    for (const finding of sorted) {
      const path = finding.source?.file ?? finding.file;
      const document = path === undefined ? undefined : files.find((f) => f.file.path === path)?.document.index;
      const page = finding.source?.page;
      linked.push({
        finding,
        scope,
        ...(document === undefined ? {} : { document }),
        ...(page === undefined ? {} : { page }),
      });
    }
  };
  const filesOf = (group: DocumentGroup) =>
    files.filter((f) => f.document.group === group).flatMap((f) => f.file.findings);
  add('application', [...section.findings, ...filesOf('application')]);
  add('recommendingUnit', [...report.recommendingUnit.findings, ...filesOf('recommendingUnit')]);
  add('bundle', [...report.findings, ...filesOf('unassigned')]);
  return linked;
}

/** The local runtime's: the records and the object folder under AWARD_HOME. */
export const storedApplicationReport = (runtime: LocalRuntime, applicationId: string) =>
  applicationReportIn(localSources(runtime), applicationId);

export const localDocumentBackend = (runtime: LocalRuntime): DocumentBackend => documentBackend(localSources(runtime));

/** The documents of applications over any records and object store holding what the Intake wrote. */
export function documentBackend(sources: DocumentSources): DocumentBackend {
  const { repo, objects } = sources;
  /** The application's documents with the object key of each stored one's bytes. */
  const load = async (applicationId: string) => {
    const stored = await applicationReportIn(sources, applicationId);
    if (!stored) return undefined;
    const { meta, report, section } = stored;
    // Bundles that went through the Intake (every upload) list their stored entries; a folder bundle has no list.
    const entries = (await objects.head(entryListKey(meta.bundleId)))
      ? (await readEntryList(objects, meta.bundleId)).entries
      : [];
    const keyOf = (file: ReportFile) =>
      entries.find((e) => e.path === file.path && e.sha256 === file.sha256)?.objectKey;
    const files: { file: ReportFile; document: ConsoleDocument; objectKey?: string }[] = [];
    for (const group of ['application', 'recommendingUnit', 'unassigned'] as const)
      for (const file of report.files.filter((f) => groupOf(f, section) === group)) {
        const objectKey = keyOf(file);
        files.push({
          file,
          document: describe(file, files.length, group, objectKey !== undefined),
          ...(objectKey ? { objectKey } : {}),
        });
      }
    return { applicationId, files, findings: linkFindings(report, section, files) };
  };

  return {
    async applicationDocuments(applicationId) {
      const loaded = await load(applicationId);
      if (!loaded) return undefined;
      return {
        applicationId,
        documents: loaded.files.map((f) => f.document),
        findings: loaded.findings,
      };
    },
    async documentFile(applicationId, index) {
      const entry = (await load(applicationId))?.files[index];
      if (!entry?.objectKey) return undefined;
      const bytes = await objects.get(entry.objectKey);
      // The bytes must be the ones the report describes; anything else is not served.
      if (createHash('sha256').update(bytes).digest('hex') !== entry.file.sha256) return undefined;
      return { document: entry.document, bytes };
    },
    async panelDrawChecks(applicationId) {
      const events = await repo.listEvents(applicationId);
      return verifyPanelDraws(events, (stage) => repo.getPanel(applicationId, stage));
    },
  };
}

/** The application's documents for one reader: ID and phone numbers in names and messages masked when `masked`. */
export async function documentsFor(
  backend: DocumentBackend,
  applicationId: string,
  masked: boolean,
): Promise<{ documents?: ApplicationDocuments }> {
  const found = await backend.applicationDocuments(applicationId);
  if (!found) return {};
  return { documents: { ...(masked ? maskPersonalData(found) : found), masked } };
}
