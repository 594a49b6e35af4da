import { parseAdministrativeRank } from '../domain/application/administrativeRank.js';
import { parseOwnershipType } from '../domain/application/ownershipType.js';
import { parseDate } from '../domain/validation/dates.js';
import { parseStandardNumber } from '../domain/validation/standardNumber.js';
import { parseYesNo, readChoice } from './checkboxChoice.js';
import {
  choiceFields,
  type FieldKey,
  fieldOfNormalisedLabel,
  isLabelShaped,
  isOtherNormalisedLabel,
  labelStarts,
  normaliseLabel,
} from './formLabels.js';

/**
 * The layout layer of the form reader: one line of text — a paragraph, a Word table row flattened with tabs, a line
 * of a Word table converted to PDF, an OCR line, a line inside a cell — as label/value pairs. Labels are found by the
 * lexicon (`formLabels`), whatever separates them from their values: a colon, a tab, a run of spaces or U+3000, a
 * single space, nothing at all (a glued value must then have the field's shape), or a line break (label above).
 */

/** A value read from one line; `glued` when no separator stood between label and value. */
export interface LineField {
  key: FieldKey;
  label: string;
  value: string;
  glued: boolean;
}

/** A field read from a block of lines, with the 0-based index of the line its value is on. */
export interface BlockField extends LineField {
  line: number;
}

interface Token {
  start: number;
  end: number;
  /** Normalised for label look-up (`normaliseLabel`, leading numbering removed). */
  norm: string;
  colonAfter: boolean;
  /** A tab or ≥ 2 blanks before the token: a cell boundary. */
  strongBefore: boolean;
  /** Index of the cell-like segment (split at tabs and runs of ≥ 2 blanks). */
  segment: number;
}

interface Hit {
  /** undefined: a label of the forms that no field reads (性别 …): it only ends the value before it. */
  key: FieldKey | undefined;
  first: number;
  last: number;
  label: string;
  /** A label glued to its value in one token: the value read with it. */
  glued?: string;
}

/** Longest label, in normalised characters, and how many tokens a spaced-out label ("姓 名") may span. */
const longestLabel = 40;
const maxLabelTokens = 12;
/** A value on the line below its label is a short line, not a paragraph. */
const longestValueBelow = 100;

const blank = /\s/;
const leadingNumbering = /^(?:[(（]?[一二三四五六七八九十\d０-９]{1,3}[)）、.．]|[①-⑳])/;
const cjk = /[\u3400-\u9fff]/;

function tokenise(line: string): Token[] {
  const tokens: Token[] = [];
  let segment = 0;
  let strong = false;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const ch = line[i] as string;
    if (blank.test(ch)) {
      let j = i;
      let tabs = 0;
      while (j < n && blank.test(line[j] as string)) {
        if (line[j] === '\t') tabs++;
        j++;
      }
      if (tabs > 0 || j - i >= 2) {
        strong = true;
        segment += Math.max(tabs, 1);
      }
      i = j;
      continue;
    }
    if (isColon(line, i)) {
      const last = tokens[tokens.length - 1];
      if (last) last.colonAfter = true;
      i++;
      continue;
    }
    let j = i;
    while (j < n && !blank.test(line[j] as string) && !isColon(line, j)) j++;
    const raw = line.slice(i, j);
    tokens.push({
      start: i,
      end: j,
      norm: normaliseLabel(raw.replace(leadingNumbering, '')),
      colonAfter: false,
      strongBefore: strong,
      segment,
    });
    strong = false;
    i = j;
  }
  return tokens;
}

/** A colon separating a label, not the one of "ISO 9001:2015", "10:30" or "http://". */
function isColon(line: string, i: number): boolean {
  const ch = line[i];
  if (ch === '：' || ch === '︰') return true;
  if (ch !== ':') return false;
  const before = line[i - 1] ?? '';
  const after = line[i + 1] ?? '';
  return !((/\d/.test(before) && /\d/.test(after)) || after === '/');
}

/** The longest label (one or more tokens, no colon inside) starting at token i. */
function labelAt(tokens: Token[], i: number): Hit | undefined {
  const start = tokens[i] as Token;
  if (start.norm === '' || !labelStarts.has(start.norm[0] as string)) return undefined;
  let joined = '';
  let best: Hit | undefined;
  for (let j = i; j < tokens.length && j < i + maxLabelTokens; j++) {
    if (j > i && (tokens[j - 1] as Token).colonAfter) break;
    joined += (tokens[j] as Token).norm;
    if (joined.length > longestLabel) break;
    const key = fieldOfNormalisedLabel(joined);
    if (key || isOtherNormalisedLabel(joined)) best = { key, first: i, last: j, label: '' };
  }
  return best;
}

