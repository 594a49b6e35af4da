import type { Finding } from '../domain/findings/finding.js';

const severityRank = { blocking: 0, review: 1, info: 2 } as const;
const cmp = (a: string | undefined, b: string | undefined) =>
  (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;

/** Blocking first, then by code, file, field, message; exact duplicates removed. A total order: reports are stable. */
export function orderFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = JSON.stringify([f.code, f.severity, f.message, f.field, f.file, f.evidence, f.source]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      cmp(a.code, b.code) ||
      cmp(a.file, b.file) ||
      cmp(a.field, b.field) ||
      cmp(a.message, b.message) ||
      cmp(a.evidence, b.evidence) ||
      cmp(JSON.stringify(a.source ?? null), JSON.stringify(b.source ?? null)),
  );
}

export function tally(findings: readonly Finding[]): { blocking: number; review: number; info: number } {
  const t = { blocking: 0, review: 0, info: 0 };
  for (const f of findings) t[f.severity]++;
  return t;
}
