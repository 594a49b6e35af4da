import { z } from 'zod';
import { applicationsToRegister } from '../completeness/applicationsToRegister.js';
import { type CheckedBundle, checkExtractedBundle } from '../completeness/checkExtractedBundle.js';
import type { Application } from '../domain/application/application.js';
import type { CampaignConfig } from '../domain/campaign/campaignConfig.js';
import { loadCampaign } from '../domain/campaign/loadCampaign.js';
import { finding } from '../domain/findings/finding.js';
import { ExtractedDocument } from '../extraction/document.js';
import { unreadDocument } from '../extraction/extractFile.js';
import { derivedKey, objectPrefixes, reportKeys } from '../objects/objectKeys.js';
import type { ObjectStore } from '../objects/objectStore.js';
import { putIfChanged } from '../objects/putIfChanged.js';
import { reportJson } from '../report/reportJson.js';
import { readEntryList } from './entryList.js';
import {
  type EntryItem,
  ExtractedItem,
  UnpackedBundle,
  type VerifiedApplication,
  type VerifiedBundle,
} from './intakeShapes.js';
import { defineIntakeStep } from './intakeStep.js';

export const VerifyInput = z.object({ bundle: UnpackedBundle, extracted: z.array(ExtractedItem) });

/** What Verify keeps per application for the registration (stored, not in the state payload: it holds ID numbers). */
export interface ApplicationData {
  reportId: string;
  application?: Application;
}

const loadConcurrency = 16;

async function loadDocument(objects: ObjectStore, key: string): Promise<ExtractedDocument> {
  const text = Buffer.from(await objects.get(key)).toString('utf8');
  return ExtractedDocument.parse(JSON.parse(text));
}

/** An entry the Map could not extract (its Lambda failed every retry): listed as unreadable, never dropped. */
async function failedDocument(objects: ObjectStore, path: string, objectKey: string, reason: string) {
  const info = await objects.head(objectKey);
  const sha256 = info?.metadata.sha256 ?? '0'.repeat(64);
  return unreadDocument(path, info?.size ?? 0, sha256, [
    finding('FILE_UNREADABLE', 'review', `extraction failed: ${reason}`, { file: path }),
  ]);
}

/**
 * Every document of the bundle, from the stored entry list: each entry's derived document, or — when its extraction
 * failed every retry (the Map's Catch left `{index, error}`) or left no document — an unreadable document with
 * FILE_UNREADABLE; then the documents Unpack wrote. No entry is ever dropped.
 */
export async function bundleDocuments(
  objects: ObjectStore,
  bundle: UnpackedBundle,
  extracted: readonly ExtractedItem[],
): Promise<ExtractedDocument[]> {
  const list = await readEntryList(objects, bundle.bundleId);
  const failures = new Map<number, string>();
  for (const item of extracted) if ('error' in item) failures.set(item.index, item.error);
  const one = async (index: number): Promise<ExtractedDocument> => {
    const entry = list.entries[index] as EntryItem;
    const failure = failures.get(index);
    if (failure !== undefined) return failedDocument(objects, entry.path, entry.objectKey, failure);
    const key = derivedKey(bundle.bundleId, entry.sha256, entry.path);
    const doc = (await objects.head(key)) ? await loadDocument(objects, key) : undefined;
    const found = doc ?? (await failedDocument(objects, entry.path, entry.objectKey, 'no extraction result'));
    // Two identical entries (same path, same bytes) share one stored document: each keeps its own index.
    return entry.bundleIndex !== undefined ? { ...found, index: entry.bundleIndex } : found;
  };
  const documents: ExtractedDocument[] = [];
  // A few reads at a time: a bundle of hundreds of entries is not read one object after the other.
  for (let start = 0; start < list.entries.length; start += loadConcurrency)
    documents.push(
      ...(await Promise.all(list.entries.slice(start, start + loadConcurrency).map((_entry, i) => one(start + i)))),
    );
  documents.push(...(await Promise.all(list.derivedKeys.map((key) => loadDocument(objects, key)))));
  return documents;
}

/** Per application of the report: its registration data and the consultation matrix's departments. */
function applicationsOf(
  checked: CheckedBundle,
  campaign: CampaignConfig,
): { applications: VerifiedApplication[]; data: ApplicationData[] } {
  const { report } = checked;
  const registering = new Map(applicationsToRegister(report, checked.grouping, campaign).map((r) => [r.reportId, r]));
  const data: ApplicationData[] = [];
  const applications = report.applications.map((a) => {
    const r = registering.get(a.id);
    data.push({ reportId: a.id, ...(r?.application ? { application: r.application } : {}) });
    return {
      reportId: a.id,
      track: a.track,
      status: a.status,
      name: a.applicant.name ?? a.id,
      departments: r?.departments ?? [],
      undetermined: r?.undetermined ?? ['application data'],
      blocking: a.findings.filter((f) => f.severity === 'blocking').length,
    };
  });
  return { applications, data };
}

/**
 * Intake.Verify: loads every document of the bundle as the Map's ExtractFile stored it (OCR was done there, per file:
 * nothing is OCR'd or read from the bundle again here), runs the completeness check with the campaign, the time the
 * bundle was received (S3 event / LastModified) and the uploader's unit, writes the report JSON under
 * `reports/<bundleId>/report.json` and returns the applications found (ids, track, status, consultations) — small.
 */
export const verifyBundle = defineIntakeStep({
  name: 'intake.verifyBundle',
  input: VerifyInput,
  async run(deps, { bundle, extracted }): Promise<VerifiedBundle> {
    const campaign = (deps.campaign ?? loadCampaign)(bundle.campaign);
    const checked = checkExtractedBundle({
      documents: await bundleDocuments(deps.objects, bundle, extracted),
      bundleFindings: bundle.findings,
      campaign,
      receivedAt: bundle.receivedAt,
      ...(bundle.unit.name ? { recommendingUnit: bundle.unit.name } : {}),
    });
    const { report } = checked;
    const stored = await putIfChanged(deps.objects, reportKeys(bundle.bundleId).json, reportJson(report), {
      contentType: 'application/json; charset=utf-8',
    });
    const { applications, data } = applicationsOf(checked, campaign);
    const applicationsKey = `${objectPrefixes.derived}${bundle.bundleId}/applications.json`;
    await putIfChanged(deps.objects, applicationsKey, JSON.stringify(data), { contentType: 'application/json' });
    return {
      bundleId: bundle.bundleId,
      source: bundle.source,
      bundleSha256: bundle.bundleSha256,
      campaign: bundle.campaign,
      receivedAt: bundle.receivedAt,
      unit: { id: bundle.unit.id, name: bundle.unit.name ?? report.recommendingUnit.name ?? bundle.unit.id },
      status: report.status,
      reportKey: stored.key,
      reportSha256: stored.sha256,
      applicationsKey,
      applications,
    };
  },
});
