import { describe, expect, it } from 'vitest';
import { maskText, seesPersonalData } from '../../shared/domain/access/maskPersonalData.js';
import type { HistoryEvent } from '../../shared/domain/history/historyEvent.js';
import { exportHistoryCsv, exportHistoryJson } from '../../shared/history/exportHistory.js';
import { genesisHash, hashEvent } from '../../shared/history/hashEvent.js';

const idNumber = '22010219800101123X';
const mobile = '13812345678';

function objectionEvent(): HistoryEvent {
  const unhashed = {
    seq: 1,
    applicationId: 'A1',
    type: 'OBJECTION_LODGED',
    stage: 'SOCIAL_PUBLICITY' as const,
    actor: 'office-1',
    role: 'reviewer' as const,
    at: '2025-09-10T09:00:00+08:00',
    evidence: [],
    data: {
      objector: { kind: 'person', name: '张三', idNumber, phone: mobile },
      content: `本人（身份证 ${idNumber}，电话 0431-88881234）反映：, "其他"`,
    },
    idempotencyKey: 'obj-1',
    prevHash: genesisHash,
  };
  return { ...unhashed, hash: hashEvent(unhashed) };
}

describe('history export', () => {
  it('masks 身份证号 and phone numbers in the CSV for a recommending unit and an auditor without a recorded need', () => {
    for (const role of ['recommending_unit', 'auditor'] as const) {
      const csv = exportHistoryCsv([objectionEvent()], { role });
      expect(csv).not.toContain(idNumber);
      expect(csv).not.toContain(mobile);
      expect(csv).not.toContain('88881234');
      expect(csv).toContain('220***********123X');
      expect(csv).toContain('138****5678');
    }
  });

  it('shows them to the office reviewer and to an auditor whose need was recorded', () => {
    expect(exportHistoryCsv([objectionEvent()], { role: 'reviewer' })).toContain(idNumber);
    expect(exportHistoryCsv([objectionEvent()], { role: 'auditor', needRecorded: true })).toContain(idNumber);
    expect(seesPersonalData('recommending_unit', true)).toBe(false);
  });

  it('writes RFC 4180 CSV: header, CRLF rows, quoted commas and quotes, a BOM', () => {
    const csv = exportHistoryCsv([objectionEvent()], { role: 'reviewer' });
    expect(csv.startsWith('\uFEFFseq,at,type,stage,actor,role,evidence,data,idempotencyKey,prevHash,hash\r\n')).toBe(
      true,
    );
    const row = csv.split('\r\n')[1] ?? '';
    expect(row.startsWith('1,2025-09-10T09:00:00+08:00,OBJECTION_LODGED,SOCIAL_PUBLICITY,office-1,reviewer,,"{')).toBe(
      true,
    );
    expect(row).toContain('\\""其他\\""');
  });

  it('exports JSON with the verification verdict of the stored chain, masked by role', () => {
    const exported = exportHistoryJson('A1', [objectionEvent()], {
      role: 'auditor',
      exportedAt: '2025-09-11T00:00:00Z',
    });
    expect(exported.masked).toBe(true);
    expect(exported.verification).toMatchObject({ ok: true, count: 1 });
    expect(JSON.stringify(exported)).not.toContain(idNumber);
    expect(exported.events[0]?.hash).toBe(objectionEvent().hash);
  });

  it('leaves hashes, credit codes in prose and dates alone while masking identity and phone numbers', () => {
    const hash = 'ab'.repeat(32);
    expect(maskText(hash)).toBe(hash);
    expect(maskText('2025-09-01 统一社会信用代码 91220101MA0Y123456')).toBe(
      '2025-09-01 统一社会信用代码 91220101MA0Y123456',
    );
    expect(maskText('手机 +86 138-1234-5678')).not.toMatch(/1234-5678/);
  });
});