/** Fields holding a name or a title: a value without a letter (a date, a number) is not theirs. */
const nameFields = new Set<FieldKey>([
  'organisationName',
  'legalRepresentative',
  'personName',
  'employer',
  'position',
  'standardName',
  'recommendingUnit',
  'contactName',
  'industry',
]);
const creditCodeShape = /^[0-9A-Z]{18}$/;
const idNumberShape = /^(?:\d{17}[\dX]|\d{15})$/;
const dateFields = new Set<FieldKey>([
  'establishedDate',
  'qualityWorkStartDate',
  'jilinQualityWorkStartDate',
  'publicationDate',
  'implementationDate',
  'publicDeclarationDate',
]);

/** Fields whose values have a recognisable shape: such a value may be read even glued to its label. */
export function hasShape(key: FieldKey): boolean {
  return (
    dateFields.has(key) ||
    ['creditCode', 'idNumber', 'standardNumber', 'contactPhone', 'contactMobile', 'contactEmail'].includes(key)
  );
}

/** Whether a value has its field's shape (true for fields without one). */
export function valueFits(key: FieldKey, value: string): boolean {
  const compact = value.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  if (key === 'creditCode') return creditCodeShape.test(compact);
  if (key === 'idNumber') return idNumberShape.test(compact);
  if (dateFields.has(key)) return parseDate(value).ok;
  if (key === 'standardNumber') return parseStandardNumber(value).ok;
  if (key === 'contactPhone' || key === 'contactMobile') return /^\+?[\d()\-—/、,，]{7,}$/.test(compact);
  if (key === 'contactEmail') return /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(compact);
  if (nameFields.has(key)) return /[\p{L}]/u.test(compact.replace(/[年月日]/g, ''));
  return true;
}

/** A written (unboxed) answer that reads as one for this choice field: 是/否, a known ownership, rank or standard type. */
function writtenAnswer(key: FieldKey, value: string): boolean {
  const text = value.trim();
  if (text.length > 20) return false;
  if (key === 'ownershipType') return parseOwnershipType(text) !== undefined;
  if (key === 'administrativeRank') return parseAdministrativeRank(text) !== undefined;
  if (key === 'standardType') return /^(国际|国家|行业|地方|团体|企业)标准$/.test(text);
  return parseYesNo(text) !== undefined;
}

/** A glued value is taken only when it cannot be prose: a shaped value, or a tick-box / written choice answer. */
function gluedValueFits(key: FieldKey, value: string): boolean {
  if (choiceFields.has(key)) return readChoice(value).boxed || writtenAnswer(key, value);
  return hasShape(key) && valueFits(key, value);
}

/** Placeholders of an unfilled form: underscores, dashes, slashes. */
const placeholderOnly = /^[_＿\-—–/／\\.。·…\s]*$/;

/** Person names padded to the width of three characters ("张　三"): the space is not part of the name. */
const personNameFields = new Set<FieldKey>(['personName', 'legalRepresentative', 'contactName']);

/**
 * A value as kept: NFKC, one space at most, no leading colon or placeholder; a person's name without the padding
 * between its characters. Other values keep their spaces ("汽车零部件质量追溯体系 要求" is a standard's title).
 */
