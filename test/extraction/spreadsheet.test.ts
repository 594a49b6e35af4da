import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import officeCrypto from 'officecrypto-tool';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import { extractBundle } from '../../shared/extraction/extractBundle.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import { buildBundleZip } from '../fixtures/bundleZip.js';
import { buildDocx } from '../fixtures/chineseDocx.js';
import { committedFixture } from '../fixtures/committedFixtures.js';
import { buildRawZip } from '../fixtures/rawZip.js';
import {
  buildWorkbook,
  qmSummaryRows,
  qmSummarySheets,
  qmSummaryTitle,
  qmSummaryUnit,
  type SheetSpec,
  type WorkbookType,
} from '../fixtures/summaryWorkbook.js';

const sandbox = new ParserSandbox({ workers: 2, timeoutMs: 20_000 });
afterAll(() => sandbox.close());
const codes = (doc: ExtractedDocument) => doc.findings.map((f) => f.code);
const texts = (doc: ExtractedDocument, table = 0) => doc.tables[table]?.rows.map((r) => r.map((c) => c.text));
const hint = '请以 .xlsx 或 PDF 格式提交';

describe.each<WorkbookType>(['xlsx', 'xls'])('a 附件3 汇总表 made in Excel (.%s)', (type) => {
  // A generic name: the title row alone must make it a 汇总表.
  const read = () =>
    extractFile(buildWorkbook(qmSummarySheets(), type), `新建 Microsoft Excel 工作表.${type}`, { sandbox });

  it('is one table of the used range, merged title and unit cells as spans, empty cells as empty strings', async () => {
    const doc = await read();
    expect(doc.readable).toBe(true);
    expect(doc.detectedType).toBe(type);
    expect(doc.tables[0]?.rows[0]).toEqual([{ text: qmSummaryTitle, colSpan: 6, rowSpan: 1 }]);
    expect(doc.tables[0]?.rows[1]?.[0]).toEqual({ text: `推荐单位（盖章）：${qmSummaryUnit}`, colSpan: 3, rowSpan: 1 });
    expect(texts(doc)?.slice(2)).toEqual([
      ['排序', '组织或个人名称', '统一社会信用代码', '类别', '联系人', '联系电话'],
      ['1', qmSummaryRows[0].name, qmSummaryRows[0].creditCode, '组织', '张三', '13804310001'],
      ['2', qmSummaryRows[1].name, '', '个人', '王晓明', '13904310002'],
      ['3', qmSummaryRows[2].name, qmSummaryRows[2].creditCode, '组织', '李四', ''],
      ['合计', '', '', '3', '', ''],
    ]);
    expect(doc.findings.filter((f) => f.code.startsWith('FILE_'))).toEqual([]);
  });

  it('formulas read as the values Excel cached; the date as displayed, not a serial number', async () => {
    const doc = await read();
    expect(texts(doc)?.[4]?.[0]).toBe('2');
    expect(texts(doc)?.[6]?.[3]).toBe('3');
    expect(texts(doc)?.[1]?.[3]).toBe('2025年7月30日');
  });

  it('one page per sheet, the merged title its first line; the hidden sheet read too and named in the metadata', async () => {
    const doc = await read();
    expect(doc.pageCount).toBe(2);
    expect(doc.pages[0]?.lines[0]).toBe(qmSummaryTitle);
    expect(doc.pages[0]?.lines[1]).toBe(`推荐单位（盖章）：${qmSummaryUnit}\t\t填报日期：\t2025年7月30日`);
    expect(doc.pages[1]).toEqual({ page: 2, lines: ['组织', '个人'] });
    expect(doc.tables[1]?.page).toBe(2);
    expect(doc.metadata).toMatchObject({
      sheets: '2',
      'sheet.1': '汇总表',
      'sheet.1.range': 'A1:F7',
      'sheet.2': '选项',
      'sheet.2.hidden': 'hidden',
    });
    expect(doc.metadata['sheet.1.hidden']).toBeUndefined();
  });

  it('is classified QM_SUMMARY_TABLE from its title row and its rows read as summary rows (合计 has no name)', async () => {
    const doc = await read();
    expect(doc.materialType).toBe('QM_SUMMARY_TABLE');
    expect(doc.classificationReason).toContain('推荐组织、个人汇总表');
    expect(doc.records.summaryRows).toEqual(
      qmSummaryRows.map((row, i) => ({
        rank: row.rank,
        name: row.name,
        ...(row.creditCode ? { creditCode: row.creditCode } : {}),
        source: { file: `新建 Microsoft Excel 工作表.${type}`, table: 0, row: 3 + i },
      })),
    );
  });
});

