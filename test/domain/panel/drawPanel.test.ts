import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { drawPanel } from '../../../shared/domain/panel/drawPanel.js';
import { commitSeed, generateSeed } from '../../../shared/domain/panel/drawSeed.js';
import { NotEnoughEligibleExperts, PanelDrawInputError } from '../../../shared/domain/panel/errors.js';
import type { Expert, PanelSubject } from '../../../shared/domain/panel/expert.js';
import type { DrawOptions } from '../../../shared/domain/panel/panelDrawRecord.js';
import { ALGORITHM_VERSION } from '../../../shared/domain/panel/seededShuffle.js';
import { baseOptions, expert, pool, qmSubject, SEED, siSubject } from './fixtures.js';

describe('drawPanel exclusions (SPEC §5 random panels)', () => {
  const cases: {
    rule: string;
    subject: PanelSubject;
    candidate: Expert;
    options?: Partial<DrawOptions>;
    reason: string;
  }[] = [
    {
      rule: 'an expert outside the track pool',
      subject: qmSubject,
      candidate: expert('X', { tracks: ['SI'] }),
      reason: 'NOT_IN_TRACK_POOL',
    },
    {
      rule: 'an expert of the applicant unit (by name, full-width and spaces ignored)',
      subject: qmSubject,
      candidate: expert('X', { unit: '吉林某汽车零部件有限公司 ' }),
      reason: 'SAME_UNIT_AS_APPLICANT',
    },
    {
      rule: 'an expert of the applicant unit (by credit code, under another name)',
      subject: qmSubject,
      candidate: expert('X', { unit: '某汽车集团吉林分公司', unitCreditCode: '91220101MA0000000X' }),
      reason: 'SAME_UNIT_AS_APPLICANT',
    },
    {
      rule: 'an expert of a drafter unit',
      subject: siSubject,
      candidate: expert('X', { unit: '吉林大学' }),
      reason: 'SAME_UNIT_AS_DRAFTER',
    },
    {
      rule: 'an expert who declared a conflict with the application',
      subject: qmSubject,
      candidate: expert('X', { declaredConflicts: ['QM-2025-001'] }),
      reason: 'DECLARED_CONFLICT',
    },
    {
      rule: 'an expert who declared a conflict with a drafter unit',
      subject: siSubject,
      candidate: expert('X', { declaredConflicts: ['长春某检测中心'] }),
      reason: 'DECLARED_CONFLICT',
    },
    {
      rule: 'an expert already on another panel of the application',
      subject: qmSubject,
      candidate: expert('X'),
      options: { otherPanelsOfApplication: ['X'] },
      reason: 'ON_OTHER_PANEL_OF_APPLICATION',
    },
    {
      rule: 'an SI expert outside the industry group',
      subject: siSubject,
      candidate: expert('X', { industryGroups: ['食品'] }),
      options: { stage: 'PROFESSIONAL_REVIEW' },
      reason: 'INDUSTRY_GROUP_MISMATCH',
    },
    {
      rule: 'an expert at the workload cap',
      subject: qmSubject,
      candidate: expert('X'),
      options: { workloadCap: 2, workload: { X: 2 } },
      reason: 'WORKLOAD_CAP_REACHED',
    },
  ];

  it.each(cases)('excludes $rule ($reason)', ({ subject, candidate, options, reason }) => {
    const record = drawPanel([...pool(4), candidate], subject, { ...baseOptions, ...options });
    expect(record.excluded).toEqual([expect.objectContaining({ id: 'X', reason })]);
    expect(record.eligibleIds).not.toContain('X');
    expect(record.drawn).not.toContain('X');
  });

  it('keeps an expert below the workload cap and ignores the industry group for QM', () => {
    const record = drawPanel([...pool(3), expert('X', { industryGroups: ['食品'] })], qmSubject, {
      ...baseOptions,
      workloadCap: 2,
      workload: { X: 1 },
      industryGroup: '装备制造',
    });
    expect(record.eligibleIds).toContain('X');
    expect(record.industryGroup).toBeUndefined();
  });
});

