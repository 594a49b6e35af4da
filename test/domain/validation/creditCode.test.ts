import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creditCodeAlphabet,
  creditCodeCheckCharacter,
  validateCreditCode,
} from '../../../shared/domain/validation/creditCode.js';

/** A valid code built with the algorithm: registration authority 9, category 1, the given division, body, check. */
function makeCode(division: string, body: string): string {
  const first17 = `91${division}${body}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

const alphabetChar = fc.constantFrom(...creditCodeAlphabet.split(''));
const body = fc.array(alphabetChar, { minLength: 9, maxLength: 9 }).map((cs) => cs.join(''));
const division = fc.integer({ min: 110000, max: 659999 }).map(String);

describe('validateCreditCode (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', '350100', false], // the example of GB 32100-2015 itself
    [makeCode('220101', '123971240'), '220101', true], // 长春市
    [makeCode('220200', 'MA0Y12345'), '220200', true], // 吉林市
  ])('accepts %s (division %s, Jilin %s)', (code, divisionCode, isJilin) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, code, divisionCode, isJilin });
  });

  it('normalises full-width characters, lower case and spaces', () => {
    const code = makeCode('220101', 'MA0Y12345');
    const fullWidth = code.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const result = validateCreditCode(` ${fullWidth.slice(0, 9).toLowerCase()} ${fullWidth.slice(9)} `);
    expect(result.ok && result.code).toBe(code);
  });

  it.each([
    ['', 'empty', '为空'],
    ['9122010112397124', 'length', '应为18位，实际为16位'],
    ['91220101I23971240X', 'charset', '第9位“I”'],
    ['91AB0101123971240X', 'division', '第3–8位'],
  ] as const)('rejects %j as %s', (code, reason, text) => {
    const result = validateCreditCode(code);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message).toContain(text);
    }
  });

  it('names the expected check character when the 18th is wrong', () => {
    const code = makeCode('220101', '123971240');
    const wrong = `${code.slice(0, 17)}${code.endsWith('0') ? '1' : '0'}`;
    const result = validateCreditCode(wrong);
    expect(result).toMatchObject({ ok: false, reason: 'checksum' });
    if (!result.ok) expect(result.message).toContain(`应为“${code.charAt(17)}”`);
  });

  it('property: every generated code validates and is Jilin exactly when its division starts with 22', () => {
    fc.assert(
      fc.property(division, body, (d, b) => {
        const result = validateCreditCode(makeCode(d, b));
        return result.ok && result.isJilin === d.startsWith('22');
      }),
    );
  });

  it('property: changing any one character of a valid code invalidates it', () => {
    fc.assert(
      fc.property(division, body, fc.nat({ max: 17 }), alphabetChar, (d, b, position, replacement) => {
        const code = makeCode(d, b);
        fc.pre(code.charAt(position) !== replacement);
        const mutated = `${code.slice(0, position)}${replacement}${code.slice(position + 1)}`;
        return !validateCreditCode(mutated).ok;
      }),
    );
  });
});
