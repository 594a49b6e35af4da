// Child-process script of the no-network test: OCR of one generated consent page, printing the recognised lines as
// JSON. Run under strace (connect() calls logged) by test/ocr/recognise.test.ts.
import { OcrEngine } from '../../../shared/ocr/recognise.js';
import { consentScan } from '../../fixtures/scans/scanDocuments.js';
import { renderScanPng } from '../../fixtures/scans/scanPage.js';

const engine = new OcrEngine();
const outcome = await engine.recognise(renderScanPng(consentScan('noSeal')), {
  timeoutMs: 30_000,
  minConfidence: 75,
  dpi: 200,
});
await engine.terminate();
process.stdout.write(JSON.stringify(outcome.ok ? outcome.page.lines.map((l) => l.text) : outcome));
