import { describe, expect, it } from 'vitest';
import { checkPublicityEvidence, publicityWindows } from '../../shared/completeness/publicityEvidence.js';
import { loadCampaign } from '../../shared/domain/campaign/loadCampaign.js';
import type { MaterialType } from '../../shared/domain/materials/materialType.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';

const campaign = loadCampaign('2025');

function doc(path: string, materialType: MaterialType, lines: string[], scan = false): ExtractedDocument {
  return {
    path,
    sha256: '0'.repeat(64),
    size: 1,
    declaredType: 'pdf',
    detectedType: 'pdf',
    readable: true,
    materialType,
    classificationReason: 'test',
    pageCount: 1,
    pages: [{ page: 1, lines }],
    headers: [],
    tables: [],
    fields: {},
    records: {},
    metadata: {},
    needsOcr: scan ? [1] : [],
    findings: [],
  };
}

const evidence = (...lines: string[]) => doc('组织/内部公示情况说明.pdf', 'PUBLICITY_EVIDENCE', lines);
const qmOrg = (...lines: string[]) => checkPublicityEvidence('QM_ORG', [evidence(...lines)], campaign);

describe('internal publicity window (notice 三(一)1: 不少于5个工作日)', () => {
  it('a window of 5 working days passes: 2025年7月28日（周一）至8月1日（周五）', () => {
    expect(qmOrg('已在本单位内部公示。', '公示时间：2025年7月28日至8月1日')).toEqual([]);
  });

  it('2025.07.30-2025.08.01 is 3 working days: blocking, naming the window and the line', () => {
    expect(qmOrg('本单位已进行公示，公示时间2025.07.30-2025.08.01，无异议。')).toEqual([
      {
        code: 'PUBLICITY_EVIDENCE_MISSING',
        severity: 'blocking',
        message: '内部公示2025-07-30至2025-08-01仅3个工作日，少于5个工作日',
        file: '组织/内部公示情况说明.pdf',
        field: 'publicity.window',
        evidence: '2025-07-30至2025-08-01',
        source: { file: '组织/内部公示情况说明.pdf', page: 1, line: 1 },
      },
    ]);
  });

  it('eleven calendar days around National Day 2025 are only 3 working days (9-29, 9-30, 10-9): blocking', () => {
    expect(qmOrg('公示时间：2025年9月29日至2025年10月9日')).toMatchObject([
      { severity: 'blocking', message: '内部公示2025-09-29至2025-10-09仅3个工作日，少于5个工作日' },
    ]);
  });

  it('2025-09-28 (adjusted working Sunday) to 2025-10-10 holds 5 working days: passes', () => {
    expect(qmOrg('于2025年9月28日至10月10日在本单位内部进行了公示')).toEqual([]);
  });

  it.each([
    ['公示时间：２０２５年７月２８日至２０２５年８月１日'],
    ['公示时间：二〇二五年七月二十八日至八月一日'],
    ['公示期：7月28日—8月1日'],
    ['自2025年7月28日起至2025年8月1日止，在本单位进行了公示'],
    ['公示时间：2025/7/28～2025/8/1'],
  ])('reads the window however it is written: %s', (line) => {
    expect(qmOrg('已在本单位公示。', line)).toEqual([]);
  });

  it('reads a window under its label (a Word table made PDF) and one broken over two lines', () => {
    expect(qmOrg('已在本单位公示。', '公示时间', '2025.07.30-2025.08.01')).toMatchObject([{ severity: 'blocking' }]);
    expect(qmOrg('公示时间：2025年7月30日至', '2025年8月1日，无异议')).toMatchObject([{ severity: 'blocking' }]);
  });

  it('reads a window in the clause beside the one naming the publicity, and one wrapped over lines', () => {
    expect(qmOrg('申报单位和各主要起草人员所在单位分别进行了公示，自2025年7月28日起至8月1日止。')).toEqual([]);
    expect(qmOrg('本单位分别进行了公', '示，自2025年7', '月30日起至8月1日止。')).toMatchObject([
      { severity: 'blocking', evidence: '2025-07-30至2025-08-01', source: { line: 2 } },
    ]);
  });

  it('a range in another clause is not the window (公示期满后，于…至…集体研究)', () => {
    expect(qmOrg('公示时间：2025年7月28日至8月1日', '公示期满后，于2025年8月4日至8月5日集体研究')).toEqual([]);
  });

  it('no window written: review “公示时间未能读取，请审核”, never a silent pass', () => {
    expect(qmOrg('已在本单位内部公示5个工作日，公示期间无异议。')).toMatchObject([
      {
        code: 'PUBLICITY_EVIDENCE_MISSING',
        severity: 'review',
        field: 'publicity.window',
        file: '组织/内部公示情况说明.pdf',
      },
    ]);
    expect(qmOrg('已在本单位内部公示5个工作日。')[0]?.message).toContain('公示时间未能读取，请审核');
  });

  it('a window with impossible dates is review, with what was written', () => {
    expect(qmOrg('公示时间：2025年2月24日至2月30日')).toMatchObject([
      { severity: 'review', evidence: '2025年2月24日至2月30日', source: { line: 1 } },
    ]);
  });

  it('a window in a year the holiday calendar does not cover is review, not a Monday–Friday guess', () => {
    expect(qmOrg('公示时间：2099年7月27日至2099年7月31日')).toMatchObject([
      { severity: 'review', message: expect.stringContaining('无法按工作日核对') },
    ]);
  });

  it('a scanned evidence without text is review (its window cannot be read)', () => {
    const scan = doc('组织/公示扫描件.pdf', 'PUBLICITY_EVIDENCE', [], true);
    expect(checkPublicityEvidence('QM_ORG', [scan], campaign)).toMatchObject([
      { severity: 'review', file: '组织/公示扫描件.pdf', message: expect.stringContaining('公示时间未能读取') },
    ]);
  });

  it('no evidence speaking of a publicity stays blocking', () => {
    expect(qmOrg('同意推荐。')).toMatchObject([{ severity: 'blocking', field: 'publicity.PUBLICITY_EVIDENCE' }]);
  });

  it('SI: the publicity at every drafter’s unit must last 5 working days; one short window blocks', () => {
    const selection = doc('项目/主要起草人员遴选及公示情况.pdf', 'DRAFTER_SELECTION_EVIDENCE', [
      '已在各起草人所在单位公示：',
      '甲公司公示时间2025年8月4日至8月8日；乙研究院公示时间2025年8月4日至8月6日。',
    ]);
    expect(checkPublicityEvidence('SI', [selection], campaign)).toMatchObject([
      { severity: 'blocking', evidence: '2025-08-04至2025-08-06', source: { line: 2 } },
    ]);
  });

  it('QM_IND: the employer’s recommendation carries the window', () => {
    const recommendation = doc('个人/所在单位推荐意见.pdf', 'EMPLOYER_RECOMMENDATION', [
      '推荐前已在本单位内部公示，公示时间：2025年7月28日至2025年8月1日，公示期间无异议。',
    ]);
    expect(checkPublicityEvidence('QM_IND', [recommendation], campaign)).toEqual([]);
  });

  it('lists each window with its place', () => {
    expect(
      publicityWindows(evidence('标题', '公示时间：2025年7月28日至8月1日'), 2025).map((w) => [w.read, w.source.line]),
    ).toEqual([[{ ok: true, from: '2025-07-28', to: '2025-08-01', written: '2025年7月28日至8月1日' }, 2]]);
  });
});
