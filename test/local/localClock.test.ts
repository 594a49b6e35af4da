import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../infra/local/duration.js';
import { LocalClock } from '../../infra/local/localClock.js';

describe('local clock', () => {
  it('follows the system time until set, then keeps the set instant for every reader of the same file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'award-clock-')), 'clock.json');
    const clock = new LocalClock(file, () => new Date('2030-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2030-01-01T00:00:00.000Z');
    clock.set(new Date('2025-08-15T10:00:00+08:00'));
    expect(new LocalClock(file).now().toISOString()).toBe('2025-08-15T02:00:00.000Z');
    clock.advance(parseDuration('1w2d') as number);
    expect(new LocalClock(file).now().toISOString()).toBe('2025-08-24T02:00:00.000Z');
    clock.reset();
    expect(clock.fixedAt()).toBeUndefined();
  });

  it('reads durations in weeks, days, hours, minutes and seconds, and nothing else', () => {
    expect(parseDuration('7d')).toBe(7 * 86_400_000);
    expect(parseDuration('1d12h30m')).toBe(86_400_000 + 12 * 3_600_000 + 30 * 60_000);
    expect(parseDuration('45s')).toBe(45_000);
    for (const bad of ['', '7', 'd7', '1y', '-1d', '1.5d']) expect(parseDuration(bad)).toBeUndefined();
  });
});
