import { describe, expect, it } from 'vitest';
import {
  deceptiveNameFinding,
  deceptiveNameReason,
  escapedName,
  refusesReading,
} from '../../shared/bundle/deceptiveName.js';

describe('names a person could be fooled by', () => {
  it('FILE_NAME_DECEPTIVE: shows the name escaped, hidden characters written as \\uXXXX', () => {
    const found = deceptiveNameFinding('推荐公函\u202Excod.scr');
    expect(found).toMatchObject({ code: 'FILE_NAME_DECEPTIVE', severity: 'blocking', file: '推荐公函\u202Excod.scr' });
    expect(found?.evidence).toBe('推荐公函\\u202Excod.scr');
    expect(found?.message).toContain('推荐公函\\u202Excod.scr');
    expect(escapedName('推荐\u200B公函\u0007.pdf')).toBe('推荐\\u200B公函\\u0007.pdf');
  });

  it('names bidi controls, invisible and control characters, and a document extension before an executable one', () => {
    expect(deceptiveNameReason('a\u2066b.pdf')).toBe('bidirectional control character');
    expect(deceptiveNameReason('推荐\uFEFF公函.pdf')).toBe('invisible character');
    expect(deceptiveNameReason('说明\n.pdf')).toBe('control character');
    expect(deceptiveNameReason('推荐公函.pdf.exe')).toBe('a document extension followed by an executable one');
    expect(deceptiveNameReason('推荐公函.docx   .scr')).toBe('a document extension followed by an executable one');
  });

  it('leaves honest names alone: Chinese, spaces, full-width punctuation, Word-to-PDF double extensions', () => {
    for (const name of [
      '附件2 吉林省质量奖（质量管理）组织申报表-某公司.docx',
      '申报表.docx.pdf',
      '报告 (1).pdf',
      '长春市/推荐公函.pdf',
    ])
      expect(deceptiveNameReason(name), name).toBeUndefined();
  });

  it('an invisible character alone (a zero-width space pasted from a chat) is for review and the file is read; a bidi override blocks', () => {
    expect(deceptiveNameFinding('推荐\u200B公函.pdf')).toMatchObject({
      severity: 'review',
      evidence: '推荐\\u200B公函.pdf',
    });
    expect(refusesReading(deceptiveNameFinding('推荐\u200B公函.pdf'))).toBeUndefined();
    expect(refusesReading(deceptiveNameFinding('推荐公函\u202Excod.scr'))?.severity).toBe('blocking');
  });
});
