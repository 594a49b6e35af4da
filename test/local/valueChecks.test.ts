import { describe, expect, it } from 'vitest';
import { campaignYear, identifier, integerIn, isoInstant, score } from '../../infra/local/valueChecks.js';

describe('strict command-line values', () => {
  it.each([
    ['2025-08-20T16:30:00+08:00'],
    ['2025-08-20T16:30+08:00'],
    ['2025-08-20T08:30:00.250Z'],
    ['2024-02-29T10:00:00+08:00'],
  ])('accepts the real instant %s unchanged', (text) => {
    expect(isoInstant(text)).toEqual({ ok: true, value: text });
  });

  it.each([
    ['2025-02-30T10:00:00+08:00', '2025-02 has 28 days, not 30'],
    ['2025-02-29T10:00:00+08:00', '2025-02 has 28 days, not 29'],
    ['2025-04-31T10:00:00+08:00', '2025-04 has 30 days, not 31'],
    ['2025-13-01T10:00:00+08:00', 'month 13 does not exist'],
    ['2025-08-20T24:00:00+08:00', 'time 24:00:00 does not exist'],
    ['2025-08-20T10:60+08:00', 'time 10:60 does not exist'],
    ['2025-08-20T10:00:00', 'not an ISO instant with offset'],
    ['2025-08-20', 'not an ISO instant with offset'],
    ['next tuesday', 'not an ISO instant with offset'],
  ])('refuses %s (never rolls it over): %s', (text, reason) => {
    expect(isoInstant(text)).toMatchObject({ ok: false, reason });
  });

  it('refuses numbers that are not plain digits in range', () => {
    expect(integerIn('12', 0, 9999)).toEqual({ ok: true, value: 12 });
    for (const text of ['', ' ', '1e2', '0x10', '-1', '3.5', '１２'])
      expect(integerIn(text, 0, 9999)).toMatchObject({ ok: false });
    expect(integerIn('10000', 0, 9999)).toMatchObject({ ok: false, reason: 'out of range 0–9999' });
  });

  it('reads scores 0–100 with at most two decimals', () => {
    expect(score('85')).toEqual({ ok: true, value: 85 });
    expect(score('72.5')).toEqual({ ok: true, value: 72.5 });
    for (const text of ['', '1e2', '100.5', '101', '-3', 'NaN', '0x50', '85分'])
      expect(score(text)).toMatchObject({ ok: false });
  });

  it('reads a campaign year only when its configuration exists', () => {
    expect(campaignYear('2025')).toEqual({ ok: true, value: '2025' });
    expect(campaignYear('1999')).toMatchObject({ ok: false, reason: expect.stringContaining('available: 2025') });
    expect(campaignYear('../2025')).toMatchObject({ ok: false, reason: expect.stringContaining('four-digit') });
  });

  it('reads identifiers that are safe in keys and paths', () => {
    expect(identifier('changchun-amr')).toEqual({ ok: true, value: 'changchun-amr' });
    for (const text of ['', '../x', 'a/b', 'a b', '-x', 'x'.repeat(65)])
      expect(identifier(text)).toMatchObject({ ok: false });
  });
});
