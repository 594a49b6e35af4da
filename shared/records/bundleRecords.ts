import type { Evidence } from '../domain/history/historyEvent.js';
import { type WriteOutcome, writeIdempotent } from './idempotentWrite.js';
import {
  applicationPk,
  bundleApplicationSk,
  bundleApplicationSkPrefix,
  bundlePk,
  documentSk,
  gsi2pk,
  gsi2skBundle,
  gsi2skBundlePrefix,
  metaSk,
  reportSk,
  reportSkPrefix,
} from './keys.js';
import type { RecordsTable } from './recordsTable.js';

/** Where the bundle came from: an S3 object version on AWS, the bytes' sha256 locally. */
export type BundleSource =
  | { kind: 's3'; bucket: string; key: string; versionId: string }
  | { kind: 'local'; sha256: string };

export interface BundleRecord {
  bundleId: string;
  source: BundleSource;
  campaign: string;
  unitId: string;
  unitName: string;
  receivedAt: string;
  applicationIds: string[];
}

export interface DocumentRecord {
  applicationId: string;
  documentId: string;
  materialType: string;
  objectKey: string;
  sha256: string;
  fields?: Record<string, unknown>;
  findings?: unknown[];
}

export interface ReportRecord {
  applicationId: string;
  n: number;
  objectKey: string;
  sha256: string;
  createdAt: string;
  evidence?: Evidence[];
}

/** What the intake records: the bundle as received, the applications it registered, their documents and reports. */
export interface BundleRecords {
  /**
   * Registers the bundle once: its id is derived from its source, so a second delivery of the same source is a replay
   * (`replayed`, the bundle as first registered in `stored`).
   */
  putBundle(bundle: BundleRecord): Promise<WriteOutcome<BundleRecord>>;
  getBundle(bundleId: string): Promise<BundleRecord | undefined>;
  /** The bundles a unit sent in a campaign, oldest first (also those that registered no application). */
  bundlesOfUnit(unitId: string, campaign: string): Promise<BundleRecord[]>;
  /** Records that the bundle registered this application (written once). */
  linkBundleApplication(bundleId: string, applicationId: string): Promise<void>;
  bundleApplicationIds(bundleId: string): Promise<string[]>;

  /** Stores a document of an application; the same content again changes nothing. */
  putDocument(document: DocumentRecord): Promise<void>;
  /** Stores the n-th completeness report of an application; the same content again changes nothing. */
  putReport(report: ReportRecord): Promise<void>;
  listReports(applicationId: string): Promise<ReportRecord[]>;
}

export function bundleRecords(table: RecordsTable): BundleRecords {
  return {
    putBundle(bundle) {
      const key = {
        pk: bundlePk(bundle.bundleId),
        sk: metaSk,
        gsi2pk: gsi2pk(bundle.unitId),
        gsi2sk: gsi2skBundle(bundle.campaign, bundle.receivedAt, bundle.bundleId),
      };
      return writeIdempotent(table, key, bundle, { idempotencyKey: bundle.bundleId });
    },

    getBundle: (bundleId) => table.get<BundleRecord>({ pk: bundlePk(bundleId), sk: metaSk }),

    bundlesOfUnit: (unitId, campaign) =>
      table.query<BundleRecord>({
        IndexName: 'byRecommendingUnit',
        KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
        ExpressionAttributeValues: { ':pk': gsi2pk(unitId), ':prefix': gsi2skBundlePrefix(campaign) },
      }),

    async linkBundleApplication(bundleId, applicationId) {
      const key = { pk: bundlePk(bundleId), sk: bundleApplicationSk(applicationId) };
      await writeIdempotent(table, key, { bundleId, applicationId }, { idempotencyKey: applicationId });
    },

    async bundleApplicationIds(bundleId) {
      const links = await table.queryPrefix<{ applicationId: string }>(bundlePk(bundleId), bundleApplicationSkPrefix);
      return links.map((l) => l.applicationId);
    },

    async putDocument(document) {
      const key = { pk: applicationPk(document.applicationId), sk: documentSk(document.documentId) };
      await writeIdempotent(table, key, document, { idempotencyKey: document.sha256 }, 'always');
    },

    async putReport(report) {
      const key = { pk: applicationPk(report.applicationId), sk: reportSk(report.n) };
      await writeIdempotent(table, key, report, { idempotencyKey: report.sha256 }, 'always');
    },

    listReports: (applicationId) => table.queryPrefix<ReportRecord>(applicationPk(applicationId), reportSkPrefix),
  };
}
