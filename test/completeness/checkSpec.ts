import { checkBundle } from '../../shared/completeness/checkBundle.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import type { Finding } from '../../shared/domain/findings/finding.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import type { CompletenessReport } from '../../shared/report/completenessReport.js';
import type { BundleSpec } from '../fixtures/bundles/exampleBundles.js';

export const campaign = loadCampaign('2025');
export const onTime = '2025-08-15T10:00:00+08:00';

/** Extracted documents are cached per builder: variants of a bundle re-extract only the files they change. */
const cache = new WeakMap<() => Promise<Buffer>, Map<string, Promise<ExtractedDocument>>>();

export function extractSpec(spec: BundleSpec): Promise<ExtractedDocument[]> {
  return Promise.all(
    [...spec.entries()].map(([path, build]) => {
      const byPath = cache.get(build) ?? new Map<string, Promise<ExtractedDocument>>();
      cache.set(build, byPath);
      let doc = byPath.get(path);
      if (!doc) {
        doc = build().then((bytes) => extractFile(bytes, path));
        byPath.set(path, doc);
      }
      return doc;
    }),
  );
}

export async function checkSpec(
  spec: BundleSpec,
  options: { receivedAt?: string; recommendingUnit?: string } = {},
): Promise<CompletenessReport> {
  return checkBundle({
    documents: await extractSpec(spec),
    campaign,
    receivedAt: options.receivedAt ?? onTime,
    ...options,
  });
}

/** Every finding of the report: applications, the recommending unit, the bundle. */
export function allFindings(report: CompletenessReport): Finding[] {
  return [...report.applications.flatMap((a) => a.findings), ...report.recommendingUnit.findings, ...report.findings];
}

export function withCode(report: CompletenessReport, code: Finding['code']): Finding[] {
  return allFindings(report).filter((f) => f.code === code);
}

/** The codes of the blocking findings, sorted. */
export function blockingCodes(report: CompletenessReport): string[] {
  return [
    ...new Set(
      allFindings(report)
        .filter((f) => f.severity === 'blocking')
        .map((f) => f.code),
    ),
  ].sort();
}
