import { describe, expect, it } from 'vitest';
import { readStandardText } from '../../shared/completeness/standardText.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';

const standardText = (cover: string[]): ExtractedDocument =>
  ({
    path: 'Q JLHD 001-2021.pdf',
    pages: [{ page: 1, lines: cover }],
    tables: [],
    needsOcr: [],
    readable: true,
  }) as unknown as ExtractedDocument;

// Notice 三(二)1: a group or enterprise standard is applied for by its publisher; the official text's cover names the
// publisher above 发布, so a 申报书 without a publisher field still has it.
describe('the publishers on a standard text cover', () => {
  it('an enterprise standard: the enterprise before 发布, not the dates line', () => {
    const cover = [
      'Q/JLHD 001—2021',
      '汽车零部件清洗技术规范',
      '2021-05-21 发布    2021-06-01 实施',
      '长春恒达精密机械有限公司  发布',
    ];
    expect(readStandardText(standardText(cover)).publishers).toEqual(['长春恒达精密机械有限公司']);
  });

  it('joint publishers of a national standard, in order', () => {
    const cover = [
      'GB/T 39876—2021',
      '2021-03-09发布 2021-10-01实施',
      '国家市场监督管理总局  国家标准化管理委员会  发 布',
    ];
    expect(readStandardText(standardText(cover)).publishers).toEqual(['国家市场监督管理总局', '国家标准化管理委员会']);
  });
});
