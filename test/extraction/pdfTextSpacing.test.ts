import { describe, expect, it } from 'vitest';
import { removeCjkSpacing } from '../../shared/extraction/pdfTextRepair.js';

// Issue 13 §5: full-width digits are digits. The space a PDF puts between Chinese and digits goes, but the space inside
// an enterprise standard number written with full-width digits (Q/JLQT ０８９１—２０１９) is part of the number.
describe('PDF text spacing with full-width digits', () => {
  it('keeps the space between a standard code and its full-width number', () => {
    expect(removeCjkSpacing('标准编号：Q/JLQT ０８９１—２０１９')).toBe('标准编号：Q/JLQT ０８９１—２０１９');
  });

  it('removes the spaces around full-width digits beside Chinese, and between glyph-spaced digits', () => {
    expect(removeCjkSpacing('２０２４ 年 ５ 月')).toBe('２０２４年５月');
    expect(removeCjkSpacing('２ ０ ２ ４年')).toBe('２０２４年');
  });
});
