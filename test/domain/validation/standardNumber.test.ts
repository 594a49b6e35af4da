import { describe, expect, it } from 'vitest';
import { parseStandardNumber } from '../../../shared/domain/validation/standardNumber.js';

describe('parseStandardNumber', () => {
  it.each([
    ['GB/T 19580-2012', 'national', 'GB/T', '19580', 2012, 'recommended', 'GB/T 19580-2012'],
    ['GB 4706.1—2005', 'national', 'GB', '4706.1', 2005, 'mandatory', 'GB 4706.1-2005'],
    ['ＧＢ／Ｔ　１９５８０－２０１２', 'national', 'GB/T', '19580', 2012, 'recommended', 'GB/T 19580-2012'],
    ['GB/Z 20000.6-2006', 'national', 'GB/Z', '20000.6', 2006, 'guidance', 'GB/Z 20000.6-2006'],
    ['GB 1234-88', 'national', 'GB', '1234', 1988, 'mandatory', 'GB 1234-1988'],
    ['JB/T 1234–2015', 'industry', 'JB/T', '1234', 2015, 'recommended', 'JB/T 1234-2015'],
    ['NY/T 5-2018', 'industry', 'NY/T', '5', 2018, 'recommended', 'NY/T 5-2018'],
    ['hg/t 20592-2009', 'industry', 'HG/T', '20592', 2009, 'recommended', 'HG/T 20592-2009'],
    ['NB/SH/T 0001-2019', 'industry', 'NB/SH/T', '0001', 2019, 'recommended', 'NB/SH/T 0001-2019'],
    ['HJ 2.2-2018', 'industry', 'HJ', '2.2', 2018, 'mandatory', 'HJ 2.2-2018'],
    ['DB/T 15-2009', 'industry', 'DB/T', '15', 2009, 'recommended', 'DB/T 15-2009'],
    ['DB22/T 3456-2022', 'local', 'DB22/T', '3456', 2022, 'recommended', 'DB22/T 3456-2022'],
    ['DB22 123-2020', 'local', 'DB22', '123', 2020, 'mandatory', 'DB22 123-2020'],
    ['DB2201/T 12-2021', 'local', 'DB2201/T', '12', 2021, 'recommended', 'DB2201/T 12-2021'],
    ['T/JLSPXH 003—2021', 'group', 'T/JLSPXH', '003', 2021, 'recommended', 'T/JLSPXH 003-2021'],
    ['Q/JLYQ 0001S-2020', 'enterprise', 'Q/JLYQ', '0001S', 2020, 'mandatory', 'Q/JLYQ 0001S-2020'],
    ['ISO 9001:2015', 'international', 'ISO', '9001', 2015, 'recommended', 'ISO 9001:2015'],
    ['ISO/IEC 27001:2013', 'international', 'ISO/IEC', '27001', 2013, 'recommended', 'ISO/IEC 27001:2013'],
    ['IEC TR 61000-3-2:2018', 'international', 'IEC TR', '61000-3-2', 2018, 'recommended', 'IEC TR 61000-3-2:2018'],
    ['ITU-T Y.4200 (02/2018)', 'international', 'ITU-T', 'Y.4200', 2018, 'recommended', 'ITU-T Y.4200:2018'],
  ] as const)('%s → %s %s', (input, type, prefix, number, year, nature, canonical) => {
    expect(parseStandardNumber(input)).toMatchObject({
      ok: true,
      standard: { type, prefix, number, year, nature, canonical },
    });
  });

  it('keeps the region code of local and the issuer of group / enterprise standards', () => {
    expect(parseStandardNumber('DB2201/T 12-2021')).toMatchObject({ standard: { regionCode: '2201' } });
    expect(parseStandardNumber('T/CAS 123-2020')).toMatchObject({ standard: { issuerCode: 'CAS' } });
  });

  it.each([
    ['', '为空'],
    ['XX/T 1-2020', '“XX”不是已知的行业标准代号'],
    ['玉米收获机', '无法识别'],
    ['GB/T', '无法识别'],
  ])('rejects %j with a message', (input, text) => {
    const result = parseStandardNumber(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(text);
  });
});