describe('附件5 and 附件6 of the SI track as workbooks', () => {
  const siSheet = (title: string, header: string[]): SheetSpec[] => [
    {
      name: 'Sheet1',
      rows: [
        [title],
        header,
        [1, '汽车用铝合金轮毂', 'DB22/T 3456-2024', '长春某某汽车零部件有限公司', '二等奖'],
        [2, '人参产品追溯编码规则', 'T/JLSP 012-2024', '吉林省某某人参研究院', '三等奖'],
      ],
      merges: ['A1:E1'],
    },
  ];

  it('SI_PROJECT_SUMMARY_TABLE: 申报项目汇总表 with its standard numbers and applicant units', async () => {
    const bytes = buildWorkbook(
      siSheet('吉林省质量奖（标准创新）申报项目汇总表', ['序号', '标准名称', '标准编号', '申报单位', '申报等级']),
      'xlsx',
    );
    const doc = await extractFile(bytes, '汇总.xlsx', { sandbox });
    expect(doc.materialType).toBe('SI_PROJECT_SUMMARY_TABLE');
    expect(doc.records.summaryRows).toMatchObject([
      {
        rank: 1,
        name: '汽车用铝合金轮毂',
        standardNumber: 'DB22/T 3456-2024',
        applicantUnit: '长春某某汽车零部件有限公司',
      },
      {
        rank: 2,
        name: '人参产品追溯编码规则',
        standardNumber: 'T/JLSP 012-2024',
        applicantUnit: '吉林省某某人参研究院',
      },
    ]);
  });

  it('SI_RECOMMENDATION_SUMMARY_TABLE: 推荐项目汇总表 saved as .xls', async () => {
    const bytes = buildWorkbook(
      siSheet('吉林省质量奖（标准创新）推荐项目汇总表', ['推荐排序', '标准名称', '标准编号', '申报单位', '申报等级']),
      'xls',
    );
    const doc = await extractFile(bytes, 'Book1.xls', { sandbox });
    expect(doc.materialType).toBe('SI_RECOMMENDATION_SUMMARY_TABLE');
    expect(doc.records.summaryRows?.map((r) => [r.rank, r.standardNumber])).toEqual([
      [1, 'DB22/T 3456-2024'],
      [2, 'T/JLSP 012-2024'],
    ]);
  });
});

describe.each(['xls', 'xlsx', 'ods'])('the 附件3 workbook saved by LibreOffice Calc as .%s (committed)', (ext) => {
  const name = `qm-summary-libreoffice.${ext}`;
  const read = () => extractFile(committedFixture(name), name, { sandbox });

  it('reads the same table, lines and summary rows as the original workbook', async () => {
    const doc = await read();
    const original = await extractFile(buildWorkbook(qmSummarySheets(), 'xlsx'), name, { sandbox });
    expect(doc.detectedType).toBe(ext);
    expect(doc.tables).toEqual(original.tables);
    expect(doc.pages).toEqual(original.pages);
    expect(doc.materialType).toBe('QM_SUMMARY_TABLE');
    expect(doc.records.summaryRows).toEqual(original.records.summaryRows);
    expect(doc.records.summaryRows).toHaveLength(3);
  });

  it('keeps the sheet names; Excel formats also keep the hidden state (SheetJS does not read it from .ods)', async () => {
    const doc = await read();
    expect(doc.metadata).toMatchObject({ 'sheet.1': '汇总表', 'sheet.2': '选项' });
    expect(doc.metadata['sheet.2.hidden']).toBe(ext === 'ods' ? undefined : 'hidden');
  });
});

