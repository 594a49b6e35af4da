import { type Finding, finding } from '../domain/findings/finding.js';
import type { PageText } from './document.js';

/**
 * SPEC §4: a marking is 绝密/机密/秘密 followed or preceded by ★ (e.g. "机密★5年"), such a word standing alone on a
 * line or in a header/stamp (also as "密级：机密"), or a 内部资料 / 涉密 stamp line — never the same words in prose
 * ("本材料不涉及国家秘密"). Findings carry only the marking token, never the text around it.
 */
const level = '(?:绝密|机密|秘密)';
const withStar = new RegExp(
  `${level}\\s*[★☆]\\s*(?:[0-9０-９一二三四五六七八九十]+\\s*(?:年|个月|月|日)|长期)?|[★☆]\\s*${level}`,
  'g',
);
const levelField = new RegExp(`密\\s*级\\s*[:：]?\\s*${level}`);
const bracketsAndSpace = /[\s　【】〔〕（）()[\]「」『』《》<>"'“”‘’*＊·•:：,，.。;；!！、_\-—]/g;
const standaloneLevel = new RegExp(`^${level}(?:级|文件)?$`);
const stampLine = /^(?:内部资料|涉密)(?:文件|材料|资料)?(?:注意保存|注意保密|严禁外传|请勿外传|妥善保管|不得外传)?$/;

export interface MarkingHit {
  token: string;
  page?: number;
  line?: number;
  inHeader: boolean;
}

/**
 * Every pattern needs a 密, except the 内部资料 stamp (which may be spaced out, "内 部 资 料"): lines with neither
 * character are ruled out without running the patterns.
 */
const mayHoldMarking = (text: string) => text.includes('密') || text.includes('内');

export function findMarkingsInLine(text: string): string[] {
  if (!mayHoldMarking(text)) return [];
  const tokens = [...text.matchAll(withStar)].map((m) => m[0].replace(/\s+/g, ''));
  const field = text.match(levelField);
  if (field) tokens.push(field[0].replace(/\s+/g, ''));
  const bare = text.replace(bracketsAndSpace, '');
  if (tokens.length === 0 && (standaloneLevel.test(bare) || stampLine.test(bare))) tokens.push(bare);
  return tokens;
}

export function scanClassifiedMarkings(pages: PageText[], headers: string[]): MarkingHit[] {
  const hits: MarkingHit[] = [];
  for (const page of pages)
    page.lines.forEach((text, i) => {
      for (const token of findMarkingsInLine(text)) hits.push({ token, page: page.page, line: i + 1, inHeader: false });
    });
  headers.forEach((text, i) => {
    for (const token of findMarkingsInLine(text)) hits.push({ token, line: i + 1, inHeader: true });
  });
  return hits;
}

export function classifiedMarkingFindings(file: string, pages: PageText[], headers: string[]): Finding[] {
  return scanClassifiedMarkings(pages, headers).map((hit) => {
    const where = hit.inHeader ? `header/footer line ${hit.line}` : `page ${hit.page}, line ${hit.line}`;
    return finding('CLASSIFIED_MARKING', 'blocking', `classification marking on ${where}`, {
      file,
      evidence: hit.token,
      source: hit.inHeader ? { file, line: hit.line } : { file, page: hit.page, line: hit.line },
    });
  });
}
