import { describe, expect, it } from 'vitest';
import { classifyMaterial } from '../../shared/extraction/classifyMaterial.js';

const doc = (lines: string[]) => ({ pages: [{ lines }] });

// Notice 七: the recommending unit's 推荐公函 reports its recommendation work to the provincial office; the employer's
// 所在单位推荐意见 (QM individual) recommends one person of its own staff. Both may be titled 「关于推荐…」.
const employerOpinion = [
  '关于推荐王丽华同志申报吉林省质量奖的推荐意见',
  '经审查，王丽华同志符合吉林省质量奖（质量管理）个人参评条件。',
  '本单位已对其申报情况在单位内部进行公示，公示时间：2025年7月25日至2025年7月31日，公示期间无异议。',
  '同意推荐。',
  '吉林省镜泊建设工程有限公司（盖章）',
  '2025年8月2日',
];

const unitLetter = [
  '关于推荐吉林省质量奖（质量管理）候选对象的函',
  '吉林省质量奖评选表彰工作领导小组办公室：',
  '根据通知要求，我单位认真组织开展了推荐工作，现将有关情况报告如下：',
  '一、评选推荐工作组织情况',
  '成立了由主要负责同志任组长的推荐工作组，明确责任分工。',
  '二、推荐过程',
  '按照自愿申报、逐级审核、比选推荐的程序开展推荐工作。',
  '三、具体推荐意见',
  '同意推荐下列对象参加吉林省质量奖评选：',
  '1.王丽华',
  '2.长春恒达精密机械有限公司',
];

describe('classifyMaterial: who writes a recommendation', () => {
  it('an employer opinion on one person titled 关于推荐…同志 is the 所在单位推荐意见, under any file name', () => {
    for (const name of ['03 所在单位推荐意见.pdf', '扫描件001.pdf', '新建 Microsoft Word 文档.docx'])
      expect(classifyMaterial(name, doc(employerOpinion)).type, name).toBe('EMPLOYER_RECOMMENDATION');
  });

  it('an employer opinion addressed to the city office that recommends it stays the employer opinion', () => {
    const lines = [employerOpinion[0] as string, '白山市市场监督管理局：', ...employerOpinion.slice(1)];
    expect(classifyMaterial('推荐意见.pdf', doc(lines)).type).toBe('EMPLOYER_RECOMMENDATION');
  });

  it('the unit letter addressed to the provincial office stays the 推荐公函 even with 负责同志 in its body', () => {
    expect(classifyMaterial('扫描件002.pdf', doc(unitLetter)).type).toBe('RECOMMENDATION_LETTER');
  });

  it('a short letter to 省质量奖评选表彰工作领导小组办公室 is the 推荐公函 though it names one 同志', () => {
    const lines = [
      '关于推荐张建国同志申报吉林省质量奖的函',
      '省质量奖评选表彰工作领导小组办公室：',
      '经研究，同意推荐张建国同志参加吉林省质量奖（质量管理）个人评选。',
    ];
    expect(classifyMaterial('2.pdf', doc(lines)).type).toBe('RECOMMENDATION_LETTER');
  });

  it('a letter without addressee that reports the eight points is the 推荐公函', () => {
    const lines = [
      '关于推荐张建国同志申报吉林省质量奖的函',
      '一、推荐工作组织情况',
      '成立了推荐工作组。',
      '二、推荐过程',
      '按照自愿申报、逐级审核的程序开展。',
      '三、基层公示情况',
      '在本单位公示5个工作日，无异议。',
      '四、集体研究情况',
      '经局党组会议集体研究决定。',
      '五、具体推荐意见',
      '同意推荐张建国同志。',
    ];
    expect(classifyMaterial('1.pdf', doc(lines)).type).toBe('RECOMMENDATION_LETTER');
  });
});
