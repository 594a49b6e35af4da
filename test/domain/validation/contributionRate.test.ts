import { describe, expect, it } from 'vitest';
import { parseContributionRate, toHundredths } from '../../../shared/domain/validation/contributionRate.js';

describe('parseContributionRate', () => {
  it.each([
    ['35%', 35, 3500],
    ['35', 35, 3500],
    ['35.0%', 35, 3500],
    ['３５％', 35, 3500],
    ['33.33 %', 33.33, 3333],
    ['0', 0, 0],
    ['100%', 100, 10000],
    [12.5, 12.5, 1250],
  ] as const)('%j → %d', (input, percent, hundredths) => {
    expect(parseContributionRate(input)).toEqual({ ok: true, percent, hundredths });
  });

  it.each([
    ['101%', '超过100%'],
    ['-5%', '负数'],
    ['33.333', '两位'],
    ['三成', '无法识别'],
    ['', '为空'],
  ])('rejects %j', (input, text) => {
    const result = parseContributionRate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(text);
  });

  it('converts to hundredths without float error', () => {
    expect(toHundredths(33.33) + toHundredths(33.33) + toHundredths(33.34)).toBe(10000);
    expect(toHundredths(0.1) + toHundredths(0.2)).toBe(30);
  });
});
