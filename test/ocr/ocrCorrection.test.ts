import { describe, expect, it } from 'vitest';
import { correctOcrLine } from '../../shared/ocr/ocrCorrection.js';

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

  it('restores a catalogue title word with one character misread', () => {
    expect(correctOcrLine('推荐公出')).toBe('推荐公函');
    expect(correctOcrLine('脱密审核同意节')).toBe('脱密审核同意书');
  });

  it('does not touch words two characters away from any title word', () => {
    expect(correctOcrLine('推荐名单')).toBe('推荐名单');
  });
});
