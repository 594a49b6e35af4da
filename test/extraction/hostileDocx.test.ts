import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExtractedBundle } from '../../shared/completeness/checkExtractedBundle.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import { paragraphsOfPart } from '../../shared/extraction/docxPackage.js';
import { extractBundle } from '../../shared/extraction/extractBundle.js';
import { closeDefaultSandbox } from '../../shared/extraction/extractionOptions.js';
import { campaign, onTime } from '../completeness/checkSpec.js';
import { buildPdf } from '../fixtures/chinesePdf.js';
import { documentXml, handWrittenDocx } from '../fixtures/hostile/hostileDocuments.js';
import { buildHostileZip } from '../fixtures/hostile/hostileZip.js';

const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const marking = '<w:p><w:r><w:t>机密★5年</w:t></w:r></w:p>';
/** A header part: `junk` inside a first paragraph, then a paragraph holding a marking. */
const header = (junk: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ${w}><w:p><w:r>${junk}</w:r></w:p>${marking}</w:hdr>`;
/** A report whose header part is `xml`, stored (a header of one repeated tag deflates past the bomb ratio). */
const reportWithHeader = (xml: string) =>
  handWrittenDocx(documentXml(['自评报告', '本单位高层领导确定了质量方针和目标。']), [
    { name: 'word/header1.xml', data: Buffer.from(xml), deflate: false },
  ]);

// A regex over the raw XML took 18 s on the first and over 120 s on the second (it rescanned to the end of the part
// at each unclosed `<w:t `).
const cases = [
  { name: 'b/自评报告-页眉4万标签.docx', xml: header('<w:t '.repeat(40_000)) },
  { name: 'b/自评报告-页眉2.4MB.docx', xml: header('<w:t '.repeat(480_000)) },
];
const overCap = { name: 'b/自评报告-页眉9MB.docx', xml: header('<w:t>页眉</w:t>'.repeat(560_000)) };

let dir: string;
let entries: ExtractedDocument[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'hostile-docx-'));
  const zip = path.join(dir, 'bundle.zip');
  const letter = await buildPdf([['推荐公函', '现推荐以下单位参加吉林省质量奖评选。']]);
  // Stored at both levels: the headers are one tag repeated, which deflates past the bundle's bomb ratio.
  await writeFile(
    zip,
    buildHostileZip([
      { name: 'b/推荐公函.pdf', data: letter },
      ...[...cases, overCap].map(({ name, xml }) => ({ name, data: reportWithHeader(xml), deflate: false })),
    ]),
  );
  entries = (await extractBundle({ zipPath: zip })).entries;
}, 120_000);

afterAll(async () => {
  await closeDefaultSandbox();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hostile Word headers', () => {
  it.each(cases)('$name: read whole, its marking found (CLASSIFIED_MARKING), the body read', ({ name }) => {
    const doc = entries.find((d) => d.path === name);
    expect(doc?.readable).toBe(true);
    expect(doc?.headers).toContain('机密★5年');
    expect(doc?.pages[0]?.lines).toContain('自评报告');
    expect(doc?.findings.filter((f) => f.code === 'CLASSIFIED_MARKING').map((f) => f.evidence)).toEqual(['机密★5年']);
  });

  it('bounded work: header/footer XML past its cap is refused as a bomb, not parsed', () => {
    expect(Buffer.byteLength(overCap.xml)).toBeGreaterThan(8 * 1024 * 1024);
    const doc = entries.find((d) => d.path === overCap.name);
    expect(doc?.findings).toContainEqual(
      expect.objectContaining({
        code: 'ARCHIVE_LIMIT_EXCEEDED',
        message: expect.stringContaining('header/footer parts hold over'),
      }),
    );
  });

  it('the report lists every entry with its finding', () => {
    const { report } = checkExtractedBundle({ documents: entries, campaign, receivedAt: onTime });
    expect(report.files.map((f) => f.path).sort()).toEqual(
      ['b/推荐公函.pdf', ...[...cases, overCap].map((c) => c.name)].sort(),
    );
    for (const { name } of cases)
      expect(report.files.find((f) => f.path === name)?.findings.map((f) => f.code)).toContain('CLASSIFIED_MARKING');
  });
});

describe('header/footer paragraphs read by an XML parser', () => {
  it('joins the runs of a paragraph, decodes entities and character references, keeps paragraphs apart', () => {
    const xml = `<w:hdr ${w}><w:p><w:r><w:t xml:space="preserve">密级：</w:t></w:r><w:r><w:tab/><w:t>&#x673A;密 &amp; 内部</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:hdr>`;
    expect(paragraphsOfPart(xml)).toEqual(['密级：机密 & 内部', '第二段']);
  });

  it('reads on past malformed XML', () => {
    const xml = `<w:hdr ${w}><w:p><w:r><w:t>秘密 & 未转义</w:t><w:t </w:r></w:p><w:p><w:r><w:t>下一段</w:t></w:r></w:p>`;
    expect(paragraphsOfPart(xml)).toContain('下一段');
  });

  it('property: a paragraph after any junk in the one before is still read', () => {
    const junk = fc.array(
      fc.constantFrom('<w:t ', '<w:t>', '<', '&', '&amp', '<w:p>', '</w:p>', '>', '</w:t>', '/', 'x', '机'),
      {
        maxLength: 200,
      },
    );
    fc.assert(
      fc.property(junk, (pieces) => {
        const xml = `<w:hdr ${w}><w:p><w:r>${pieces.join('')}</w:r></w:p>${marking}</w:hdr>`;
        expect(paragraphsOfPart(xml).some((p) => p.includes('机密★5年'))).toBe(true);
      }),
      { seed: 1414, verbose: true },
    );
  });
});
