import { materialSignatures } from '../domain/campaign/materialCatalogue.js';
import { creditCodeAlphabet, validateCreditCode } from '../domain/validation/creditCode.js';
import { parseDate } from '../domain/validation/dates.js';
import { validateIdNumber } from '../domain/validation/idNumber.js';
import type { OcrLine } from '../extraction/ocrText.js';

/**
 * Post-OCR correction, only where the text has a known shape that proves the correction right; free text is never
 * touched (行业标兵 stays 行业标兵, 鉴定结论 stays 鉴定结论):
 * - the classification star: "机密★5年" comes out as "机密文5年" (★ is not in the chi_sim set); a 文, ☆ or asterisk
 *   right after 绝密/机密/秘密 and before a period ("5年", "长期"), or before the level at the start of a line, or after
 *   it on a line of its own, is a ★;
 * - an 18-character run shaped like a 统一社会信用代码 or a 居民身份证号, with letters OCR confuses with digits (O/0,
 *   I/1, Z/2, S/5, B/8): changed only when the changed run passes its check character (GB 32100 / GB 11643);
 * - a date (2O25年8月l日, 2025.O8.01) with such letters: changed only when it then is a real date;
 * - the title line of a document (`correctTitleLine`): a catalogue title word with one character misread
 *   ("推荐公出" for "推荐公函").
 * The raw text is kept beside the corrected one (OcrLine.raw).
 */
const starAfterLevel = /(绝密|机密|秘密)\s*[文☆*＊]\s*(?=[0-9０-９一二三四五六七八九十]+\s*(?:年|个月|月)|长期)/g;
const starBeforeLevel = /^[文☆*＊]\s*(?=绝密|机密|秘密)/;
const starAloneAfterLevel = /^(绝密|机密|秘密)\s*[文☆*＊]$/;

/** Letters (and look-alike marks) OCR reads where a digit was printed. */
const digitLookalikes: Record<string, string> = {
  O: '0',
  o: '0',
  D: '0',
  Q: '0',
  I: '1',
  l: '1',
  Z: '2',
  z: '2',
  S: '5',
  s: '5',
  B: '8',
};
/** Letters GB 32100-2015 never uses, read for the digit they resemble. */
const creditCodeLookalikes: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5' };

/** 18 code characters, possibly broken by single spaces or hyphens (a wide-spaced print). */
const codeRun = /(?<![0-9A-Za-z])[0-9A-Za-z](?:[ -]?[0-9A-Za-z]){17}(?![0-9A-Za-z])/g;

function correctCode(run: string): string | undefined {
  const compact = run.replace(/[ -]/g, '');
  if (compact.length !== 18 || validateCreditCode(compact).ok || validateIdNumber(compact).ok) return undefined;
  // Mostly digits, as both codes are: a run of words is not a misread code.
  if ((compact.match(/\d/g) ?? []).length < 10) return undefined;
  const upper = compact.toUpperCase();
  const asCreditCode = [...upper].map((c) => creditCodeLookalikes[c] ?? c).join('');
  if ([...asCreditCode].every((c) => creditCodeAlphabet.includes(c)) && validateCreditCode(asCreditCode).ok)
    return asCreditCode;
  const asId = [...compact.slice(0, 17)].map((c) => digitLookalikes[c] ?? c).join('') + compact.slice(17).toUpperCase();
  const last = asId.slice(17) === 'X' ? 'X' : (digitLookalikes[asId.slice(17)] ?? asId.slice(17));
  const id = asId.slice(0, 17) + last;
  if (validateIdNumber(id).ok) return id;
  return undefined;
}

const datePart = '[0-9OoDIlZzSB]';
const dateRun = new RegExp(
  `(?<![0-9A-Za-z])${datePart}{4}(?:\\s*年\\s*${datePart}{1,2}\\s*月\\s*${datePart}{1,2}\\s*[日号]|[.\\-/]${datePart}{1,2}[.\\-/]${datePart}{1,2}(?![0-9A-Za-z]))`,
  'g',
);

function correctDate(run: string): string | undefined {
  if (!/[^\d\s年月日号.\-/]/.test(run)) return undefined;
  // Two real digits in the year at least: a word of letters is not a misread date.
  if ((run.slice(0, 4).match(/\d/g) ?? []).length < 2) return undefined;
  const fixed = run.replace(/[OoDIlZzSB]/g, (c) => digitLookalikes[c] ?? c);
  const parsed = parseDate(fixed);
  return parsed.ok && parsed.precision === 'day' ? fixed : undefined;
}

/** The shape-checked corrections of one recognised line (see above). */
export function correctOcrLine(text: string): string {
  return text
    .replace(starAfterLevel, '$1★')
    .replace(starBeforeLevel, '★')
    .replace(starAloneAfterLevel, '$1★')
    .replace(codeRun, (run) => correctCode(run) ?? run)
    .replace(dateRun, (run) => correctDate(run) ?? run);
}

const vocabulary: string[] = [
  ...new Set(
    Object.values(materialSignatures)
      .flatMap((s) => s.titleKeywords)
      .filter((k) => [...k].length >= 4),
  ),
].sort((a, b) => [...b].length - [...a].length);

function oneSubstitution(window: readonly string[], keyword: readonly string[]): boolean {
  let diff = 0;
  for (let i = 0; i < keyword.length; i++) if (window[i] !== keyword[i] && ++diff > 1) return false;
  return diff === 1;
}

/**
 * A document's title line with a catalogue title word (4+ characters) misread in one character restored. For the
 * title line only: in running text the same rule would turn 行业标兵 into 行业标准.
 */
export function correctTitleLine(text: string): string {
  let out = text;
  for (const keyword of vocabulary) {
    if (out.includes(keyword)) continue;
    const chars = [...out];
    const key = [...keyword];
    for (let i = 0; i + key.length <= chars.length; i++)
      if (oneSubstitution(chars.slice(i, i + key.length), key)) {
        chars.splice(i, key.length, ...key);
        out = chars.join('');
        break;
      }
  }
  return out;
}

const cjk = /\p{Script=Han}/gu;

/**
 * Index of the title line among a first page's lines: the first line with 4+ Chinese characters and at most 40
 * characters (a short 附件2 or 机密★5年 line above it is not the title); -1 when none of the first five lines is.
 */
export function titleLineIndex(lines: readonly string[]): number {
  for (const [i, line] of lines.slice(0, 5).entries())
    if ((line.match(cjk) ?? []).length >= 4 && [...line].length <= 40) return i;
  return -1;
}

/** A first page's recognised lines with its title line corrected (`correctTitleLine`); other lines unchanged. */
export function correctTitle(lines: readonly OcrLine[]): OcrLine[] {
  const at = titleLineIndex(lines.map((l) => l.text));
  return lines.map((line, i) => {
    if (i !== at) return line;
    const text = correctTitleLine(line.text);
    return text === line.text ? line : { ...line, text, raw: line.raw ?? line.text };
  });
}
