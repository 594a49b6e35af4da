import { describe, expect, it } from 'vitest';
import { readFormFields } from '../../shared/extraction/formFields.js';

// SPEC §4: the organisation's name on the 营业执照 / 统一社会信用代码证书 must be the one of the forms; the
// certificates print it under the bare label 名称.
describe('the bare 名称 of a certificate', () => {
  it('is the organisation name, beside its spaced label', () => {
    const lines = [
      '统一社会信用代码证书',
      '统一社会信用代码91220100B44665653Y',
      '名称 长春北方新材料贸易有限公司',
      '类型 有限责任公司',
    ];
    expect(readFormFields('执照.pdf', [{ page: 1, lines }], []).organisationName?.value).toBe(
      '长春北方新材料贸易有限公司',
    );
  });

  it('a longer label ending in 名称 keeps its own field', () => {
    const lines = ['标准名称 汽车零部件质量追溯体系 要求', '单位名称：长春恒达精密机械有限公司'];
    const fields = readFormFields('申报书.pdf', [{ page: 1, lines }], []);
    expect(fields.standardName?.value).toBe('汽车零部件质量追溯体系 要求');
    expect(fields.organisationName?.value).toBe('长春恒达精密机械有限公司');
  });
});
