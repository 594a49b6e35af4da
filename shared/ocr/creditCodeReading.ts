import { validateCreditCode } from '../domain/validation/creditCode.js';
import { toHalfWidth } from '../domain/validation/halfWidth.js';
import type { CreditCodeReading } from '../extraction/ocrResult.js';
import type { PageLines } from './consentReading.js';

const label = /统一社会信用代码|信用代码|社会信用/;
const candidate = /[0-9A-Z]{18}/g;
// Letters GB 32100-2015 never uses, as OCR confuses them with digits.
const lookalikes: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5' };

function fixLookalikes(code: string): string {
  return code.replace(/[OIZS]/g, (c) => lookalikes[c] ?? c);
}

/**
 * The 统一社会信用代码 on an OCR'd certificate: an 18-character run on the labelled line (or, failing that, on any
 * line), checked with `validateCreditCode`. O/I/Z/S are read as 0/1/2/5 only when that makes the code valid.
 */
export function readCreditCode(file: string, pages: readonly PageLines[]): CreditCodeReading | undefined {
  let best: { reading: CreditCodeReading; score: number } | undefined;
  for (const { page, lines } of pages)
    lines.forEach((line, index) => {
      const compact = toHalfWidth(line.text).toUpperCase().replace(/[\s-]/g, '');
      for (const match of compact.matchAll(candidate)) {
        const raw = match[0];
        let code = raw;
        let check = validateCreditCode(code);
        if (!check.ok) {
          const fixed = validateCreditCode(fixLookalikes(raw));
          if (fixed.ok) {
            code = fixed.code;
            check = fixed;
          }
        }
        const score = (label.test(line.text) ? 2 : 0) + (check.ok ? 1 : 0);
        if (best && best.score >= score) continue;
        best = {
          score,
          reading: {
            value: code,
            text: line.text,
            confidence: line.confidence,
            lowConfidence: line.lowConfidence,
            source: { file, page, line: index + 1 },
            valid: check.ok,
            ...(check.ok ? {} : { invalidReason: check.message }),
          },
        };
      }
    });
  return best?.reading;
}
