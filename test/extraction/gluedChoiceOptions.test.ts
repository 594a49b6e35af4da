import { describe, expect, it } from 'vitest';
import { readApplicationRecords } from '../../shared/extraction/applicationRecords.js';
import { readChoice } from '../../shared/extraction/checkboxChoice.js';
import { readFormFields } from '../../shared/extraction/formFields.js';

function organisation(line: string) {
  const pages = [{ page: 1, lines: ['单位名称 长春恒达精密机械有限公司', line] }];
  const fields = readFormFields('申报表.pdf', pages, []);
  return readApplicationRecords('申报表.pdf', 'QM_ORG_APPLICATION_FORM', fields, pages, []).records.organisation;
}

// Issue 13 §10: a Word tick-box row printed to PDF may lose the gaps between its options; the tick still belongs to
// the option it stands by (the 单位性质 decides the consultation matrix of notice 三(一)2).
describe('tick-box options glued together by PDF text', () => {
  it.each([
    ['单位性质 国有企业国有控股企业非公有制企业√', 'NON_PUBLIC'],
    ['单位性质 国有企业√国有控股企业非公有制企业', 'STATE_OWNED'],
    ['单位性质 □国有企业■国有控股企业□非公有制企业', 'STATE_CONTROLLED'],
    ['单位性质 国有企业国有控股企业√非公有制企业', 'STATE_CONTROLLED'],
    ['单位性质 ☐国有企业☐事业单位☑社会组织☐其他', 'SOCIAL_ORGANISATION'],
  ])('%s → %s', (line, expected) => {
    expect(organisation(line)?.ownershipType).toBe(expected);
  });

  it('a 行政级别 row glued the same way gives the ticked rank', () => {
    const pages = [{ page: 1, lines: ['单位名称 吉林省标准化研究院', '行政级别 无科级县处级√厅级及以上'] }];
    const fields = readFormFields('申报表.pdf', pages, []);
    const records = readApplicationRecords('申报表.pdf', 'QM_ORG_APPLICATION_FORM', fields, pages, []).records;
    expect(records.organisation?.administrativeRank).toBe('COUNTY_CHIEF');
  });
});

describe('Wingdings boxes as mammoth renders them', () => {
  it('🞎 (Wingdings F0A8) is an empty box: the options are the words, not the glyphs', () => {
    expect(readChoice('🞎国有企业 🗹事业单位 🞎其他')).toEqual({
      boxed: true,
      selected: ['事业单位'],
      options: ['国有企业', '事业单位', '其他'],
    });
  });
});
