import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../shared/domain/calendar/workingDay.js';

// The independent oracle (NateScarlet/holiday-cn) lives in shared/ beside the checkout, locally and in CI.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const oracleDir = resolve(repoRoot, '..', 'shared', 'oracles', 'holiday-cn');

interface OracleYear {
  year: number;
  days: { name: string; date: string; isOffDay: boolean }[];
}

function loadOracle(year: number): OracleYear {
  const file = resolve(oracleDir, `${year}.json`);
  if (!existsSync(file)) {
    throw new Error(
      `Holiday oracle ${file} is missing: the calendar test needs ../shared/oracles/holiday-cn beside the checkout`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as OracleYear;
}

describe('isWorkingDay agrees with the independent holiday-cn oracle', () => {
  for (const year of [2024, 2025, 2026]) {
    it(`every day of ${year}`, () => {
      const oracle = loadOracle(year);
      expect(oracle.days.length, `oracle ${year} lists no days`).toBeGreaterThan(0);
      const offDay = new Map(oracle.days.map((d) => [d.date, d.isOffDay]));
      const mismatches: string[] = [];
      let checked = 0;
      for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
        const date = new Date(t).toISOString().slice(0, 10);
        const wd = new Date(t).getUTCDay();
        const override = offDay.get(date);
        const expected = override === undefined ? wd >= 1 && wd <= 5 : !override;
        if (isWorkingDay(date) !== expected) mismatches.push(`${date}: expected ${expected ? 'working' : 'off'}`);
        checked++;
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBe(year === 2024 ? 366 : 365);
    });
  }
});