describe('spreadsheets as Excel and WPS really write them', () => {
  it('dates in the zh-CN built-in formats read as a Chinese Excel shows them (14 → 2025/7/30, 31 → 2025年7月30日)', async () => {
    const bytes = buildWorkbook(
      [
        {
          name: 'S',
          rows: [
            [
              { date: '2025-07-30', format: 'm/d/yy' },
              { date: '2025-07-30', format: 'yyyy-mm-dd' },
            ],
          ],
        },
      ],
      'xlsx',
    );
    // Excel writes its built-in formats by number only: the second cell's format (the last cell style) becomes id 31.
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
    const styles = XLSX.CFB.find(zip, 'styles.xml');
    if (!styles) throw new Error('no styles.xml in the fixture');
    styles.content = Buffer.from(
      String(styles.content).replace(/numFmtId="\d+"([^>]*\/><\/cellXfs>)/, 'numFmtId="31"$1'),
    );
    const patched = XLSX.CFB.write(zip, { fileType: 'zip', type: 'buffer' }) as Buffer;
    const doc = await extractFile(patched, 'dates.xlsx', { sandbox });
    expect(texts(doc)).toEqual([['2025/7/30', '2025年7月30日']]);
  });

  it('a WPS .et workbook (Excel 97–2003 inside) is read as a spreadsheet, with no type mismatch', async () => {
    const doc = await extractFile(buildWorkbook(qmSummarySheets(), 'xls'), '推荐汇总表.et', { sandbox });
    expect(doc.detectedType).toBe('xls');
    expect(codes(doc)).not.toContain('FILE_TYPE_MISMATCH');
    expect(doc.materialType).toBe('QM_SUMMARY_TABLE');
    expect(doc.records.summaryRows).toHaveLength(3);
  });

  it('a WPS Writer .wps (a Word 97–2003 compound file) is read like a .doc, with no type mismatch', async () => {
    const doc = await extractFile(committedFixture('chinese-headings-table.doc'), '征求意见表.wps', { sandbox });
    expect(doc.detectedType).toBe('doc');
    expect(codes(doc)).not.toContain('FILE_TYPE_MISMATCH');
    expect(doc.pages[0]?.lines).toContain('居中的大标题');
    expect(texts(doc)?.[0]).toEqual(['11', '12', '13']);
  });

  it('an Excel binary workbook (.xlsb, a zip the sniffer cannot name) is read as a spreadsheet', async () => {
    const doc = await extractFile(buildWorkbook(qmSummarySheets(), 'xlsb'), '汇总表.xlsb', { sandbox });
    expect(doc.detectedType).toBe('zip');
    expect(codes(doc)).not.toContain('FILE_TYPE_MISMATCH');
    expect(doc.pages[0]?.lines[0]).toBe(qmSummaryTitle);
    expect(doc.records.summaryRows).toHaveLength(3);
  });

  it('a compound file is told apart by its directory, not by text inside it: a cell saying WordDocument stays a workbook', async () => {
    const bytes = buildWorkbook([{ name: '说明', rows: [['见WordDocument与EncryptedPackage说明']] }], 'xls');
    const doc = await extractFile(bytes, '说明.xls', { sandbox });
    expect(doc.detectedType).toBe('xls');
    expect(texts(doc)).toEqual([['见WordDocument与EncryptedPackage说明']]);
  });

  it('an "Excel export" that is an HTML table is read as a table (and reported as not really .xls)', async () => {
    const html = `<html><body><table><tr><td colspan="2">${qmSummaryTitle}</td></tr><tr><td>排序</td><td>组织或个人名称</td></tr><tr><td>1</td><td>${qmSummaryRows[0].name}</td></tr></table></body></html>`;
    const doc = await extractFile(Buffer.from(html), '导出.xls', { sandbox });
    expect(codes(doc)).toContain('FILE_TYPE_MISMATCH');
    expect(doc.tables[0]?.rows[0]).toEqual([{ text: qmSummaryTitle, colSpan: 2, rowSpan: 1 }]);
    expect(doc.records.summaryRows).toMatchObject([{ rank: 1, name: qmSummaryRows[0].name }]);
  });

  it('a hidden sheet first in the workbook comes after the visible sheets, so the title row is still page 1', async () => {
    const [summary, options] = qmSummarySheets() as [SheetSpec, SheetSpec];
    const doc = await extractFile(buildWorkbook([options, summary], 'xlsx'), 'x.xlsx', { sandbox });
    expect(doc.pages[0]?.lines[0]).toBe(qmSummaryTitle);
    expect(doc.metadata).toMatchObject({ 'sheet.1': '汇总表', 'sheet.2': '选项', 'sheet.2.hidden': 'hidden' });
    expect(doc.materialType).toBe('QM_SUMMARY_TABLE');
  });

  it('a sheet of more than 5 000 rows is cut inside the sandbox, and the cut is named in the metadata', async () => {
    const rows = [['序号', '名称'], ...Array.from({ length: 5_100 }, (_, i) => [i + 1, `单位${i + 1}`])];
    const doc = await extractFile(buildWorkbook([{ name: '明细', rows }], 'xlsx'), '明细.xlsx', { sandbox });
    expect(doc.tables[0]?.rows).toHaveLength(5_000);
    expect(doc.metadata['sheet.1.truncated']).toBe('rows past the read limit (declared range A1:B5101)');
  });

  it('FILE_EMPTY: a workbook whose sheets hold no text', async () => {
    const doc = await extractFile(buildWorkbook([{ name: 'Sheet1', rows: [] }], 'xlsx'), '汇总表.xlsx', { sandbox });
    expect(doc.readable).toBe(true);
    expect(codes(doc)).toContain('FILE_EMPTY');
  });
});

