import { describe, expect, it } from 'vitest';
import { classifiedMarkingFindings, findMarkingsInLine } from '../../shared/extraction/classifiedMarking.js';

describe('classified-marking scan (SPEC §4)', () => {
  it.each([
    ['机密★5年', '机密★5年'],
    ['秘密★一年', '秘密★一年'],
    ['★绝密', '★绝密'],
    ['绝密 ★ 长期', '绝密★长期'],
    ['秘密', '秘密'],
    ['【机密】', '机密'],
    ['内部资料 注意保存', '内部资料注意保存'],
    ['涉密', '涉密'],
    ['密级：秘密', '密级：秘密'],
  ])('%s is a marking', (line, token) => {
    expect(findMarkingsInLine(line)).toEqual([token]);
  });

  it.each([
    '本材料不涉及国家秘密',
    '本单位严格落实保密制度，未发生涉密事件。',
    '商业秘密保护管理办法',
    '内部资料的管理由办公室负责',
    '机密文件管理制度建设情况',
  ])('prose "%s" is not a marking', (line) => {
    expect(findMarkingsInLine(line)).toEqual([]);
  });

  it('reports page and line with the token only, never the surrounding text', () => {
    const findings = classifiedMarkingFindings(
      'a.pdf',
      [
        { page: 1, lines: ['推荐公函'] },
        { page: 2, lines: ['正文', '张三 110101199003071234 机密★3年 联系电话 13800000000'] },
      ],
      [],
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: 'CLASSIFIED_MARKING',
      severity: 'blocking',
      evidence: '机密★3年',
      source: { file: 'a.pdf', page: 2, line: 2 },
    });
    expect(JSON.stringify(findings)).not.toContain('1101011990');
    expect(JSON.stringify(findings)).not.toContain('13800000000');
  });

  it('scans header and footer lines', () => {
    const findings = classifiedMarkingFindings('a.docx', [{ page: 1, lines: ['自评报告'] }], ['第1页', '秘密★']);
    expect(findings[0]?.source).toEqual({ file: 'a.docx', line: 2 });
    expect(findings[0]?.message).toContain('header/footer');
  });
});
