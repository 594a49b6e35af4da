/**
 * Tick-box answers as Word and PDF forms render them: "☑是 □否", "是√ 否", "■国有企业 □民营企业", "是（√）否（ ）",
 * "[x] 是 [ ] 否", "[√]", Word content-control boxes (☒ checked, ☐ not), Wingdings glyphs, or a plain written answer
 * ("是", "国有企业").
 */
export interface Choice {
  /** True when the text carries tick boxes or tick marks at all. */
  boxed: boolean;
  /** Options that are ticked (with boxes) or the written answer (without). */
  selected: string[];
  /** Every option found, ticked or not. */
  options: string[];
  /**
   * Set when the marks cannot be matched to the options with confidence (marks in a row, a tick left over at the end
   * of a line whose options all have their box): nothing is selected then, a reviewer must look.
   */
  ambiguous?: true;
}

const CHECKED = '\uE001';
const EMPTY = '\uE002';

const bracketedMarks: readonly [RegExp, string][] = [
  [/[[［(（【]\s*[√✓✔xX×☑■●✗✘\uF0FC\uF0D6]\s*[\]］)）】]/g, CHECKED],
  [/[[［(（【][\s\u3000]*[\]］)）】]/g, EMPTY],
];
/**
 * Unicode tick glyphs (mammoth turns Wingdings boxes into U+1F5F7–U+1F5F9), and the private-use code points PDFs
 * give Wingdings / Wingdings 2 / Symbol glyphs (U+F0FE ☑, U+F0FC ✓, U+F052 ☑, U+F0D6 √, U+F0A8 □ …).
 */
const checkedGlyphs =
  /[☑☒✅■▣◼◾√✓✔⊠⊗●◉▪✗✘\u{1F5F7}-\u{1F5F9}\u{1F5F4}-\u{1F5F6}\uF0FE\uF0FD\uF0FC\uF052\uF054\uF050\uF0D6]/gu;
/** Empty boxes, with those mammoth gives Wingdings boxes (F0A8 → 🞎, F071/F072 → ❑ ❒). */
const emptyGlyphs = /[□☐○◯▢⬜◻◽❏❐❑❒⬚\u{1F78E}\u{1F790}\uF0A8\uF06F\uF0A3\uF0A1\uF071\uF072]/gu;
/** A tick quoted in the form's instructions ("在相应选项前打“√”"), which ticks nothing. */
const instructionTick = /(?:打|划|画)?\s*[“"'‘]\s*[√✓✔☑■]\s*[”"'’]|打\s*[√✓✔☑]/g;
const separator = /[\s\u3000/／、，,;；|]+/;
const tokenPattern = /([\uE001\uE002])|([\s\u3000/／、，,;；|]+)|([^\s\u3000/／、，,;；|\uE001\uE002]+)/g;

interface Item {
  /** A mark (true: ticked, false: empty box) or an option's text. */
  mark?: boolean;
  text?: string;
  /** Whitespace or a separator stands before it (a line break too). */
  gap: boolean;
  /** The separator written before it, as it was. */
  before?: string;
  /** Nothing but marks follows it up to the end of its line. */
  trailing?: boolean;
}

/** "是否" and "一等奖二等奖" (options whose box a PDF lost) split into the known options they are made of. */
function splitKnown(text: string, known: readonly string[]): string[] {
  if (known.length === 0) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest) {
    const next = known.filter((k) => rest.startsWith(k)).sort((a, b) => b.length - a.length)[0];
    if (!next) return [text];
    parts.push(next);
    rest = rest.slice(next.length);
  }
  return parts.length > 1 ? parts : [text];
}

function items(text: string, known: readonly string[]): Item[] {
  const out: Item[] = [];
  for (const [n, line] of text.split('\n').entries()) {
    let gap = true;
    let before = n > 0 ? '\n' : '';
    const start = out.length;
    for (const [, mark, space, word] of line.matchAll(tokenPattern)) {
      if (space) {
        gap = true;
        before += space;
        continue;
      }
      if (mark) out.push({ mark: mark === CHECKED, gap, before });
      else
        out.push(
          ...splitKnown(word as string, known).map((part, i) => ({
            text: part,
            gap: gap && i === 0,
            before: i === 0 ? before : '',
          })),
        );
      gap = false;
      before = '';
    }
    for (let i = out.length - 1; i >= start && out[i]?.mark !== undefined; i--) (out[i] as Item).trailing = true;
  }
  return out;
}