export function cleanValue(text: string, key?: FieldKey): string {
  let value = text
    .normalize('NFKC')
    .replace(/^[\s:：]+/, '')
    .replace(/_{2,}/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (key && personNameFields.has(key)) value = value.replace(/([\u3400-\u9fff]) (?=[\u3400-\u9fff])/g, '$1');
  return placeholderOnly.test(value) ? '' : value;
}

interface LineReading {
  fields: LineField[];
  /** The line holds labels only (a header row of a label-above layout): each with its segment. */
  labelRow?: { key: FieldKey | undefined; label: string; segment: number }[];
  /** Segments (tab / wide-gap separated) of the line, empty ones included. */
  segments: string[];
  /** Whether any label (read or not) starts a pair on the line. */
  hasLabel: boolean;
}

function segmentsOf(line: string): string[] {
  return line.split(/\t|[^\S\t]{2,}/);
}

/**
 * Reads the label/value pairs of one line. A label is accepted at the start of the line, after a cell boundary (tab,
 * wide gap), before a colon, or after another accepted label; a value runs to the next label, the next cell boundary
 * (choice answers may span several boxed cells), or an unknown `标签：` label.
 */
export function readLine(line: string): LineReading {
  const tokens = tokenise(line);
  const reading: LineReading = { fields: [], segments: segmentsOf(line), hasLabel: false };
  if (tokens.length === 0) return reading;
  const hits: Hit[] = [];
  let leading = true;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const accepted = leading || token.strongBefore || hits.length > 0;
    leading &&= token.norm === '';
    const hit = labelAt(tokens, i);
    if (hit && (accepted || (tokens[hit.last] as Token).colonAfter)) {
      hit.label = line.slice(token.start, (tokens[hit.last] as Token).end).replace(leadingNumbering, '');
      hits.push(hit);
      i = hit.last;
      continue;
    }
    if (!accepted || token.colonAfter) continue;
    const glued = gluedAt(line, tokens, i);
    if (glued.length > 0) {
      hits.push(...glued);
      i = (glued[glued.length - 1] as Hit).last;
    }
  }
  reading.hasLabel = hits.length > 0;
  hits.forEach((hit, h) => {
    if (!hit.key) return;
    if (hit.glued !== undefined) {
      reading.fields.push({ key: hit.key, label: hit.label, value: hit.glued, glued: true });
      return;
    }
    const value = valueTokens(line, tokens, hit, hits[h + 1]?.first ?? tokens.length);
    const text = value ? cleanValue(value.text, hit.key) : '';
    if (text) reading.fields.push({ key: hit.key, label: hit.label, value: text, glued: false });
  });
  const covered = new Set(hits.flatMap((h) => range(h.first, h.last)));
  if (
    hits.length > 0 &&
    reading.fields.length === 0 &&
    hits.every((h) => h.glued === undefined) &&
    tokens.every((t, i) => covered.has(i) || t.norm === '')
  )
    reading.labelRow = hits.map((h) => ({ key: h.key, label: h.label, segment: (tokens[h.first] as Token).segment }));
  return reading;
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** Glued tokens longer than this are prose, not a run of form pairs. */
const longestGluedToken = 120;

/**
 * Labels glued to their values in one token, as PDF text without gaps reads: "统一社会信用代码91220101…",
 * "是否为统战人士是（√）否（）", "单位名称吉林省某某有限公司成立时间2008年5月". A value ends where the next label (of three
 * characters or more) begins. A value must have its field's shape (or be a choice answer); a name or title is taken
 * only between two labels, when a shaped pair on the same token shows that this is a form line.
 */
function gluedAt(line: string, tokens: Token[], i: number): Hit[] {
  const token = tokens[i] as Token;
  if (token.norm.length < 3 || token.end - token.start > longestGluedToken || !labelStarts.has(token.norm[0] as string))
    return [];
  const whole = line.slice(token.start, token.end);
  const base = token.start + whole.length - whole.replace(leadingNumbering, '').length;
  const raw = line.slice(base, token.end);
  let norm = '';
  const rawAt: number[] = [];
  for (let r = 0; r < raw.length; r++)
    for (const ch of normaliseLabel(raw[r] as string)) {
      rawAt.push(r);
      norm += ch;
    }
  rawAt.push(raw.length);
  const labelFrom = (k: number, shortest: number) => {
    for (let length = Math.min(norm.length - k, longestLabel); length >= shortest; length--) {
      const label = norm.slice(k, k + length);
      const key = fieldOfNormalisedLabel(label);
      if (key || (k > 0 && isOtherNormalisedLabel(label))) return { key, length };
    }
    return undefined;
  };
  type Found = NonNullable<ReturnType<typeof labelFrom>>;
  const pairs: { key: FieldKey | undefined; labelStart: number; valueStart: number; valueEnd: number }[] = [];
  let at = 0;
  let found = labelFrom(0, 2);
  if (!found?.key || found.length === norm.length) return [];
  while (found) {
    const valueStart = at + found.length;
    let next: { at: number; found: Found } | undefined;
    for (let q = valueStart; q < norm.length - 1 && !next; q++) {
      const label = labelStarts.has(norm[q] as string) ? labelFrom(q, 3) : undefined;
      if (label) next = { at: q, found: label };
    }
    pairs.push({ key: found.key, labelStart: at, valueStart, valueEnd: next?.at ?? norm.length });
    at = next?.at ?? norm.length;
    found = next?.found;
  }
  const rawIndex = (k: number) => base + (rawAt[k] as number);
  // Several labels, or a shaped value, on one token: a form line, where a name or title may be taken too.
  const formLine =
    pairs.filter((p) => p.key).length >= 2 ||
    pairs.some(
      (p) => p.key && hasShape(p.key) && valueFits(p.key, line.slice(rawIndex(p.valueStart), rawIndex(p.valueEnd))),
    );
  const hits: Hit[] = [];
  for (const [n, pair] of pairs.entries()) {
    if (pair.valueStart === pair.valueEnd) continue;
    const lastPair = n === pairs.length - 1;
    const key = pair.key;
    // A choice answer at the end runs to the end of its segment ("是否具有法人资格☑是 □否").
    let last = lastPair && key && choiceFields.has(key) ? segmentLast(tokens, i) : i;
    let value = line.slice(rawIndex(pair.valueStart), lastPair ? (tokens[last] as Token).end : rawIndex(pair.valueEnd));
    if (!key) continue;
    // A shaped value may hold a space ("T/JLAS 012-2021" glued as "标准编号T/JLAS 012-2021"): up to the cell's end.
    if (lastPair && hasShape(key) && !valueFits(key, value)) {
      const wider = line.slice(rawIndex(pair.valueStart), (tokens[segmentLast(tokens, i)] as Token).end);
      if (valueFits(key, wider)) {
        last = segmentLast(tokens, i);
        value = wider;
      }
    }
    const fits =
      gluedValueFits(key, value) ||
      (formLine &&
        !hasShape(key) &&
        !choiceFields.has(key) &&
        value.length >= 2 &&
        value.length <= longestLabel &&
        valueFits(key, value));
    if (!fits) break;
    const label = line.slice(n === 0 ? token.start : rawIndex(pair.labelStart), rawIndex(pair.valueStart));
    hits.push({ key, first: i, last, label, glued: cleanValue(value, key) });
  }
  return hits;
}

function segmentLast(tokens: Token[], i: number): number {
  let j = i;
  while (j + 1 < tokens.length && !(tokens[j + 1] as Token).strongBefore) j++;
  return j;
}

function valueTokens(line: string, tokens: Token[], hit: Hit, next: number): { text: string } | undefined {
  const first = hit.last + 1;
  let last = first - 1;
  const choice = hit.key !== undefined && choiceFields.has(hit.key);
  for (let k = first; k < next; k++) {
    const token = tokens[k] as Token;
    if (k > first && token.strongBefore) {
      // Choice answers may sit in several cells ("☑国有企业\t□民营企业").
      const segment = line.slice(token.start, (tokens[segmentLast(tokens, k)] as Token).end);
      if (!(choice && readChoice(segment).boxed)) break;
    }
    if (token.colonAfter && k > first && cjk.test(token.norm) && token.norm.length <= 12) break;
    if (token.colonAfter && k === first && (tokens[hit.last] as Token).colonAfter && cjk.test(token.norm)) break;
    last = k;
  }
  if (last < first) return undefined;
  return { text: line.slice((tokens[first] as Token).start, (tokens[last] as Token).end) };
}

/**
 * Reads a block of lines (a page, or the lines of one cell): the pairs of every line, and values on the line below a
 * line of labels only — one label: the whole next line; several: cell by cell when both lines have as many cells.
 */
export function readLines(lines: readonly string[]): BlockField[] {
  const out: BlockField[] = [];
  let previous: LineReading | undefined;
  lines.forEach((line, index) => {
    const reading = readLine(line);
    out.push(...reading.fields.map((f) => ({ ...f, line: index })));
    const above = previous?.labelRow;
    // A line shaped like a label the lexicon does not know is the next label, not this one's value.
    if (above && !reading.hasLabel && line.trim() !== '' && !isLabelShaped(line))
      out.push(...valuesBelow(above, previous as LineReading, reading, line).map((f) => ({ ...f, line: index })));
    previous = reading;
  });
  return out;
}

function valuesBelow(
  labels: NonNullable<LineReading['labelRow']>,
  header: LineReading,
  reading: LineReading,
  line: string,
): LineField[] {
  const fields: LineField[] = [];
  const keep = (key: FieldKey | undefined, label: string, text: string) => {
    const value = key ? cleanValue(text, key) : '';
    if (key && value && valueFits(key, value) && !isLabelShaped(value))
      fields.push({ key, label, value, glued: false });
  };
  if (labels.length === 1) {
    const only = labels[0] as (typeof labels)[number];
    const text = line.trim();
    if (text.length <= longestValueBelow && !/[。；;]$/.test(text)) keep(only.key, only.label, text);
    return fields;
  }
  const ownSegments = new Set(labels.map((l) => l.segment)).size === labels.length;
  if (ownSegments && header.segments.length === reading.segments.length) {
    for (const label of labels) keep(label.key, label.label, reading.segments[label.segment] ?? '');
    return fields;
  }
  // Empty cells vanish in PDF text: cell by cell in order, or word by word when the cells are one space apart.
  const cells = reading.segments.filter((s) => s.trim() !== '');
  const words = line.trim().split(/\s+/);
  const values = ownSegments && cells.length === labels.length ? cells : words.length === labels.length ? words : [];
  labels.forEach((label, i) => {
    if (values.length > 0) keep(label.key, label.label, values[i] ?? '');
  });
  return fields;
}
