import { spawnSync } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { OcrEngine } from '../../shared/ocr/recognise.js';
import { localLangPath } from '../../shared/ocr/trainedData.js';
import { consentScan, consentUnit } from '../fixtures/scans/scanDocuments.js';
import { renderScanPng } from '../fixtures/scans/scanPage.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const engine = new OcrEngine();
const page = renderScanPng(consentScan('noSeal'));

afterAll(() => engine.terminate());

describe('OCR engine', () => {
  it('reads Chinese lines with per-line confidence and boxes, marking lines under the threshold', async () => {
    const trusted = await engine.recognise(page, { timeoutMs: 30_000, minConfidence: 75, dpi: 200 });
    if (!trusted.ok) throw new Error(trusted.message);
    const unitLine = trusted.page.lines.find((l) => l.text.includes(consentUnit));
    expect(unitLine?.confidence).toBeGreaterThan(75);
    expect(unitLine?.lowConfidence).toBe(false);
    expect(unitLine?.bbox.x1).toBeGreaterThan(unitLine?.bbox.x0 ?? Infinity);

    const strict = await engine.recognise(page, { timeoutMs: 30_000, minConfidence: 99.5, dpi: 200 });
    if (!strict.ok) throw new Error(strict.message);
    expect(strict.page.lines.length).toBeGreaterThan(0);
    expect(strict.page.lines.every((l) => l.lowConfidence)).toBe(true);
  });

  it('ends a page over its time budget by terminating the worker, and the next page gets a fresh one', async () => {
    const before = engine.started;
    const start = performance.now();
    const over = await engine.recognise(page, { timeoutMs: 30, minConfidence: 75, dpi: 200 });
    expect(over).toMatchObject({ ok: false, reason: 'timeout' });
    expect(performance.now() - start).toBeLessThan(5_000);
    const next = await engine.recognise(page, { timeoutMs: 30_000, minConfidence: 75, dpi: 200 });
    expect(next.ok).toBe(true);
    expect(engine.started).toBe(before + 1);
  });

  it('fails at once, without any download, when a language model is not installed', async () => {
    const missing = new OcrEngine({ langs: ['chi_sim', 'fra' as 'eng'] });
    const start = performance.now();
    const outcome = await missing.recognise(page, { timeoutMs: 30_000, minConfidence: 75 });
    expect(outcome).toMatchObject({ ok: false, reason: 'error' });
    expect(outcome.ok ? '' : outcome.message).toMatch(/fra/);
    expect(performance.now() - start).toBeLessThan(2_000);
    await missing.terminate();
  });

  it('loads the trained data from the npm packages through a local path, not a URL', () => {
    const dir = localLangPath(['chi_sim', 'eng'], '4.0.0');
    expect(path.isAbsolute(dir)).toBe(true);
    expect(readlinkSync(path.join(dir, 'chi_sim.traineddata.gz'))).toMatch(
      /node_modules\/@tesseract\.js-data\/chi_sim\/4\.0\.0\/chi_sim\.traineddata\.gz$/,
    );
  });

  it('recognises a page in a process that has no network at all (a network namespace without interfaces)', () => {
    const run = spawnSync(
      'unshare',
      ['--net', process.execPath, '--import', 'tsx', path.join(here, 'support', 'ocrOnce.ts')],
      { encoding: 'utf8', timeout: 50_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = JSON.parse(run.stdout) as string[];
    expect(lines.some((l) => l.includes(consentUnit))).toBe(true);
  });
});
