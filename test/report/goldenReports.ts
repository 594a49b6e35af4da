import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBundlePath } from '../../shared/completeness/checkBundlePath.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import { closeSharedOcrEngine } from '../../shared/ocr/recognise.js';
import { closeSharedPdfPageRenderer } from '../../shared/ocr/renderPdfPage.js';
import { reportJson } from '../../shared/report/reportJson.js';
import { type ExampleName, exampleBundles, exampleReceivedAt } from '../fixtures/bundles/exampleBundles.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const exampleNames = Object.keys(exampleBundles) as ExampleName[];
export const examplePath = (name: ExampleName) => path.join(root, 'examples', `${name}.zip`);
export const goldenPath = (name: ExampleName) => path.join(root, 'test', 'report', 'golden', `${name}.json`);

/** The JSON report of a committed example bundle, checked with the example's received time (OCR with the defaults). */
export async function exampleReportJson(name: ExampleName): Promise<string> {
  const report = await checkBundlePath(examplePath(name), {
    campaign: loadCampaign('2025'),
    receivedAt: exampleReceivedAt[name],
  });
  return reportJson(report);
}

/** Rewrites test/report/golden/<example>.json from the committed example zips (`npx tsx test/report/goldenReports.ts`). */
export async function writeGoldenReports(): Promise<void> {
  for (const name of exampleNames) {
    writeFileSync(goldenPath(name), await exampleReportJson(name));
    process.stderr.write(`test/report/golden/${name}.json written\n`);
  }
  await closeGoldenResources();
}

/** Ends the parser sandbox and the process-wide OCR engine and page renderer the example checks start. */
export async function closeGoldenResources(): Promise<void> {
  await Promise.all([closeDefaultSandbox(), closeSharedOcrEngine(), closeSharedPdfPageRenderer()]);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await writeGoldenReports();
