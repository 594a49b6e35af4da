import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter } from '../../shared/domain/validation/idNumber.js';
import { correctOcrLine, correctTitle, correctTitleLine } from '../../shared/ocr/ocrCorrection.js';
import { jilinCreditCode } from '../fixtures/scans/scanPage.js';

const line = (text: string) => ({ text, confidence: 90, bbox: { x0: 0, y0: 0, x1: 0, y1: 0 }, lowConfidence: false });

describe('post-OCR correction', () => {
  it('reads the classification star that the model renders as 文', () => {
    expect(correctOcrLine('机密文5年')).toBe('机密★5年');
    expect(correctOcrLine('文机密')).toBe('★机密');
    expect(correctOcrLine('秘密文')).toBe('秘密★');
  });

  it('leaves prose with the same words alone', () => {
    expect(correctOcrLine('机密文件管理办法')).toBe('机密文件管理办法');
    expect(correctOcrLine('本材料不涉及国家秘密')).toBe('本材料不涉及国家秘密');
  });

  it('never corrects free text toward catalogue words: 行业标兵 and 鉴定结论 stay', () => {
    expect(correctOcrLine('该单位曾获行业标兵称号')).toBe('该单位曾获行业标兵称号');
    expect(correctOcrLine('鉴定结论：合格')).toBe('鉴定结论：合格');
    expect(correctOcrLine('推荐公出')).toBe('推荐公出');
  });

  it('fixes a credit code whose 0 was read as O, because the fixed code passes its check character', () => {
    const code = jilinCreditCode();
    const misread = code.replace(/0/g, 'O');
    expect(misread).not.toBe(code);
    expect(correctOcrLine(`统一社会信用代码：${misread}`)).toBe(`统一社会信用代码：${code}`);
  });

  it('leaves a code-shaped run alone when no reading of its letters passes the check', () => {
    const code = jilinCreditCode();
    const wrong = `${code.slice(0, 17)}${code.endsWith('8') ? '9' : '8'}`.replace(/0/g, 'O');
    expect(correctOcrLine(`统一社会信用代码：${wrong}`)).toBe(`统一社会信用代码：${wrong}`);
  });

  it('fixes an ID number with O/l for 0/1 when its check digit then holds', () => {
    const first17 = '22010219800101001';
    const id = first17 + idNumberCheckCharacter(first17);
    expect(correctOcrLine(`身份证号：${id.replace(/0/g, 'O').replace('1', 'l')}`)).toBe(`身份证号：${id}`);
  });

  it('fixes a date with letters for digits only when it then is a real date', () => {
    expect(correctOcrLine('日期：2O25年8月l日')).toBe('日期：2025年8月1日');
    expect(correctOcrLine('2025.O8.01至2025.08.05')).toBe('2025.08.01至2025.08.05');
    expect(correctOcrLine('2O25年l3月l日')).toBe('2O25年l3月l日');
  });

  it('restores a catalogue title word with one character misread on the title line only', () => {
    expect(correctTitleLine('推荐公出')).toBe('推荐公函');
    expect(correctTitleLine('脱密审核同意节')).toBe('脱密审核同意书');
    const [header, title, body] = correctTitle([line('机密★5年'), line('关于推荐公出'), line('曾获行业标兵称号')]);
    expect(header?.text).toBe('机密★5年');
    expect(title).toMatchObject({ text: '关于推荐公函', raw: '关于推荐公出' });
    expect(body?.text).toBe('曾获行业标兵称号');
  });

  it('does not touch words two characters away from any title word', () => {
    expect(correctTitleLine('推荐名单')).toBe('推荐名单');
  });
});
