// A Word table printed to PDF keeps its cell borders; its text layer glues each label to its value
// (单位名称吉林省…). The ruled cells become the document model's tables, so forms converted by a real converter
// (LibreOffice, committed under test/fixtures/converted/) are read by cells, not by guessing where a label ends.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import { buildPdf } from '../fixtures/chinesePdf.js';

const converted = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/converted');
const sandbox = new ParserSandbox({ workers: 1, timeoutMs: 20_000 });
afterAll(() => sandbox.close());

const read = (relative: string) =>
  extractFile(readFileSync(path.join(converted, relative)), relative.split('/').pop() as string, { sandbox });

describe('ruled tables of a PDF', () => {
  it('a LibreOffice PDF of the 组织申报表 gives its table cell by cell, with page and digit spacing removed', async () => {
    const doc = await read('qm-org-libreoffice/吉林省长白精工机械有限公司/组织申报表.pdf');
    const rows = doc.tables[0]?.rows.map((r) => r.map((c) => c.text));
    expect(doc.tables[0]?.page).toBe(1);
    expect(rows?.[0]).toEqual(['单位名称', '吉林省长白精工机械有限公司']);
    expect(rows?.[2]).toEqual(['法定代表人', '王建国', '成立时间', '2012年5月18日']);
    expect(doc.fields.organisationName?.value).toBe('吉林省长白精工机械有限公司');
    expect(doc.fields.creditCode?.value).toBe('91220101MA17XK3Q5B');
    expect(doc.fields.creditCode?.source).toMatchObject({ table: 0, row: 1 });
  });

  it('a cell wrapped by its width is one name again; a cell with paragraphs keeps them', async () => {
    const si = await read('si-libreoffice/项目/项目申报书.pdf');
    const drafters = si.tables.find((t) => t.rows[0]?.some((c) => c.text === '贡献率'));
    expect(drafters?.rows[2]?.map((c) => c.text)).toContain('长春一汽富维汽车零部件股份有限公司');
    const form = await read('qm-org-libreoffice/吉林省长白精工机械有限公司/征求意见表.pdf');
    const row = form.tables[0]?.rows.find((r) => r[0]?.text.startsWith('公安部门'));
    expect(row?.[1]?.text.split('\n')).toEqual([
      '经核查，该单位近五年无违法违规记录，同意推荐。',
      '（盖章）',
      '2025年8月5日',
    ]);
  });

  it('a PDF without ruled lines has no tables (its lines are read instead)', async () => {
    const doc = await extractFile(await buildPdf([['推荐公函', '一、评选推荐工作组织情况']]), '推荐公函.pdf', {
      sandbox,
    });
    expect(doc.tables).toEqual([]);
    expect(doc.pages[0]?.lines).toContain('推荐公函');
  });
});
