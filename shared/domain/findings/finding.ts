import { z } from 'zod';
import { FindingCode } from './findingCode.js';

/** blocking: the application cannot proceed; review: a reviewer must look; info: noted only. */
export const Severity = z.enum(['blocking', 'review', 'info']);
export type Severity = z.infer<typeof Severity>;

/** Where a value or a finding came from: the file (bundle path) and the place inside it. */
export const SourceRef = z.object({
  file: z.string(),
  page: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  table: z.number().int().nonnegative().optional(),
  row: z.number().int().nonnegative().optional(),
  cell: z.number().int().nonnegative().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Finding = z.object({
  code: FindingCode,
  severity: Severity,
  message: z.string(),
  field: z.string().optional(),
  file: z.string().optional(),
  evidence: z.string().optional(),
  source: SourceRef.optional(),
});
export type Finding = z.infer<typeof Finding>;

export function finding(code: FindingCode, severity: Severity, message: string, extra: Partial<Finding> = {}): Finding {
  return { code, severity, message, ...extra };
}
