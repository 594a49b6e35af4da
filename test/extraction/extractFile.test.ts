import officeCrypto from 'officecrypto-tool';
import { afterAll, describe, expect, it } from 'vitest';
import { documentText } from '../../shared/extraction/document.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import { buildDocx } from '../fixtures/chineseDocx.js';
import { buildImageOnlyPdf, buildPdf } from '../fixtures/chinesePdf.js';
import { committedFixture } from '../fixtures/committedFixtures.js';

const sandbox = new ParserSandbox({ workers: 2, timeoutMs: 20_000 });
afterAll(() => sandbox.close());
const codes = (doc: { findings: { code: string }[] }) => doc.findings.map((f) => f.code);

describe('extractFile', () => {
  it('reads a Chinese .docx: lines, tables with merged cells, sha256 and size of the original bytes', async () => {
    const bytes = await buildDocx({
      title: '吉林省质量奖（质量管理）组织申报表',
      tables: [
        [
          ['单位名称', { text: '长春某某有限公司', colSpan: 3 }],
          [{ text: '联系人', rowSpan: 2 }, '姓　　名', '张三', ''],
          ['电话', '0431-1234567', ''],
        ],
      ],
    });
    const doc = await extractFile(bytes, '申报/组织申报表.docx', { sandbox });
    expect(doc.detectedType).toBe('docx');
    expect(doc.readable).toBe(true);
    expect(doc.size).toBe(bytes.length);
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.pages[0]?.lines[0]).toBe('吉林省质量奖（质量管理）组织申报表');
    expect(doc.tables[0]?.rows[0]?.[1]).toEqual({ text: '长春某某有限公司', colSpan: 3, rowSpan: 1 });
    expect(doc.tables[0]?.rows[1]?.[0]).toEqual({ text: '联系人', colSpan: 1, rowSpan: 2 });
  });

  it('reads a Chinese .doc with word-extractor (headings, header lines, a 3×3 table)', async () => {
    const doc = await extractFile(committedFixture('chinese-headings-table.doc'), 'x.doc', { sandbox });
    expect(doc.detectedType).toBe('doc');
    expect(documentText(doc)).toContain('居中的大标题');
    expect(doc.tables[0]?.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['11', '12', '13'],
      ['21', '22', '23'],
      ['31', '32', '33'],
    ]);
    expect(doc.headers.join('\n')).toContain('页眉左');
  });

  it('reads a Chinese PDF per page and removes the spaces between Chinese and digits', async () => {
    const pdf = await buildPdf([['推荐公函'], ['成立于 2018 年 5 月']]);
    const doc = await extractFile(pdf, 'letter.pdf', { sandbox });
    expect(doc.pageCount).toBe(2);
    expect(doc.pages[1]?.lines).toEqual(['成立于2018年5月']);
    expect(doc.metadata.Producer).toBe('PDFKit');
  });

  it('FILE_EMPTY: a zero-byte file and a Word document without text', async () => {
    const zero = await extractFile(Buffer.alloc(0), 'empty.pdf', { sandbox });
    expect(codes(zero)).toContain('FILE_EMPTY');
    expect(zero.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const blank = await extractFile(await buildDocx({ title: '' }), 'blank.docx', { sandbox });
    expect(codes(blank)).toContain('FILE_EMPTY');
  });

  it('FILE_TYPE_MISMATCH: a PDF named .docx is reported and read as a PDF', async () => {
    const pdf = await buildPdf([['推荐公函', '正文']]);
    const doc = await extractFile(pdf, '推荐公函.docx', { sandbox });
    expect(codes(doc)).toContain('FILE_TYPE_MISMATCH');
    expect(doc.detectedType).toBe('pdf');
    expect(doc.declaredType).toBe('docx');
    expect(documentText(doc)).toContain('正文');
  });

  it('FILE_TYPE_UNSUPPORTED: an executable in the bundle', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120, 1)]);
    const doc = await extractFile(elf, 'setup.exe', { sandbox });
    expect(codes(doc)).toContain('FILE_TYPE_UNSUPPORTED');
    expect(doc.readable).toBe(false);
  });

  it('FILE_UNREADABLE: a truncated PDF, with the library reason', async () => {
    const pdf = (await buildPdf([['推荐公函']])).subarray(0, 300);
    const doc = await extractFile(pdf, 'broken.pdf', { sandbox });
    const unreadable = doc.findings.find((f) => f.code === 'FILE_UNREADABLE');
    expect(unreadable?.message).toMatch(/cannot be read: \w+/);
  });

  it('FILE_ENCRYPTED: a password-protected .docx (CFB container) is not mistaken for a .doc', async () => {
    const plain = await buildDocx({ title: '自评报告' });
    const encrypted = officeCrypto.encrypt(plain, { password: '123456' });
    const doc = await extractFile(encrypted, '自评报告.docx', { sandbox });
    expect(doc.detectedType).toBe('encrypted-ooxml');
    expect(codes(doc)).toContain('FILE_ENCRYPTED');
    expect(codes(doc)).not.toContain('FILE_TYPE_MISMATCH');
  });

  it('FILE_TOO_LARGE: over the per-file limit the file is hashed but not parsed', async () => {
    const pdf = await buildPdf([['推荐公函']]);
    const doc = await extractFile(pdf, 'big.pdf', { sandbox, maxFileBytes: 1000 });
    expect(codes(doc)).toContain('FILE_TOO_LARGE');
    expect(doc.size).toBe(pdf.length);
    expect(doc.readable).toBe(false);
  });

  it('ARCHIVE_LIMIT_EXCEEDED: a .docx whose XML parts inflate beyond the cap never reaches mammoth', async () => {
    const docx = await buildDocx({ title: '自评报告', paragraphs: ['领导'.repeat(5000)] });
    const doc = await extractFile(docx, 'bomb.docx', {
      sandbox,
      docxLimits: { maxXmlBytes: 8 * 1024, maxPartRatio: 10_000, maxParts: 100 },
    });
    expect(codes(doc)).toContain('ARCHIVE_LIMIT_EXCEEDED');
    expect(doc.readable).toBe(false);
  });

  it('FILE_UNREADABLE: a .docx part that inflates past the size it declares is caught by the package check', async () => {
    const docx = Buffer.from(await buildDocx({ title: '自评报告', paragraphs: ['领导'.repeat(2000)] }));
    // Central directory: the declared uncompressed size of word/document.xml becomes 100 bytes.
    for (let at = docx.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; ) {
      const name = docx.toString('utf8', at + 46, at + 46 + docx.readUInt16LE(at + 28));
      if (name === 'word/document.xml') docx.writeUInt32LE(100, at + 24);
      at = docx.indexOf('PK\x01\x02', at + 4, 'latin1');
    }
    const doc = await extractFile(docx, 'lying.docx', { sandbox });
    expect(codes(doc)).toContain('FILE_UNREADABLE');
    expect(doc.findings.find((f) => f.code === 'FILE_UNREADABLE')?.message).toContain('too many bytes');
    expect(doc.readable).toBe(false);
  });

  it('FILE_TIMEOUT: a parser over its time budget is terminated', async () => {
    const slow = new ParserSandbox({ workers: 1, timeoutMs: 1 });
    try {
      const doc = await extractFile(await buildPdf([['推荐公函']]), 'slow.pdf', { sandbox: slow });
      expect(codes(doc)).toContain('FILE_TIMEOUT');
    } finally {
      await slow.close();
    }
  });

  it('SCAN_WITHOUT_TEXT: an image-only application form; needsOcr lists its pages', async () => {
    const doc = await extractFile(await buildImageOnlyPdf(2), '组织申报表-扫描件.pdf', { sandbox });
    expect(doc.needsOcr).toEqual([1, 2]);
    expect(codes(doc)).toContain('SCAN_WITHOUT_TEXT');
  });

  it('an image-only certificate needs OCR but is no finding (scans are fine for certificates)', async () => {
    const doc = await extractFile(await buildImageOnlyPdf(1), '营业执照.pdf', { sandbox });
    expect(doc.materialType).toBe('CREDIT_CODE_CERTIFICATE');
    expect(doc.needsOcr).toEqual([1]);
    expect(codes(doc)).not.toContain('SCAN_WITHOUT_TEXT');
  });

  it('UNCLASSIFIED_FILE: a file matching no material is kept and reported as info', async () => {
    const doc = await extractFile(await buildPdf([['会议纪要']]), '扫描件003.pdf', { sandbox });
    expect(doc.materialType).toBe('UNCLASSIFIED');
    expect(doc.findings.find((f) => f.code === 'UNCLASSIFIED_FILE')?.severity).toBe('info');
  });

  it('CLASSIFIED_MARKING: a marking in a Word header is found, with the token only as evidence', async () => {
    const docx = await buildDocx({ title: '自评报告', header: '机密★5年', paragraphs: ['本材料不涉及国家秘密。'] });
    const doc = await extractFile(docx, '自评报告.docx', { sandbox });
    const markings = doc.findings.filter((f) => f.code === 'CLASSIFIED_MARKING');
    expect(markings).toHaveLength(1);
    expect(markings[0]?.evidence).toBe('机密★5年');
  });
});