describe('drawPanel record', () => {
  it('records version, pool hash, seed and its commitment, eligible and drawn ids', () => {
    const record = drawPanel(pool(10), qmSubject, baseOptions);
    expect(record.algorithmVersion).toBe(ALGORITHM_VERSION);
    expect(record.seedCommitment).toBe(createHash('sha256').update(SEED).digest('hex'));
    expect(record.poolHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.poolSize).toBe(10);
    expect(record.drawn).toHaveLength(3);
    expect(new Set(record.drawn).size).toBe(3);
    expect(record.eligibleIds).toHaveLength(10);
  });

  it('pins jqa-panel-draw/1 to a known result (changing the algorithm needs a new version)', () => {
    expect(drawPanel(pool(20), qmSubject, { ...baseOptions, size: 5 }).drawn).toEqual(GOLDEN);
  });

  it('follows the documented algorithm: first pick = sha256 block 0 (48 bits) mod n', () => {
    const ids = ['E001', 'E002', 'E003', 'E004', 'E005', 'E006', 'E007'];
    const block = createHash('sha256')
      .update(`${ALGORITHM_VERSION}\n${SEED}\n${qmSubject.applicationId}\nMATERIAL_REVIEW\n0`)
      .digest();
    const r = block.readUIntBE(0, 6);
    const record = drawPanel(pool(7), qmSubject, { ...baseOptions, size: 1 });
    expect(record.drawn).toEqual([ids[r % 7]]);
  });

  it('gives the same draw whatever order the pool comes in, and a different one for another stage', () => {
    const a = drawPanel(pool(15), qmSubject, baseOptions);
    const b = drawPanel(pool(15).reverse(), qmSubject, baseOptions);
    expect(b).toEqual(a);
    const c = drawPanel(pool(15), qmSubject, { ...baseOptions, stage: 'DEFENSE' });
    expect(c.poolHash).toBe(a.poolHash);
    expect(c.drawn).not.toEqual(a.drawn);
  });

  it('throws NotEnoughEligibleExperts naming needed, available and the reasons', () => {
    const experts = [...pool(2), expert('X', { unit: '吉林某汽车零部件有限公司' }), expert('Y', { tracks: ['SI'] })];
    let error: unknown;
    try {
      drawPanel(experts, qmSubject, baseOptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotEnoughEligibleExperts);
    const e = error as NotEnoughEligibleExperts;
    expect([e.needed, e.available, e.poolSize]).toEqual([3, 2, 4]);
    expect(e.byReason).toEqual({ SAME_UNIT_AS_APPLICANT: 1, NOT_IN_TRACK_POOL: 1 });
    expect(e.message).toContain('needs 3 experts but only 2');
    expect(e.message).toContain('1 SAME_UNIT_AS_APPLICANT');
  });

  it.each([
    ['a duplicate expert id', [expert('A'), expert('A'), expert('B'), expert('C')], qmSubject, baseOptions],
    ['an expert without a unit', [{ ...expert('A'), unit: '' }], qmSubject, baseOptions],
    ['a weak seed', pool(5), qmSubject, { ...baseOptions, seed: '1234' }],
    ['a panel size of 0', pool(5), qmSubject, { ...baseOptions, size: 0 }],
    [
      'an SI 专业评选 without an industry group',
      pool(5),
      { ...siSubject, industryGroup: undefined },
      { ...baseOptions, stage: 'PROFESSIONAL_REVIEW' as const },
    ],
  ])('rejects %s with PanelDrawInputError', (_why, experts, subject, options) => {
    expect(() => drawPanel(experts, subject as PanelSubject, options as DrawOptions)).toThrow(PanelDrawInputError);
  });
});

describe('seeds', () => {
  it('generateSeed gives 64 hex digits, different each time; commitSeed is sha256 of the seed', () => {
    const a = generateSeed();
    const b = generateSeed();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(commitSeed(a)).toBe(createHash('sha256').update(a, 'utf8').digest('hex'));
  });
});

// Computed by an independent Python implementation of the algorithm as documented in seededShuffle.ts.
const GOLDEN = ['E017', 'E016', 'E002', 'E018', 'E012'];