describe('spreadsheets that cannot be read say which format to send', () => {
  it('FILE_UNREADABLE: a damaged .xlsx, with the reason and 请以 .xlsx 或 PDF 格式提交', async () => {
    const good = buildWorkbook(qmSummarySheets(), 'xlsx');
    const doc = await extractFile(good.subarray(0, Math.floor(good.length / 2)), '汇总表.xlsx', { sandbox });
    const unreadable = doc.findings.find((f) => f.code === 'FILE_UNREADABLE');
    expect(unreadable?.message).toMatch(/cannot be read: .+; 请以 \.xlsx 或 PDF 格式提交$/);
    expect(doc.readable).toBe(false);
  });

  it('FILE_UNREADABLE: bytes that are no workbook at all under a spreadsheet name', async () => {
    const doc = await extractFile(Buffer.from([0x13, 0x37, ...Array.from({ length: 200 }, (_, i) => i)]), 'a.et', {
      sandbox,
    });
    expect(doc.findings.find((f) => f.code === 'FILE_UNREADABLE')?.message).toContain(hint);
  });

  it('ARCHIVE_LIMIT_EXCEEDED: an .xlsx whose XML parts inflate beyond the cap never reaches the reader', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`第${i + 1}行`, '内容'.repeat(20)]);
    const doc = await extractFile(buildWorkbook([{ name: 'S', rows }], 'xlsx'), '汇总表.xlsx', {
      sandbox,
      docxLimits: { maxXmlBytes: 8 * 1024, maxPartRatio: 10_000, maxParts: 100 },
    });
    expect(doc.findings.find((f) => f.code === 'ARCHIVE_LIMIT_EXCEEDED')?.message).toContain(
      'workbook package refused',
    );
    expect(doc.readable).toBe(false);
  });

  it('FILE_ENCRYPTED: a password-protected .xlsx asks for the file without a password', async () => {
    const encrypted = officeCrypto.encrypt(buildWorkbook(qmSummarySheets(), 'xlsx'), { password: '123456' });
    const doc = await extractFile(encrypted, '汇总表.xlsx', { sandbox });
    expect(doc.findings.find((f) => f.code === 'FILE_ENCRYPTED')?.message).toContain(`请去除密码后${hint}`);
  });

  it('FILE_TYPE_UNSUPPORTED: an Apple Numbers file', async () => {
    const numbers = buildRawZip([
      { name: 'Index/Document.iwa', data: Buffer.from([0, 1, 2, 3]) },
      { name: 'Metadata/Properties.plist', data: Buffer.from('bplist00') },
    ]);
    const doc = await extractFile(numbers, '汇总表.numbers', { sandbox });
    expect(doc.findings.find((f) => f.code === 'FILE_TYPE_UNSUPPORTED')?.message).toContain(hint);
  });

  it('in a bundle, a damaged workbook gets its finding and the other files are read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'award-sheets-'));
    try {
      const good = buildWorkbook(qmSummarySheets(), 'xlsx');
      const zipPath = join(dir, 'bundle.zip');
      await writeFile(
        zipPath,
        buildBundleZip([
          { name: '长春市/附件3 推荐组织、个人汇总表.xlsx', data: good },
          { name: '长春市/附件6 推荐项目汇总表.xlsx', data: good.subarray(0, 400) },
          {
            name: '长春市/推荐公函.docx',
            data: await buildDocx({ title: '推荐公函', paragraphs: ['吉林省市场监督管理厅：'] }),
          },
        ]),
      );
      const { entries } = await extractBundle({ zipPath }, { sandbox });
      const byName = (name: string) => entries.find((e) => e.path.endsWith(name)) as ExtractedDocument;
      expect(codes(byName('附件6 推荐项目汇总表.xlsx'))).toContain('FILE_UNREADABLE');
      expect(byName('附件3 推荐组织、个人汇总表.xlsx').records.summaryRows).toHaveLength(3);
      expect(byName('推荐公函.docx').readable).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
