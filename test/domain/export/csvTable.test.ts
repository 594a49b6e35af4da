import { describe, expect, it } from 'vitest';
import { csvCell, csvTable } from '../../../shared/domain/export/csvTable.js';

describe('CSV for spreadsheet programs', () => {
  it('quotes a cell a spreadsheet would evaluate as a formula', () => {
    for (const value of ['=1+1', '+86', '-2', '@SUM(A1)']) expect(csvCell(value)).toBe(`'${value}`);
    expect(csvCell('吉林省')).toBe('吉林省');
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and starts with a BOM, rows ending in CRLF', () => {
    expect(csvCell('a,"b"\nc')).toBe('"a,""b""\nc"');
    expect(csvTable(['名称', '备注'], [['甲', 'x,y']])).toBe('\uFEFF名称,备注\r\n甲,"x,y"\r\n');
  });
});
