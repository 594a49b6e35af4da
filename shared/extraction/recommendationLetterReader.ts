import { RecommendationLetter, type RecommendationPoint } from '../domain/application/recommendationLetter.js';
import { findDates } from '../domain/validation/dates.js';
import { toHalfWidth } from '../domain/validation/halfWidth.js';
import type { PageText } from './document.js';

/**
 * How clerks head each of the eight points of the notice (七、(一)1): the notice's own words, shortened or in their
 * own words. A heading matches a point when it contains one of these terms.
 */
const headingTerms: Record<RecommendationPoint, readonly string[]> = {
  ORGANISATION: ['组织情况', '组织开展', '组织实施', '工作组织', '组织领导', '组织工作', '工作部署', '组织推荐'],
  PROCESS: ['推荐过程', '推荐程序', '评选过程', '工作过程', '推荐经过', '推荐流程', '推荐工作开展', '评选推荐过程'],
  GRASSROOTS_PUBLICITY: ['公示'],
  OPINIONS_SOUGHT: ['征求', '意见征询', '征询意见'],
  MATERIAL_REVIEW: ['材料审核', '审核情况', '材料审查', '资格审查', '审核把关', '材料核查', '审查情况'],
  COLLECTIVE_DECISION: ['集体研究', '研究决定', '集体决策', '集体讨论', '会议研究', '研究情况', '集体审议'],
  RECOMMENDATION_OPINION: ['推荐意见', '推荐对象', '推荐名单', '推荐结果', '具体推荐', '推荐排序'],
  OTHER_MATTERS: ['其他', '其它', '需要说明', '说明事项', '有关说明', '补充说明'],
};

/**
 * Sentences that cover a point in substance, wherever they stand: what the unit did, not the point's name (a
 * generic "结果已公示，无异议" under another heading does not report the publicity: no place, no duration).
 */
const substance: Record<RecommendationPoint, RegExp> = {
  ORGANISATION:
    /成立(?:了)?.{0,24}(?:领导小组|工作组|工作专班|评审组|专家组|评审委员会)|印发.{0,24}(?:通知|方案)|(?:专题|专门)(?:部署|会议部署)/,
  PROCESS:
    /自愿申报|逐级(?:审核|推荐|上报)|择优推荐|(?:经|通过).{0,16}(?:初审|初评|评审|遴选|比选).{0,16}(?:确定|推荐|产生)/,
  GRASSROOTS_PUBLICITY:
    /公示.{0,40}(?:\d+|[一二三四五六七八九十]+)个?工作日|(?:\d+|[一二三四五六七八九十]+)个?工作日.{0,10}公示|公示(?:期|时间).{0,6}\d|在.{1,30}(?:进行了?|予以|开展了?)(?:内部)?公示/,
  OPINIONS_SOUGHT:
    /征求(?:了)?.{0,40}(?:公安|税务|人社|人力资源|生态环境|环保|市场监管|应急|统战|工商联|纪检|监察|组织|部门|单位).{0,12}意见|征求意见表/,
  MATERIAL_REVIEW:
    /(?:对|将).{0,24}材料.{0,24}(?:审核|审查|核实|核查|把关)|材料.{0,12}(?:真实|完整|准确|规范|齐全)|(?:审核|审查|核实).{0,12}材料/,
  COLLECTIVE_DECISION:
    /(?:党组|党委|局务|厅务|委务|办公|常务|专题|班子|主任)(?:会议?|会).{0,30}(?:研究|审议|决定|通过|讨论)|集体研究.{0,20}(?:决定|同意|确定|通过)|经.{0,12}研究(?:决定|同意|确定)/,
  RECOMMENDATION_OPINION: /同意推荐|(?:特此|现|拟)推荐|推荐.{1,40}(?:参评|申报|为).{0,30}(?:质量奖|等奖|提名奖)/,
  OTHER_MATTERS: /(?:其他|其它)(?:需要)?(?:说明|情况)|(?:无|没有)(?:其他|其它)|需要说明的(?:是|事项|情况)|特此说明/,
};

