import { describe, expect, it } from 'vitest';
import { checkRecommendationLetter } from '../../shared/completeness/recommendationLetterCheck.js';
import { recommendationPoints } from '../../shared/domain/application/recommendationLetter.js';
import type { ExtractedDocument } from '../../shared/extraction/document.js';
import {
  readRecommendationLetter,
  recommendationPointsCovered,
} from '../../shared/extraction/recommendationLetterReader.js';

const all = Object.keys(recommendationPoints);
const opening = [
  '吉林省市场监督管理厅：',
  '根据《关于开展吉林省质量奖评选表彰工作的通知》要求，现将我局推荐工作有关情况报告如下。',
];
const body = '按照通知要求认真组织实施，程序规范。';
const letter = (headings: string[]) => [...opening, ...headings.flatMap((h) => [h, body])];

describe('the eight points of a 推荐公函 (notice 七、(一)1)', () => {
  it('the notice’s own headings, numbered 一、…八、', () => {
    expect(
      recommendationPointsCovered(
        letter([
          '一、评选推荐工作组织情况',
          '二、推荐过程',
          '三、基层公示情况',
          '四、征求各方面意见情况',
          '五、推荐材料审核情况',
          '六、集体研究情况',
          '七、具体推荐意见',
          '八、其他需要说明的情况',
        ]),
      ),
    ).toEqual(all);
  });

  it('clerks’ shortened headings and other numberings: （一） 1. 1、 第一部分 一是, and unnumbered lines', () => {
    expect(
      recommendationPointsCovered(
        letter([
          '（一）组织开展情况',
          '2. 推荐程序',
          '三、公示情况',
          '4、征求意见情况',
          '第五部分 材料审核',
          '六是集体研究决定：',
          '推荐意见',
          '其他说明',
        ]),
      ),
    ).toEqual(all);
  });

  it.each([
    ['三、公示情况', 'GRASSROOTS_PUBLICITY'],
    ['（三）公示', 'GRASSROOTS_PUBLICITY'],
    ['四、征求意见', 'OPINIONS_SOUGHT'],
    ['四、征求有关部门意见情况', 'OPINIONS_SOUGHT'],
    ['五、推荐材料审查情况', 'MATERIAL_REVIEW'],
    ['六、研究决定', 'COLLECTIVE_DECISION'],
    ['六、集体研究', 'COLLECTIVE_DECISION'],
    ['七、推荐意见：同意推荐', 'RECOMMENDATION_OPINION'],
    ['八、其他情况', 'OTHER_MATTERS'],
    ['八、需要说明的事项', 'OTHER_MATTERS'],
    ['８．其他需要说明的情况：无。', 'OTHER_MATTERS'],
  ])('heading %s → %s', (heading, point) => {
    expect(recommendationPointsCovered([...opening, heading, body])).toEqual([point]);
  });

  it('a letter without headings covers the points in substance', () => {
    expect(
      recommendationPointsCovered([
        ...opening,
        '我局高度重视，成立了评选推荐工作领导小组，印发了推荐工作通知。各单位自愿申报，经县区逐级审核推荐，择优确定推荐对象。',
        '推荐对象已在所在单位内部公示5个工作日，公示期间无异议。我局征求了公安、税务、生态环境等部门意见，均无异议。',
        '我局对申报材料的真实性、完整性进行了审核。经局党组会议研究，同意推荐。',
        '现推荐长春某某制造有限公司参评吉林省质量奖。无其他需要说明的情况。',
      ]),
    ).toEqual(all);
  });

  it('the notice’s list of the eight points pasted in one sentence covers none of them', () => {
    const pasted =
      '推荐公函包括评选推荐工作组织情况、推荐过程、基层公示情况、征求各方面意见情况、推荐材料审核情况、集体研究情况、具体推荐意见、其他需要说明的情况等。';
    expect(recommendationPointsCovered([...opening, pasted])).toEqual([]);
    expect(recommendationPointsCovered([...opening, `1.${pasted}`])).toEqual([]);
    expect(recommendationPointsCovered([...opening, `现将${pasted.slice(5)}`, '特此函告。'])).toEqual([]);
  });

  it('a generic sentence under another heading does not report a point (结果已公示 is not the 基层公示情况)', () => {
    const headings = ['一、评选推荐工作组织情况', '二、推荐过程', '四、征求各方面意见情况', '五、推荐材料审核情况'];
    const lines = [
      ...opening,
      ...headings.flatMap((h) => [h, '按照通知要求认真组织实施，程序规范，结果已公示，无异议。']),
    ];
    expect(recommendationPointsCovered(lines)).toEqual([
      'ORGANISATION',
      'PROCESS',
      'OPINIONS_SOUGHT',
      'MATERIAL_REVIEW',
    ]);
  });

  it('reads the signing unit and the date of the closing lines, whatever the date’s spelling', () => {
    const pages = [
      { page: 1, lines: [...letter(['一、推荐过程']), '长春市市场监督管理局（盖章）', '二〇二五年八月十二日'] },
    ];
    expect(readRecommendationLetter(pages)).toMatchObject({
      recommendingUnit: '长春市市场监督管理局',
      date: '2025-08-12',
      pointsPresent: ['PROCESS'],
    });
    const dated = [{ page: 1, lines: [...letter([]), '吉林市市场监督管理局', '日期：２０２５年８月１２日'] }];
    expect(readRecommendationLetter(dated)).toMatchObject({
      recommendingUnit: '吉林市市场监督管理局',
      date: '2025-08-12',
    });
  });
});

function letterDocument(path: string, lines: string[]): ExtractedDocument {
  const pages = [{ page: 1, lines }];
  return {
    path,
    sha256: '0'.repeat(64),
    size: 1,
    declaredType: 'docx',
    detectedType: 'docx',
    readable: true,
    materialType: 'RECOMMENDATION_LETTER',
    classificationReason: 'test',
    pageCount: 1,
    pages,
    headers: [],
    tables: [],
    fields: {},
    records: { recommendationLetter: readRecommendationLetter(pages) },
    metadata: {},
    needsOcr: [],
    findings: [],
  };
}

describe('RECOMMENDATION_LETTER_INCOMPLETE', () => {
  it('a letter headed in the clerk’s words (三、公示情况 …) is complete', () => {
    const doc = letterDocument(
      '01 推荐公函.docx',
      letter([
        '一、组织情况',
        '二、推荐过程',
        '三、公示情况',
        '四、征求意见情况',
        '五、材料审核情况',
        '六、集体研究情况',
        '七、推荐意见',
        '八、其他需要说明的情况',
      ]),
    );
    expect(checkRecommendationLetter([doc])).toEqual([]);
  });

  it('a letter that only pastes the notice’s list is blocked, naming every missing point and the letter', () => {
    const doc = letterDocument('推荐公函.pdf', [
      ...opening,
      '推荐公函包括评选推荐工作组织情况、推荐过程、基层公示情况、征求各方面意见情况、推荐材料审核情况、集体研究情况、具体推荐意见、其他需要说明的情况等。',
      '同意推荐长春某某制造有限公司。',
    ]);
    const missing =
      '评选推荐工作组织情况、推荐过程、基层公示情况、征求各方面意见情况、推荐材料审核情况、集体研究情况、其他需要说明的情况';
    expect(checkRecommendationLetter([doc])).toEqual([
      {
        code: 'RECOMMENDATION_LETTER_INCOMPLETE',
        severity: 'blocking',
        message: `推荐公函缺少：${missing}`,
        file: '推荐公函.pdf',
        field: 'recommendationLetter.pointsPresent',
        evidence: missing,
      },
    ]);
  });
});