/**
 * Reads the ticked options of a tick-box answer, or the written answer when there are no boxes. A mark belongs to
 * the option it touches (no space between); otherwise to the option on the side the line's first mark sets (marks
 * before or after the options); an option with an empty box and a tick beside it ("□二等奖√") is ticked.
 * LibreOffice PDFs may draw a tick from a fallback font at the END of its line, leaving its option without a box
 * ("□一等奖二等奖 □三等奖 ☑"): a tick closing its line apart from the options, or as a second mark of the last one, is
 * given to the one option left without a box; when that is not a single option (every option boxed, none boxed),
 * or marks stand in a row, the answer is ambiguous rather than guessed. `known` options are split apart when text
 * extraction glued them ("是否√", "一等奖二等奖").
 */
export function readChoice(text: string, known: readonly string[] = ['是', '否']): Choice {
  const marked = markText(text);
  if (!marked.includes(CHECKED) && !marked.includes(EMPTY)) {
    const answer = marked.split(separator).filter(Boolean).join(' ');
    return { boxed: false, selected: answer ? [answer] : [], options: answer ? [answer] : [] };
  }
  const { all, optionIndexes, selected } = analyse(marked, known);
  const options = optionIndexes.map((i) => all[i]?.text as string);
  if (!selected) return { boxed: true, selected: [], options, ambiguous: true };
  return { boxed: true, selected: selected.map((i) => all[i]?.text as string), options };
}

/**
 * The text as it was answered: the tick marks dropped, and with them each option whose box was left empty
 * ("☑同意 □不同意，无违法记录" → "同意，无违法记录"), so that words of unticked options are not read as the answer.
 * Text without boxes, or whose ticks cannot be placed, comes back unchanged.
 */
export function chosenText(text: string, known: readonly string[] = []): string {
  const marked = markText(text);
  if (!marked.includes(CHECKED) && !marked.includes(EMPTY)) return text;
  const { all, ownerOf, selected } = analyse(marked, known);
  if (!selected) return text;
  const boxedOptions = new Set(ownerOf.values());
  return all
    .map((item, i) =>
      item.mark !== undefined || (boxedOptions.has(i) && !selected.includes(i))
        ? (item.before ?? '')
        : `${item.before ?? ''}${item.text}`,
    )
    .join('')
    .trim();
}

function markText(text: string): string {
  let t = text.replace(instructionTick, '');
  for (const [pattern, mark] of bracketedMarks) t = t.replace(pattern, mark);
  return t.replace(checkedGlyphs, CHECKED).replace(emptyGlyphs, EMPTY);
}

interface Analysis {
  all: Item[];
  optionIndexes: number[];
  /** Which mark belongs to which option (item indexes). */
  ownerOf: Map<number, number>;
  /** The ticked options (item indexes); undefined when the marks cannot be placed. */
  selected?: number[];
}

function analyse(marked: string, known: readonly string[]): Analysis {
  const all = items(marked, known);
  const marksFirst = all[0]?.mark !== undefined;
  const optionIndexes = all.flatMap((item, i) => (item.text !== undefined ? [i] : []));
  const ownerOf = new Map<number, number>();
  const stray: number[] = [];
  all.forEach((item, i) => {
    if (item.mark === undefined) return;
    const before = all[i - 1];
    const after = all[i + 1];
    const gluedBefore = before?.text !== undefined && !item.gap;
    const gluedAfter = after?.text !== undefined && !after.gap;
    if (gluedBefore !== gluedAfter) ownerOf.set(i, gluedBefore ? i - 1 : i + 1);
    else if (item.mark && item.trailing) stray.push(i);
    else if (marksFirst && after?.text !== undefined) ownerOf.set(i, i + 1);
    else if (!marksFirst && before?.text !== undefined) ownerOf.set(i, i - 1);
    else stray.push(i);
  });
  const marksOf = (option: number) => [...ownerOf].filter(([, o]) => o === option).map(([m]) => m);
  const misplaced = stray.some((m) => !all[m]?.trailing);
  // A tick closing its line that touches no option, or is a second mark of an option that has its box already.
  const displaced = [...all.keys()].some((m) => {
    if (all[m]?.mark !== true || !all[m]?.trailing) return false;
    const option = ownerOf.get(m);
    return option === undefined || marksOf(option).length > 1;
  });
  if (!misplaced && !displaced) {
    const selected = optionIndexes.filter((o) => marksOf(o).some((m) => all[m]?.mark === true));
    return { all, optionIndexes, ownerOf, selected };
  }
  const unboxed = unboxedOption(all, optionIndexes, marksFirst);
  return { all, optionIndexes, ownerOf, ...(unboxed === undefined ? {} : { selected: [unboxed] }) };
}

