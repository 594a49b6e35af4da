import { type MaterialSignature, materialSignatures } from '../domain/campaign/materialCatalogue.js';
import { type MaterialType, materialTypes } from '../domain/materials/materialType.js';
import type { Table } from './document.js';
import { recommendationPointsCovered } from './recommendationLetterReader.js';

export interface Classification {
  type: MaterialType;
  reason: string;
  /** Further materials the same document holds (the SI 申报书's 征求意见表 section, a combined PDF …). */
  additionalMaterials?: MaterialType[];
}

/** Spaces (ASCII and full-width) and punctuation vanish, so "申 报 表" and "申报表（" match "申报表". */
export function compactForMatch(text: string): string {
  return text.replace(/[\s\u3000_\-—·•.。,，:：;；()（）[\]【】《》<>"'“”‘’]/g, '');
}

/** The first lines of a document that can be its title or headings. */
export function titleLines(lines: string[], count = 8): string[] {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '' && l.length <= 60)
    .slice(0, count);
}

/** What the classifier reads: the document's pages (a Word flow is one page) and, when known, its tables. */
export interface ClassifiableContent {
  pages: readonly { lines: readonly string[] }[];
  /** The tables of a Word document: their cells are not headings. Absent or empty for PDFs and scans. */
  tables?: readonly Pick<Table, 'rows'>[];
}

type Signatures = Partial<Record<MaterialType, MaterialSignature>>;
type Entry = [MaterialType, MaterialSignature];

const key = (text: string) => compactForMatch(text.normalize('NFKC'));
const keywordKeys = new Map<string, string>();
/** A keyword's match key, computed once (keywords are few, lines many). */
const kw = (keyword: string) => {
  let k = keywordKeys.get(keyword);
  if (k === undefined) {
    k = key(keyword);
    keywordKeys.set(keyword, k);
  }
  return k;
};
const annexLabel = /^附件\s*[0-9一二三四五六七八九十]{1,2}(?:\s*[-—－]\s*[0-9]{1,2})?\s*(?:[:：、.．\s-]+|$)/;
/** 1. 1、 (1) ① … : an item of a list, not a heading. */
const arabicItem = /^[(（]?\s*[0-9]{1,2}\s*(?:[)）.、．]|\s(?=\D))|^[①-⑳]/;
/** 一、 （一） 第一部分: the numbering of a section heading. */
const sectionNumber =
  /^(?:第[一二三四五六七八九十\d]{1,3}[部章节篇]分?|[(（][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])\s*/;
/** Dot leaders or a page number after a gap: a table-of-contents line. */
const tocLine = /(?:\.{3,}|…+|·{3,}|-{4,}|_{4,})\s*\d*\s*$|\S\s{2,}\d{1,3}$/;
/** `标签：值`: a form field, not a heading (a label with nothing after it may be a title with a stray colon). */
const labelLine = /^[^:：]{1,20}[:：]\s*\S/;
const prose = /[。，,;；！？]/;
const pageNumber = /^(?:[-—\s]*\d+[-—\s]*|第\s*\d+\s*页.*|\d+\s*\/\s*\d+)$/;
const awardPrefix = /^吉林省质量奖(?:质量管理|标准创新)?/;

/** The line as a heading candidate (annex label and section numbering stripped), or undefined when it is no heading. */
function asHeading(raw: string, allowSectionNumber: boolean): string | undefined {
  if (raw.length > 80 || prose.test(raw)) return undefined;
  const line = raw.normalize('NFKC').trim().replace(annexLabel, '').trim();
  if (line === '' || line.includes('\t') || prose.test(line) || tocLine.test(line) || pageNumber.test(line))
    return undefined;
  if (arabicItem.test(line)) return undefined;
  let text = line;
  if (sectionNumber.test(line)) {
    if (!allowSectionNumber) return undefined;
    text = line.replace(sectionNumber, '');
  }
  if (labelLine.test(text)) return undefined;
  const compact = key(text);
  return compact.length >= 2 && compact.length <= 50 ? compact : undefined;
}

interface TitleMatch {
  type: MaterialType;
  keyword: string;
  score: number;
  /** Index of the heading the keyword was found in (0: the first heading). */
  rank: number;
}

/** A keyword's weight as a title: longer is more specific; the end of a title names its kind (…的公示, …同意书). */
function titleScore(candidate: string, keyword: string, rank: number): number {
  const k = kw(keyword);
  return 100 + 10 * k.length + (candidate.endsWith(k) ? 40 : 0) - 15 * rank;
}

/** The best title keyword of each material in the title candidates (headings, and pairs of adjacent ones). */
function titleMatches(headings: { text: string; line: number }[], entries: Entry[]): Map<MaterialType, TitleMatch> {
  const candidates: { text: string; rank: number }[] = [];
  headings.forEach((h, rank) => {
    candidates.push({ text: h.text, rank });
    const next = headings[rank + 1];
    if (next && next.line === h.line + 1) candidates.push({ text: h.text + next.text, rank });
  });
  const best = new Map<MaterialType, TitleMatch>();
  for (const c of candidates)
    for (const [type, signature] of entries)
      for (const keyword of signature.titleKeywords) {
        const k = kw(keyword);
        if (!k || !c.text.includes(k)) continue;
        const score = titleScore(c.text, keyword, c.rank);
        if (score > (best.get(type)?.score ?? 0)) best.set(type, { type, keyword, score, rank: c.rank });
      }
  return best;
}

/** The best file-name keyword of each material; a bare annex number (附件5) is weak, clerks number annexes freely. */
function nameMatches(fileName: string, entries: Entry[]): Map<MaterialType, TitleMatch> {
  const base = fileName.split('/').pop() ?? fileName;
  const stem = key(base.replace(/\.[^.]+$/, '').replace(/^\s*\d{1,3}(?=\D)/, ''));
  const best = new Map<MaterialType, TitleMatch>();
  for (const [type, signature] of entries)
    for (const keyword of [...signature.fileNameKeywords, ...signature.titleKeywords]) {
      const k = kw(keyword);
      if (!k || !stem.includes(k)) continue;
      const score = /^附件\d+$/.test(k) ? 12 : 20 + 5 * k.length;
      if (score > (best.get(type)?.score ?? 0)) best.set(type, { type, keyword, score, rank: 0 });
    }
  return best;
}

/** Markers of a material's content; two or more found give weak evidence (below any file-name keyword). */
function contentMatches(allText: string, entries: Entry[]): Map<MaterialType, { markers: string[]; score: number }> {
  const out = new Map<MaterialType, { markers: string[]; score: number }>();
  for (const [type, signature] of entries) {
    const markers = (signature.contentKeywords ?? []).filter((m) => allText.includes(kw(m)));
    if (markers.length >= 2) out.set(type, { markers, score: Math.min(28, 7 * markers.length) });
  }
  return out;
}

/** How many lines of the opening content and structure are read from. */
const openingLines = 400;

const listTitles = ['申报材料清单', '申报材料目录', '材料清单', '材料目录', '目录', '清单'];
const materialWords = /材料|证明|报告|文本|申报书|申报表|汇总表|清单|意见|证书|执照|同意书|声明|公示|结论|说明|框架图/;

/** Whether an item line (numbering stripped) names a material. */
function namesMaterial(item: string, entries: Entry[]): boolean {
  if (materialWords.test(item)) return true;
  return entries.some(([, s]) =>
    [...s.titleKeywords, ...s.fileNameKeywords].some((k) => kw(k).length >= 2 && item.includes(kw(k))),
  );
}

/**
 * A list of materials (申报材料清单, 材料目录): a list title among the first headings, then numbered items (lines or
 * table rows) each naming a material, and fewer form fields than items. Returns the title and the item count.
 */
function materialList(
  headings: { text: string; line: number }[],
  lines: string[],
  tables: readonly Pick<Table, 'rows'>[],
  entries: Entry[],
  titles: Map<MaterialType, TitleMatch>,
): { title: string; items: number } | undefined {
  const titleIndex = headings.slice(0, 3).findIndex((h) => listTitles.some((t) => h.text === t || h.text.endsWith(t)));
  const title = headings[titleIndex];
  if (!title) return undefined;
  // A report's cover title before its 目录: the list is that report's table of contents.
  if ([...titles.values()].some((m) => m.type !== 'SI_MATERIAL_LIST' && m.rank < titleIndex)) return undefined;
  let items = 0;
  let fields = 0;
  for (const raw of lines.slice(title.line + 1)) {
    const line = raw.normalize('NFKC').trim();
    if (line === '') continue;
    const cells = line.split('\t').map((c) => c.trim());
    const first = cells[0] ?? '';
    const numbered = arabicItem.test(line) || (/^\d{1,2}$/.test(first) && cells.length > 1);
    const text = key(
      numbered ? (/^\d{1,2}$/.test(first) ? cells.slice(1).join('') : line.replace(arabicItem, '')) : line,
    );
    if (numbered && namesMaterial(text, entries)) items++;
    else if (!numbered && !/[:：]$/.test(line) && headings.some((h) => h.text === text) && namesMaterial(text, entries))
      items++;
    else if (labelLine.test(line)) fields++;
  }
  // Word tables: rows whose first cell is a number and whose other cells name a material.
  if (items === 0)
    for (const table of tables)
      for (const row of table.rows)
        if (
          /^\d{1,2}$/.test((row[0]?.text ?? '').trim()) &&
          namesMaterial(
            key(
              row
                .slice(1)
                .map((c) => c.text)
                .join(''),
            ),
            entries,
          )
        )
          items++;
  return items >= 2 && items > fields ? { title: title.text, items } : undefined;
}

const standardNumberLine =
  /^(?:GB(?:\/[TZ])?|DB\s*\d{2}(?:\/T)?|[A-Z]{2,3}(?:\/[TZ])?|T\/[A-Z0-9]{2,}|Q\/[A-Z0-9]{2,})\s*\d+(?:\.\d+)*\s*[-—–]\s*\d{4}$/;

/** A standard's official text: its number alone on a cover line beside 发布/实施, or a 前言 naming 起草人. */
function standardStructure(firstPage: string[], all: string[]): string | undefined {
  const cover = firstPage.slice(0, 15).map((l) => l.normalize('NFKC').trim());
  const number = cover.find((l) => standardNumberLine.test(l));
  const issued =
    cover.some((l) => l.includes('发布') && l.includes('实施')) ||
    cover.some((l) => /(?:国家|地方|行业|团体|企业)标准$/.test(key(l)));
  if (number && issued) return `standard number 「${number}」 on the cover`;
  const text = all.join('\n');
  if (all.some((l) => key(l) === '前言') && /起草人/.test(text) && /本(?:文件|标准)/.test(text))
    return '前言 naming the 起草人';
  return undefined;
}

/** The provincial award office (or the provincial market regulator) as the addressee of a letter. */
const provincialAddressee = /^(?:吉林)?省.{0,30}(?:办公室|市场监督管理局|领导小组)[:：]$/;
/** One person recommended by name (张三同志), not the 负责同志 / 领导同志 of a working group. */
const personNamed = /([\u4e00-\u9fa5]{2,4})同志|(?:本|我)单位(?:职工|员工)|所在单位/g;
const notAName = /(?:负责|领导|有关|相关|其他|各位|广大|全体|的|等)$/;

/**
 * Who writes a recommendation (关于推荐… says what is recommended, not by whom): the recommending unit's 推荐公函 is
 * addressed to the provincial office and covers its recommendation work (the notice's eight points, several
 * applicants); the employer's opinion (所在单位推荐意见) recommends one person of its own staff.
 */
function recommendationAuthor(lines: readonly string[]): { type: MaterialType; why: string } | undefined {
  const trimmed = lines.map((l) => l.normalize('NFKC').replace(/[\s\u3000]/g, '')).filter((l) => l !== '');
  const addressee = trimmed.slice(0, 8).find((l) => provincialAddressee.test(l));
  if (addressee) return { type: 'RECOMMENDATION_LETTER', why: `addressed to 「${addressee.replace(/[:：]$/, '')}」` };
  const points = recommendationPointsCovered(lines);
  if (points.length >= 4)
    return { type: 'RECOMMENDATION_LETTER', why: `reports ${points.length} of the eight points of a 推荐公函` };
  const person = [...trimmed.join('').matchAll(personNamed)].find((m) => !notAName.test(m[1] ?? ''));
  if (person) return { type: 'EMPLOYER_RECOMMENDATION', why: `an opinion on one person (「${person[0]}」)` };
  return undefined;
}

const departmentRow = /^[\u4e00-\u9fa5]{2,10}(?:部门|局|厅|委员会)\s*[(（][^)）]{2,30}[)）]/;

/** Rows of a 征求意见表: a table (or lines) with one row per department and an opinion column or line. */
function consultationRows(lines: string[], tables: readonly Pick<Table, 'rows'>[]): boolean {
  for (const table of tables) {
    const texts = table.rows.map((r) => r.map((c) => c.text.normalize('NFKC')).join('\t'));
    const departments = texts.filter((t) => departmentRow.test(t.trim()) || /^[^\t]{0,10}部门/.test(t)).length;
    if (departments >= 2 && texts.some((t) => t.includes('意见'))) return true;
  }
  const rows = lines.filter(
    (l) => l.length < 80 && /[(（]/.test(l) && departmentRow.test(l.normalize('NFKC').trim()),
  ).length;
  return rows >= 2 && lines.some((l) => l.includes('意见'));
}

/** Types the SI 申报书 (附件4) holds by the notice's own layout: section 六 is the consultation form. */
const sectionsOf: Partial<Record<MaterialType, { type: MaterialType; headings: string[] }[]>> = {
  SI_APPLICATION_FORM: [
    { type: 'CONSULTATION_FORM', headings: ['征求有关部门意见表', '征求意见表', '征求有关部门意见'] },
  ],
};

interface Scored {
  type: MaterialType;
  score: number;
  title?: TitleMatch;
  name?: TitleMatch;
  content?: string[];
  structure?: string;
}

function reasonOf(best: Scored, runnerName: TitleMatch | undefined): string {
  if (best.structure && !best.title)
    return `${best.structure}${best.name ? ` (file name contains 「${best.name.keyword}」)` : ''}`;
  if (best.title && best.structure) return `title contains 「${best.title.keyword}」 and ${best.structure}`;
  if (best.title && best.name) return `file name and title contain 「${best.title.keyword}」`;
  if (best.title)
    return `title contains 「${best.title.keyword}」${runnerName ? ` (file name suggested 「${runnerName.keyword}」)` : ''}`;
  if (best.name) return `file name contains 「${best.name.keyword}」`;
  return `content names 「${(best.content ?? []).join('」「')}」`;
}

/**
 * Materials that are also boxes or rows of a form (the 个人申报表's 所在单位推荐意见 box …): a heading alone is not
 * enough, the page must carry written text under it.
 */
const formSections = new Set<MaterialType>(['EMPLOYER_RECOMMENDATION', 'PUBLICITY_EVIDENCE', 'CONSULTATION_FORM']);
const hasProse = (lines: readonly string[]) => lines.some((l) => prose.test(l) && key(l).length > 10);

/** Headings that open a later page, or stand alone in a Word flow, naming another material: a document holding several. */
function furtherMaterials(
  primary: MaterialType,
  pages: readonly { lines: readonly string[] }[],
  tables: readonly Pick<Table, 'rows'>[],
  titleEnd: number,
  entries: Entry[],
): { type: MaterialType; why: string }[] {
  const found = new Map<MaterialType, string>();
  const cellTexts = new Set(tables.flatMap((t) => t.rows.flatMap((r) => r.map((c) => key(c.text)))));
  const matchHeading = (heading: string): { type: MaterialType; keyword: string } | undefined => {
    const text = heading.replace(awardPrefix, '');
    let best: { type: MaterialType; keyword: string } | undefined;
    for (const [type, signature] of entries)
      for (const keyword of signature.titleKeywords) {
        const k = kw(keyword).replace(awardPrefix, '');
        if (k.length < 4 || !text.includes(k) || k.length < 0.7 * text.length) continue;
        if (!best || k.length > kw(best.keyword).length) best = { type, keyword };
      }
    return best;
  };
  const add = (type: MaterialType, why: string) => {
    if (type !== primary && type !== 'UNCLASSIFIED' && !found.has(type)) found.set(type, why);
  };
  // A later page whose first headings name a material: a combined PDF (申报表 + 自评报告 …).
  pages.forEach((page, index) => {
    if (index === 0) return;
    const top = page.lines.filter((l) => l.trim() !== '').slice(0, 4);
    for (const line of top) {
      const heading = asHeading(line, true);
      const match = heading ? matchHeading(heading) : undefined;
      if (match && formSections.has(match.type) && !hasProse(page.lines)) break;
      if (match) {
        add(match.type, `page ${index + 1} is headed 「${match.keyword}」`);
        break;
      }
    }
  });
  // A Word flow: a paragraph (not a table cell) after the title that is a material's title.
  const flow = pages.length === 1 && tables.length > 0 ? (pages[0]?.lines ?? []) : [];
  for (const [i, line] of flow.entries()) {
    if (i <= titleEnd) continue;
    const heading = asHeading(line, true);
    if (!heading || cellTexts.has(heading)) continue;
    const match = matchHeading(heading);
    if (match && !formSections.has(match.type)) add(match.type, `heading 「${line.trim()}」`);
  }
  const all = pages.flatMap((p) => p.lines);
  for (const section of sectionsOf[primary] ?? []) {
    const line = all.find((l, i) => {
      if (i <= titleEnd) return false;
      const heading = asHeading(l, true);
      return heading !== undefined && section.headings.some((h) => heading.replace(awardPrefix, '') === kw(h));
    });
    if (line) add(section.type, `section 「${line.trim()}」`);
  }
  if (consultationRows(all, tables)) add('CONSULTATION_FORM', 'a table with one row per department and its opinion');
  return [...found].map(([type, why]) => ({ type, why }));
}

/**
 * Material type of a document by evidence (SPEC §4, notice 七): its title (the first headings of page 1, annex labels
 * such as 附件4 above it and spaced or two-line titles allowed; a table of contents, list items and form fields are no
 * title), its file name, its structure (a list of materials, a standard's cover or 前言, a table of department opinions)
 * and its content. The title outweighs a file name, which outweighs content; a list of materials stays a list whatever
 * it names. A document may hold more materials than its primary one (`additionalMaterials`): the SI 申报书's
 * 征求意见表 section, a combined PDF whose later page opens with another material's title.
 *
 * `content` is either the document (pages and, for Word, tables) or, as before, its first lines.
 */
export function classifyMaterial(
  fileName: string,
  content: readonly string[] | ClassifiableContent,
  signatures: Signatures = materialSignatures,
): Classification {
  const doc: ClassifiableContent = Array.isArray(content)
    ? { pages: [{ lines: content as readonly string[] }] }
    : (content as ClassifiableContent);
  const entries = Object.entries(signatures) as Entry[];
  const tables = doc.tables ?? [];
  const firstPage = [...(doc.pages[0]?.lines ?? [])];
  const allLines = doc.pages.flatMap((p) => [...p.lines]);
  // Content and structure are judged on the opening (a form, list or cover says what it is in its first pages).
  const opening = allLines.slice(0, openingLines);
  const allText = key(opening.join(''));

  // Title region: the headings among the first non-empty lines of page 1.
  const headings: { text: string; line: number }[] = [];
  let seen = 0;
  let titleEnd = -1;
  for (const [i, line] of firstPage.entries()) {
    if (line.trim() === '') continue;
    if (++seen > 10 || headings.length >= 4) break;
    const heading = asHeading(line, false);
    if (heading) {
      headings.push({ text: heading, line: i });
      titleEnd = i;
      // The title ends at the first line that is not a heading (a field, a table row, prose): a heading further down
      // opens another material held in the same document.
    } else if (headings.length > 0) break;
  }

  const byTitle = titleMatches(headings, entries);
  const list = signatures.SI_MATERIAL_LIST ? materialList(headings, firstPage, tables, entries, byTitle) : undefined;
  if (list)
    return {
      type: 'SI_MATERIAL_LIST',
      reason: `list of materials: title 「${list.title}」 and ${list.items} items naming materials`,
    };

  const byName = nameMatches(fileName, entries);
  const byContent = contentMatches(allText, entries);
  const structures = new Map<MaterialType, string>();
  const standard = signatures.STANDARD_TEXT ? standardStructure(firstPage, opening) : undefined;
  if (standard) structures.set('STANDARD_TEXT', standard);
  const recommendation = ['RECOMMENDATION_LETTER', 'EMPLOYER_RECOMMENDATION'] as const;
  if (recommendation.some((t) => signatures[t] && (byTitle.has(t) || byName.has(t)))) {
    const author = recommendationAuthor(opening);
    if (author && signatures[author.type]) structures.set(author.type, author.why);
  }

  const scored: Scored[] = [];
  for (const [type] of entries) {
    const title = byTitle.get(type);
    const name = byName.get(type);
    const found = byContent.get(type);
    const structure = structures.get(type);
    const score = (title?.score ?? 0) + (name?.score ?? 0) + (found?.score ?? 0) + (structure ? 140 : 0);
    if (score > 0) scored.push({ type, score, title, name, content: found?.markers, structure });
  }
  if (scored.length === 0) return { type: 'UNCLASSIFIED', reason: 'no material keyword in the file name or the title' };
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0] as Scored;
  const runnerName = best.name ? undefined : [...byName.values()].sort((a, b) => b.score - a.score)[0];
  const further = furtherMaterials(best.type, doc.pages, tables, titleEnd, entries);
  const reason = reasonOf(best, runnerName);
  if (further.length === 0) return { type: best.type, reason };
  return {
    type: best.type,
    reason: `${reason}; also holds ${further.map((f) => `${materialTypes[f.type]} (${f.why})`).join(', ')}`,
    additionalMaterials: further.map((f) => f.type),
  };
}