const points = Object.keys(headingTerms) as RecommendationPoint[];

/** The points whose terms a text names. */
function named(text: string): RecommendationPoint[] {
  return points.filter((p) => headingTerms[p].some((term) => text.includes(term)));
}

/**
 * A list of the points in one sentence (the notice's "推荐公函包括评选推荐工作组织情况、推荐过程、基层公示情况…" pasted
 * into a letter): it names them, it covers none of them.
 */
function isListOfPoints(text: string): boolean {
  return named(text).length >= 3;
}

const numbering =
  /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d{1,2}\s*(?:[、．)）]|\.(?!\d))|第[一二三四五六七八九十\d]+(?:部分|项|条|点|方面)[、:：.．\s]?|[一二三四五六七八九十]是[:：，,]?)/;
const headingEnd = /[。：:；;，,！!？?]/;
const topicEnd = /(?:情况|说明|意见|过程|事项|程序|审核|研究|公示|工作)$/;

/** The heading a line carries: after a number (一、（一）1. 第一部分 一是), up to its first punctuation; or a short line. */
function headingOf(line: string): string | undefined {
  const text = line.replace(/[\s\u3000]/g, '');
  const number = numbering.exec(text);
  if (number) {
    const heading = text.slice(number[0].length).split(headingEnd)[0] ?? '';
    return heading.length <= 20 ? heading : undefined;
  }
  // An unnumbered heading is a short line that names a topic ("公示情况", "其他需要说明的事项"), not the short end
  // of a wrapped sentence ("公示无异议", "已进行公示").
  const bare = text.replace(/[:：。]$/, '');
  return bare.length <= 14 && !headingEnd.test(bare) && topicEnd.test(bare) && !/[了已经无未]|进行/.test(bare)
    ? bare
    : undefined;
}

/**
 * The eight points a 推荐公函 covers: each by a heading line that names it (`三、公示情况`, `（二）征求意见情况`,
 * `4.推荐意见`, `第八部分 其他说明`, or a short line of its own), or by a sentence that reports it in substance
 * (`于7月28日至8月1日在本单位公示5个工作日`, `经局党组会议研究决定`). A run of the point names in one sentence — the
 * notice's list pasted into the letter — covers none of them.
 */
export function recommendationPointsCovered(lines: readonly string[]): RecommendationPoint[] {
  const found = new Set<RecommendationPoint>();
  for (const line of lines) {
    const heading = headingOf(toHalfWidth(line));
    if (heading && !isListOfPoints(heading)) for (const p of named(heading)) found.add(p);
  }
  const sentences = toHalfWidth(lines.join(''))
    .replace(/[\s\u3000]/g, '')
    .split(/[。！!？?；;]/);
  for (const sentence of sentences) {
    if (isListOfPoints(sentence)) continue;
    for (const p of points) if (substance[p].test(sentence)) found.add(p);
  }
  return points.filter((p) => found.has(p));
}

const sealNote = /[（(]\s*(?:盖章|公章|印章|章)\s*[)）]/g;

/** The eight points, the signing unit and the date at the end of a 推荐公函 (the last date of its closing lines). */
export function readRecommendationLetter(pages: readonly PageText[], unitField?: string): RecommendationLetter {
  const lines = pages.flatMap((p) => p.lines).filter((l) => l.trim() !== '');
  let date: string | undefined;
  let recommendingUnit = unitField;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 8); i--) {
    const found = findDates(lines[i] as string).filter((d) => d.precision === 'day');
    const last = found[found.length - 1];
    if (!last) continue;
    date = last.date;
    const sameLine = (lines[i] as string).replace(last.written, '').replace(sealNote, '').trim();
    const candidates = [sameLine, lines[i - 1], lines[i - 2]].map((l) => l?.replace(sealNote, '').trim());
    recommendingUnit ??= candidates.find(
      (l) => l && l.length >= 4 && l.length <= 40 && !/[。，,:：]/.test(l) && findDates(l).length === 0,
    );
    break;
  }
  return RecommendationLetter.parse({ recommendingUnit, date, pointsPresent: recommendationPointsCovered(lines) });
}
