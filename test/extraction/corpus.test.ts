import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';

/** The real-world corpus lives beside the repository: ../shared/corpus (see its MANIFEST.tsv). */
const corpusDir = path.resolve(import.meta.dirname, '../../../shared/corpus');
const budgetMs = 4_000;

function manifest(): { file: string; exercises: string }[] {
  if (!existsSync(path.join(corpusDir, 'MANIFEST.tsv')))
    throw new Error(`real-world corpus not found at ${corpusDir} (expected ../shared/corpus beside the repository)`);
  const [, ...rows] = readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const cells = row.split('\t');
    return { file: cells[0] as string, exercises: cells[4] as string };
  });
}

describe('real-world corpus through extractFile', () => {
  const sandbox = new ParserSandbox({ workers: 2, timeoutMs: budgetMs, maxHeapMb: 768 });
  afterAll(() => sandbox.close());
  const results = new Map<string, ExtractedDocument>();

  it('every corpus file is extracted without crash or hang; every failure is a finding', async () => {
    const files = manifest();
    expect(files.length).toBeGreaterThanOrEqual(70);
    const queue = [...files];
    const startedAt = Date.now();
    await Promise.all(
      [1, 2].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const doc = await extractFile(path.join(corpusDir, next.file), next.file, { sandbox });
          results.set(next.file, doc);
        }
      }),
    );
    expect(Date.now() - startedAt).toBeLessThan(60_000);
    for (const { file, exercises } of files) {
      const doc = results.get(file) as ExtractedDocument;
      expect(doc.sha256, file).toMatch(/^[0-9a-f]{64}$/);
      const failureCodes = ['FILE_UNREADABLE', 'FILE_ENCRYPTED', 'FILE_TIMEOUT', 'FILE_EMPTY', 'FILE_TYPE_UNSUPPORTED'];
      const failures = doc.findings.filter((f) => failureCodes.includes(f.code));
      if (!doc.readable) expect(failures.length, `${file}: unread without a finding`).toBeGreaterThan(0);
      if (/^(MALFORMED|ENCRYPTED|HOSTILE)/.test(exercises) && !/opens without password|lenient/.test(exercises))
        expect(failures.length, `${file} (${exercises})`).toBeGreaterThan(0);
    }
  });

  it('pdfjs__bomb_giant.pdf ends as FILE_TIMEOUT within its budget', () => {
    const doc = results.get('pdfjs__bomb_giant.pdf') as ExtractedDocument;
    const timeout = doc.findings.find((f) => f.code === 'FILE_TIMEOUT');
    expect(timeout?.message).toContain(`${budgetMs} ms`);
  });

  it('encrypted PDF, .doc and .docx are FILE_ENCRYPTED', () => {
    for (const file of [
      'pdfparse__password-123456.pdf',
      'poi__password_password_cryptoapi.doc',
      'poi__bug53475-password-is-pass.docx',
    ])
      expect(
        results.get(file)?.findings.map((f) => f.code),
        file,
      ).toContain('FILE_ENCRYPTED');
  });

  it('Chinese PDFs with predefined CMaps yield text (cMapUrl points into pdf-parse’s pdfjs-dist)', () => {
    const text = (file: string) =>
      results
        .get(file)
        ?.pages.flatMap((p) => p.lines)
        .join('') ?? '';
    expect(text('pdfjs__issue2128r.pdf')).toContain('浅谈校长的魅力');
    expect(text('pdfjs__issue19360.pdf')).toContain('社会主义核心价值');
  });

  it('GBK PDFs without ToUnicode are re-decoded from Latin-1 mojibake', () => {
    const text = (file: string) =>
      results
        .get(file)
        ?.pages.flatMap((p) => p.lines)
        .join('') ?? '';
    expect(text('pdfjs__SimFang-variant.pdf')).toContain('全世界无产者');
    expect(text('pdfjs__XiaoBiaoSong.pdf')).toContain('关于敌情判断');
  });

  it('image-only scans are marked needsOcr, page by page', () => {
    expect(results.get('kreuzberg__image_only_german_pdf.pdf')?.needsOcr).toEqual([1, 2, 3]);
    expect(results.get('kreuzberg__non_searchable.pdf')?.needsOcr).toEqual([1]);
  });

  it('corpus files are not truncated against the bare-library baseline (docx text, doc text)', () => {
    const chars = (file: string) =>
      (
        results
          .get(file)
          ?.pages.flatMap((p) => p.lines)
          .join('') ?? ''
      ).replace(/\s/g, '').length;
    expect(chars('wordext__bigfile-01.doc')).toBeGreaterThanOrEqual(27_000);
    expect(chars('poitl__render_multiple_column.docx')).toBeGreaterThanOrEqual(700);
    expect(chars('pdfparse__jpn.pdf')).toBeGreaterThanOrEqual(4_000);
  });

  it('the corpus directory holds every manifest file', () => {
    const present = new Set(readdirSync(corpusDir));
    for (const { file } of manifest()) expect(present.has(file), file).toBe(true);
  });
});
