import { type Finding, finding } from '../domain/findings/finding.js';
import type { ExtractedDocument } from '../extraction/document.js';
import { byPreference, compactText, documentLines, isImageOnly } from './documentQuality.js';

/** The seven categories (类目) of GB/T 19580-2012 a 自评报告 is written against, with the spellings of headings. */
export const selfEvaluationCategories = {
  LEADERSHIP: { name: '领导', headings: ['领导'] },
  STRATEGY: { name: '战略', headings: ['战略'] },
  CUSTOMERS_AND_MARKET: { name: '顾客与市场', headings: ['顾客与市场', '顾客和市场'] },
  RESOURCES: { name: '资源', headings: ['资源'] },
  PROCESS_MANAGEMENT: { name: '过程管理', headings: ['过程管理'] },
  MEASUREMENT_ANALYSIS_IMPROVEMENT: {
    name: '测量、分析与改进',
    headings: ['测量分析与改进', '测量分析和改进', '测量、分析与改进', '测量、分析和改进'],
  },
  RESULTS: { name: '结果', headings: ['结果'] },
} as const;
export type SelfEvaluationCategory = keyof typeof selfEvaluationCategories;

/** Heading numbering: 4.1 / 一、/ （一）/ 第一章 / 第三部分 / 1、/ 1. */
const numbering =
  /^(?:第[一二三四五六七八九十\d]+(?:部分|[章节篇部])|[（(]?[一二三四五六七八九十\d]+(?:\.\d+)*[）)、.．]?)/;

/** The categories whose heading (a short line starting with the category, after its numbering) the text has. */
export function categoriesPresent(lines: readonly string[]): SelfEvaluationCategory[] {
  const headings = lines
    .map((l) =>
      compactText(l)
        .replace(numbering, '')
        .replace(/^[、.．:：]/, ''),
    )
    .filter((l) => l.length > 0 && l.length <= 30);
  return (Object.entries(selfEvaluationCategories) as [SelfEvaluationCategory, { headings: readonly string[] }][])
    .filter(([, c]) =>
      headings.some((h) => c.headings.some((name) => h.startsWith(name.replace(/、/g, '')) || h.startsWith(name))),
    )
    .map(([key]) => key);
}

/**
 * SPEC §4 `QM_ORG`: a 自评报告 covers the seven GB/T 19580 categories. One SELF_EVALUATION_MISSING_CATEGORY (blocking)
 * per category no heading of the best readable version names; nothing to say about scans (OCR, issue #9) or absence.
 */
export function checkSelfEvaluation(reports: readonly ExtractedDocument[]): Finding[] {
  const readable = reports.filter((d) => d.readable && !isImageOnly(d)).sort(byPreference);
  if (readable.length === 0) return [];
  const scored = readable
    .map((doc) => ({ doc, present: categoriesPresent([...documentLines(doc)]) }))
    .sort((a, b) => b.present.length - a.present.length);
  const best = scored[0] as { doc: ExtractedDocument; present: SelfEvaluationCategory[] };
  return (Object.keys(selfEvaluationCategories) as SelfEvaluationCategory[])
    .filter((c) => !best.present.includes(c))
    .map((c) =>
      finding(
        'SELF_EVALUATION_MISSING_CATEGORY',
        'blocking',
        `自评报告缺少GB/T 19580-2012类目“${selfEvaluationCategories[c].name}”`,
        { file: best.doc.path, field: `selfEvaluation.${c}`, evidence: selfEvaluationCategories[c].name },
      ),
    );
}
