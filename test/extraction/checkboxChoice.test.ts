import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { chosenText, parseYesNo, readChoice, readOneOf } from '../../shared/extraction/checkboxChoice.js';
import { isAdverseOpinion } from '../../shared/extraction/consultationRows.js';
import { extractFile } from '../../shared/extraction/extractFile.js';
import { ParserSandbox } from '../../shared/extraction/parserSandbox.js';
import * as m from '../fixtures/bundles/awardMaterials.js';
import { project } from '../fixtures/bundles/exampleBundles.js';

const sandbox = new ParserSandbox({ workers: 1, timeoutMs: 20_000 });
afterAll(() => sandbox.close());

/** The grades of the notice (三、(二)): 一等奖, 二等奖, 三等奖. */
const grades = {
  FIRST: ['一等奖', '一等'],
  SECOND: ['二等奖', '二等'],
  THIRD: ['三等奖', '三等'],
} as const;
const grade = (text: string) => readOneOf(text, grades).value;

describe('one ticked option of a closed list (申报等级)', () => {
  it.each([
    ['□一等奖 ☑二等奖 □三等奖', 'SECOND'],
    ['□一等奖 ■二等奖 □三等奖', 'SECOND'],
    ['□一等奖 ✓二等奖 □三等奖', 'SECOND'],
    ['□一等奖 ✔二等奖 □三等奖', 'SECOND'],
    ['☐一等奖 ☒二等奖 ☐三等奖', 'SECOND'],
    ['一等奖 二等奖√ 三等奖', 'SECOND'],
    ['一等奖□ 二等奖√ 三等奖□', 'SECOND'],
    ['□一等奖 □二等奖√ □三等奖', 'SECOND'],
    ['一等奖(√) 二等奖( ) 三等奖( )', 'FIRST'],
    ['一等奖（ ）二等奖（ ）三等奖（√）', 'THIRD'],
    ['[ ]一等奖 [√]二等奖 [ ]三等奖', 'SECOND'],
    ['[x] 一等奖 [ ] 二等奖 [ ] 三等奖', 'FIRST'],
    ['\uF0A8一等奖 \uF0FE二等奖 \uF0A8三等奖', 'SECOND'],
    ['\uF0A3一等奖 \uF052二等奖 \uF0A3三等奖', 'SECOND'],
    ['\u{1F5F9}一等奖 \u2610二等奖 \u2610三等奖', 'FIRST'],
    ['□一等奖 ☑二等奖 □三等奖\n（请在相应等级前打“√”）', 'SECOND'],
    ['二等奖', 'SECOND'],
    ['申报三等奖', 'THIRD'],
    ['一等', 'FIRST'],
  ])('%s → %s', (text, value) => {
    expect(grade(text)).toBe(value);
  });

  it('the substring trap: □一等奖 ☑二等奖 □三等奖 is 二等奖, not the first grade named', () => {
    expect(grade('□一等奖 ☑二等奖 □三等奖')).toBe('SECOND');
  });

  it.each([
    ['□一等奖 □二等奖 □三等奖', 'no option is ticked'],
    ['□一等奖 ☑二等奖 ☑三等奖', 'several options are ticked'],
    ['一等奖 二等奖 三等奖', 'several options written'],
    ['待定', 'no option written'],
  ])('%s is not one grade (%s)', (text, why) => {
    expect(readOneOf(text, grades)).toMatchObject({ why: expect.stringContaining(why) });
  });
});

describe('a tick a PDF moved to the end of its line (LibreOffice fallback-font glyph)', () => {
  it.each([
    ['□一等奖二等奖 □三等奖 ☑', 'SECOND'],
    ['□一等奖 □二等奖三等奖 ✔', 'THIRD'],
    ['一等奖□ 二等奖 三等奖□ ☒', 'SECOND'],
    ['□一等奖二等奖 □☑ 三等奖', 'SECOND'],
  ])('%s: the one option left without its box is the ticked one → %s', (text, value) => {
    expect(grade(text)).toBe(value);
  });

  it.each([
    '□一等奖 □二等奖 □三等奖 ✓',
    '□一等奖 □二等奖 □三等奖✓',
    '一等奖 二等奖 三等奖 ✓',
    '□□☑一等奖 二等奖 三等奖',
    '□一等奖二等奖三等奖 ☑',
  ])('%s cannot be placed: ambiguous, nothing selected', (text) => {
    expect(readChoice(text, Object.values(grades).flat())).toMatchObject({ selected: [], ambiguous: true });
    expect(readOneOf(text, grades)).toMatchObject({ why: expect.stringContaining('cannot be matched') });
  });

  it.each([
    ['□是否 ☑', false],
    ['是 □否 ☑', true],
    ['□是 □否 ✓', undefined],
  ])('yes/no %s → %s', (text, answer) => {
    expect(parseYesNo(text)).toBe(answer);
  });
});