/**
 * When a tick was moved away from its option: with one tick and one empty box fewer than options, each empty box
 * taken by the option it touches (else the next option on the line's side), the one option left without a box is the
 * ticked one; undefined when the boxes do not leave exactly one option.
 */
function unboxedOption(all: Item[], optionIndexes: number[], marksFirst: boolean): number | undefined {
  const ticks = all.filter((item) => item.mark === true).length;
  const empties = [...all.keys()].filter((i) => all[i]?.mark === false);
  if (ticks !== 1 || empties.length !== optionIndexes.length - 1) return undefined;
  const boxed = new Set<number>();
  for (const i of empties) {
    const before = all[i - 1];
    const after = all[i + 1];
    const gluedBefore = before?.text !== undefined && !all[i]?.gap;
    const gluedAfter = after?.text !== undefined && !after.gap;
    const owner =
      gluedBefore !== gluedAfter
        ? gluedBefore
          ? i - 1
          : i + 1
        : marksFirst
          ? optionIndexes.find((o) => o > i)
          : optionIndexes.findLast((o) => o < i);
    if (owner === undefined || boxed.has(owner)) return undefined;
    boxed.add(owner);
  }
  const left = optionIndexes.filter((o) => !boxed.has(o));
  return left.length === 1 ? left[0] : undefined;
}

const yes = /^(是|有|属于|具有|具备|为|yes|y|true)$/i;
const no = /^(否|不是|无|没有|不属于|不具有|不具备|非|no|n|false)$/i;

/** A yes/no answer (tick boxes or written); undefined when unanswered, unclear, or both are ticked. */
export function parseYesNo(text: string): boolean | undefined {
  const choice = readChoice(text);
  const answers = new Set(
    choice.selected.map((option) => {
      const o = option.replace(/[\s\u3000。.]/g, '');
      if (yes.test(o)) return true;
      if (no.test(o)) return false;
      if (!choice.boxed && /^(是|具有|具备)/.test(o) && !/^是否/.test(o)) return true;
      if (!choice.boxed && /^(否|不|无|非)/.test(o)) return false;
      return undefined;
    }),
  );
  if (answers.size !== 1) return undefined;
  return [...answers][0];
}

/**
 * The one option of a closed list that is ticked or written, `spellings` giving how forms write each option:
 * "□一等奖 ☑二等奖 □三等奖", "一等奖 二等奖√ 三等奖", "（√）二等奖", or a written "二等奖". Undefined, with the reason,
 * when none is ticked, several are, a written answer names several options, or the ticks cannot be placed.
 */
export function readOneOf<K extends string>(
  text: string,
  spellings: Readonly<Record<K, readonly string[]>>,
): { value: K } | { value?: undefined; why: string } {
  const keys = Object.keys(spellings) as K[];
  const known = keys.flatMap((k) => spellings[k]);
  const choice = readChoice(text, known);
  if (choice.ambiguous) return { why: 'tick marks cannot be matched to the options (a PDF may have moved them)' };
  const named = (option: string) => keys.filter((k) => spellings[k].some((s) => option.includes(s)));
  if (choice.boxed && choice.selected.some((option) => named(option).length !== 1))
    return { why: `ticked option not recognised: ${choice.selected.join('、')}` };
  const values = new Set(choice.selected.flatMap(named));
  if (values.size === 1) return { value: [...values][0] as K };
  if (values.size === 0) return { why: choice.boxed ? 'no option is ticked' : `no option written: ${text.trim()}` };
  return { why: choice.boxed ? 'several options are ticked' : `several options written: ${text.trim()}` };
}
