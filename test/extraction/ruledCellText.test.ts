import { describe, expect, it } from 'vitest';
import { ruledCellText } from '../../shared/extraction/extractFile.js';

// Issue 13 §5: a Word table printed to PDF wraps a long value at its cell's width; a standard number or a credit code
// cut that way is still one value (a false STANDARD_NUMBER_INVALID otherwise).
describe('a ruled PDF cell wrapped by its width', () => {
  it('joins a code whose tail went to the next line', () => {
    expect(ruledCellText('Q/JLPL ０９８０—２０１\n９')).toBe('Q/JLPL ０９８０—２０１９');
    expect(ruledCellText('９１２２０６００７０７７\n８７１３４T')).toBe('９１２２０６００７０７７８７１３４T');
  });

  it('keeps two values stacked in one cell, and the lines of a seal block', () => {
    expect(ruledCellText('2019-12-04\n2020-01-17')).toBe('2019-12-04\n2020-01-17');
    expect(ruledCellText('（盖章）\n2025年8月18日')).toBe('（盖章）\n2025年8月18日');
  });
});