describe('a ticked opinion (征求意见表: ☑同意 □不同意)', () => {
  it.each([
    ['☑同意 □不同意', '同意'],
    ['□同意 ☑不同意', '不同意'],
    ['同意（√） 不同意（ ）', '同意'],
    ['□同意不同意 ☑', '不同意'],
    ['同意', '同意'],
  ])('%s is answered %s', (text, answer) => {
    expect(chosenText(text, ['同意', '不同意'])).toBe(answer);
  });

  it.each([
    ['☑同意 □不同意', false],
    ['☑同意 □不同意，该单位近三年无违法记录。', false],
    ['同意（√） 不同意（ ）', false],
    ['□同意 ☑不同意', true],
    ['☑无异议 □有异议', false],
  ])('the opinion %s is adverse: %s', (opinion, adverse) => {
    expect(isAdverseOpinion(opinion)).toBe(adverse);
  });
});

describe('tick boxes in PDFs LibreOffice made (committed, test/fixtures/convertTickBoxes.ts)', () => {
  it('reads 二等奖 from each way of ticking it, and reads nothing (review) where the glyphs did not survive', async () => {
    const doc = await extractFile(
      readFileSync(new URL('../fixtures/files/tick-boxes-libreoffice.pdf', import.meta.url)),
      '申报等级勾选.pdf',
      { sandbox },
    );
    const values = doc.pages
      .flatMap((p) => p.lines)
      .filter((l) => l.startsWith('申报等级：'))
      .map((l) => grade(l.slice('申报等级：'.length)));
    expect(values).toEqual([
      'SECOND', // ☑ (fallback font, moved to the line's end)
      'SECOND', // ✓
      'SECOND', // ✔ (moved)
      'SECOND', // ■
      'SECOND', // ☒ (moved)
      'SECOND', // 二等奖√
      'SECOND', // Word check-box controls
      undefined, // Wingdings: no such font, every box comes out alike
      undefined, // Wingdings 2: likewise
      'SECOND', // 二等奖（√）
    ]);
  });

  it('the SI 申报书 whose 申报等级 cell ticks 二等奖 reads SECOND although the ☑ left its place', async () => {
    const doc = await extractFile(
      readFileSync(new URL('../fixtures/files/si-form-grade-libreoffice.pdf', import.meta.url)),
      '项目申报书.pdf',
      { sandbox },
    );
    expect(doc.records.standardProject?.requestedGrade).toBe('SECOND');
    expect(doc.findings.filter((f) => f.field === 'requestedGrade')).toEqual([]);
  });
});

describe('申报等级 of the SI 申报书 (Word)', () => {
  it('reads the ticked grade, not the first grade the cell names', async () => {
    const bytes = await m.siApplicationForm({ ...project, grade: '□一等奖 ☑二等奖 □三等奖' }, 'docx');
    const doc = await extractFile(bytes, '项目申报书.docx', { sandbox });
    expect(doc.records.standardProject?.requestedGrade).toBe('SECOND');
  });

  it('a tick that cannot be placed is FIELD_MISSING for review, with no grade', async () => {
    const bytes = await m.siApplicationForm({ ...project, grade: '□一等奖 □二等奖 □三等奖 ✓' }, 'docx');
    const doc = await extractFile(bytes, '项目申报书.docx', { sandbox });
    expect(doc.records.standardProject?.requestedGrade).toBeUndefined();
    expect(doc.findings.filter((f) => f.field === 'requestedGrade')).toMatchObject([
      { code: 'FIELD_MISSING', severity: 'review', file: '项目申报书.docx' },
    ]);
  });
});
