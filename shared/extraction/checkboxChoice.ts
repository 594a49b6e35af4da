/**
 * Tick-box answers as Word and PDF forms render them: "☑是 □否", "是√ 否", "■国有企业 □民营企业", "是（√）否（ ）",
 * "[x] 是 [ ] 否", Word content-control boxes (☒ checked, ☐ not), or a plain written answer ("是", "国有企业").
 */
export interface Choice {
  /** True when the text carries tick boxes or tick marks at all. */
  boxed: boolean;
  /** Options that are ticked (with boxes) or the written answer (without). */
  selected: string[];
  /** Every option found, ticked or not. */
  options: string[];
}

const CHECKED = '\uE001';
const EMPTY = '\uE002';

const bracketedMarks: readonly [RegExp, string][] = [
  [/[[［(（【]\s*[√✓✔xX×☑■●✗✘]\s*[\]］)）】]/g, CHECKED],
  [/[[［(（【][\s\u3000]*[\]］)）】]/g, EMPTY],
];
/**
 * Unicode tick glyphs (mammoth turns Wingdings boxes into U+1F5F7–U+1F5F9), and the private-use code points PDFs
 * give Wingdings / Wingdings 2 boxes (U+F0FE ☑, U+F0A8 □ …).
 */
const checkedGlyphs =
  /[☑☒✅■▣◼◾√✓✔⊠⊗●◉▪✗✘\u{1F5F7}-\u{1F5F9}\u{1F5F4}-\u{1F5F6}\uF0FE\uF0FD\uF0FC\uF052\uF054\uF050]/gu;
const emptyGlyphs = /[□☐○◯▢⬜◻◽\uF0A8\uF06F\uF0A3\uF0A1]/g;
const separator = /[\s\u3000/／、，,;；|]+/;

/** Reads the ticked options of a tick-box answer, or the written answer when there are no boxes. */
export function readChoice(text: string): Choice {
  let t = text.replace(/\n/g, ' ');
  for (const [pattern, mark] of bracketedMarks) t = t.replace(pattern, mark);
  t = t.replace(checkedGlyphs, CHECKED).replace(emptyGlyphs, EMPTY);
  if (!t.includes(CHECKED) && !t.includes(EMPTY)) {
    const answer = t.split(separator).filter(Boolean).join(' ');
    return { boxed: false, selected: answer ? [answer] : [], options: answer ? [answer] : [] };
  }
  // Text extraction may drop the space between two options ("是否√"): split the yes/no pair apart.
  const tokens = t
    .replace(/是否/g, '是 否')
    .split(/([\uE001\uE002])/)
    .flatMap((part) => (part === CHECKED || part === EMPTY ? [part] : part.split(separator)))
    .filter(Boolean);
  const isMark = (token: string | undefined) => token === CHECKED || token === EMPTY;
  const markFirst = isMark(tokens[0]);
  const options: string[] = [];
  const selected: string[] = [];
  tokens.forEach((token, i) => {
    if (isMark(token)) return;
    options.push(token);
    if ((markFirst ? tokens[i - 1] : tokens[i + 1]) === CHECKED) selected.push(token);
  });
  return { boxed: true, selected, options };
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
