import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, maskIdNumber, validateIdNumber } from '../../../shared/domain/validation/idNumber.js';

function makeId(area: string, birth: string, sequence: string): string {
  const first17 = `${area}${birth}${sequence}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
}

const birthDate = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2005-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const sequence = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));

describe('validateIdNumber (GB 11643-1999)', () => {
  it('accepts the standard example with X and reports birth date and sex, masked', () => {
    expect(validateIdNumber('11010519491231002X')).toEqual({
      ok: true,
      normalised: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
      masked: '110105********002X',
    });
  });

  it('accepts a lower-case x and full-width digits', () => {
    expect(validateIdNumber('１１０１０５１９４９１２３１００２x').ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['220102800101123', 'legacy15'],
    ['22010219800101123', 'format'],
    ['2201021980010112AB', 'format'],
    [makeId('220102', '19800230', '123'), 'birthDate'],
    [makeId('220102', '18800101', '123'), 'birthDate'],
    [makeId('220102', '20990101', '123'), 'birthDate'],
  ] as const)('rejects %j as %s', (id, reason) => {
    expect(validateIdNumber(id, '2025-08-22')).toMatchObject({ ok: false, reason });
  });

  it('rejects a wrong check digit without putting the number in the message', () => {
    const id = makeId('220102', '19800101', '123');
    const wrong = `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;
    const result = validateIdNumber(wrong);
    expect(result).toMatchObject({ ok: false, reason: 'checksum', masked: `220102********${wrong.slice(-4)}` });
    if (!result.ok) expect(result.message).not.toContain('19800101');
  });

  it('masks as area code + 8 stars + last four', () => {
    expect(maskIdNumber('220102198001011234')).toBe('220102********1234');
    expect(maskIdNumber('1234')).toBe('****');
  });

  it('property: generated numbers validate; mutating one digit of the first 17 invalidates', () => {
    fc.assert(
      fc.property(birthDate, sequence, fc.nat({ max: 16 }), fc.nat({ max: 9 }), (birth, seq, position, digit) => {
        const id = makeId('220104', birth, seq);
        if (!validateIdNumber(id, '2025-08-22').ok) return false;
        fc.pre(id.charAt(position) !== String(digit));
        const mutated = `${id.slice(0, position)}${digit}${id.slice(position + 1)}`;
        return !validateIdNumber(mutated, '2025-08-22').ok;
      }),
    );
  });
});
