import { describe, expect, it } from 'vitest';
import { BundlePageCap } from '../../shared/ocr/ocrBudget.js';

describe('the per-bundle OCR page cap', () => {
  it('grants pages in entry order, whatever order the claims come in', async () => {
    const cap = new BundlePageCap(3);
    const [first, second, third] = [cap.turn(), cap.turn(), cap.turn()];
    const late = third?.claim(2);
    const middle = second?.claim(2);
    const early = first?.claim(2);
    expect(await Promise.all([early, middle, late])).toEqual([2, 1, 0]);
  });

  it('lets later entries go on when an earlier one closes without claiming', async () => {
    const cap = new BundlePageCap(1);
    const [unread, scan] = [cap.turn(), cap.turn()];
    const granted = scan?.claim(1);
    unread?.close();
    expect(await granted).toBe(1);
  });

  it('answers a second claim with the first answer', async () => {
    const cap = new BundlePageCap(5);
    const turn = cap.turn();
    expect(await turn.claim(2)).toBe(2);
    expect(await turn.claim(4)).toBe(2);
  });
});
