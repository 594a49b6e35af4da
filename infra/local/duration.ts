const unitMs = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;

/** `7d`, `12h`, `1w2d`, `90m`, `30s` (units w d h m s, summed) → milliseconds; undefined when not such a duration. */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+[wdhms])+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, n, unit] of trimmed.matchAll(/(\d+)([wdhms])/g))
    total += Number(n) * unitMs[unit as keyof typeof unitMs];
  return total;
}
