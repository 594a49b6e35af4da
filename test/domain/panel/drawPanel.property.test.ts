import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawPanel } from '../../../shared/domain/panel/drawPanel.js';
import { NotEnoughEligibleExperts } from '../../../shared/domain/panel/errors.js';
import type { Expert, PanelSubject } from '../../../shared/domain/panel/expert.js';
import { verifyDraw } from '../../../shared/domain/panel/verifyDraw.js';

const units = ['甲公司', '乙公司', '丙大学', '丁研究院', '戊中心'];
const groups = ['装备制造', '食品', '化工'];

const expertArb = (id: string): fc.Arbitrary<Expert> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`专家${id}`),
    unit: fc.constantFrom(...units),
    tracks: fc.subarray(['QM_ORG', 'QM_IND', 'SI'] as const, { minLength: 1 }),
    industryGroups: fc.subarray(groups, { minLength: 1 }),
    declaredConflicts: fc.subarray([...units, 'APP-1'], { maxLength: 2 }),
  });

const poolArb = fc
  .uniqueArray(fc.stringMatching(/^E[0-9]{1,3}$/), { minLength: 1, maxLength: 40 })
  .chain((ids) => fc.tuple(...ids.map(expertArb)));

const subjectArb: fc.Arbitrary<PanelSubject> = fc.record({
  applicationId: fc.constant('APP-1'),
  track: fc.constantFrom('QM_ORG', 'QM_IND', 'SI'),
  applicantUnits: fc.subarray(units, { minLength: 1, maxLength: 1 }).map((u) => u.map((name) => ({ name }))),
  drafterUnits: fc.subarray(units, { maxLength: 2 }).map((u) => u.map((name) => ({ name }))),
  industryGroup: fc.constantFrom(...groups),
});

const drawArb = fc.record({
  pool: poolArb,
  subject: subjectArb,
  size: fc.integer({ min: 1, max: 7 }),
  seed: fc.stringMatching(/^[0-9a-f]{64}$/),
  workloadCap: fc.integer({ min: 0, max: 3 }),
  load: fc.integer({ min: 0, max: 4 }),
  onOtherPanel: fc.nat(),
});

type DrawInput = typeof drawArb extends fc.Arbitrary<infer T> ? T : never;

function run(input: DrawInput) {
  const ids = input.pool.map((e) => e.id).sort();
  const options = {
    size: input.size,
    stage: 'PROFESSIONAL_REVIEW' as const,
    seed: input.seed,
    workloadCap: input.workloadCap,
    workload: Object.fromEntries(ids.filter((_, i) => i % 3 === 0).map((id) => [id, input.load])),
    otherPanelsOfApplication: [ids[input.onOtherPanel % ids.length] as string],
  };
  try {
    return { record: drawPanel(input.pool, input.subject, options), options };
  } catch (e) {
    if (e instanceof NotEnoughEligibleExperts) return { shortfall: e, options };
    throw e;
  }
}

describe('drawPanel properties', () => {
  it('is deterministic, respects the size, never draws an excluded expert, and verifies', () => {
    fc.assert(
      fc.property(drawArb, (input) => {
        const first = run(input);
        const second = run({ ...input, pool: [...input.pool].reverse() });
        if (!first.record) {
          expect(second.shortfall?.available).toBe(first.shortfall?.available);
          expect(first.shortfall?.available).toBeLessThan(input.size);
          return;
        }
        const { record } = first;
        expect(second.record).toEqual(record);
        expect(record.drawn).toHaveLength(input.size);
        expect(new Set(record.drawn).size).toBe(input.size);
        const excluded = new Set(record.excluded.map((e) => e.id));
        for (const id of record.drawn) {
          expect(excluded.has(id)).toBe(false);
          expect(record.eligibleIds).toContain(id);
        }
        expect(record.eligibleIds.length + record.excluded.length).toBe(input.pool.length);
        expect(verifyDraw(record, input.pool).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('verifyDraw rejects a record whose panel was altered', () => {
    fc.assert(
      fc.property(drawArb, fc.nat(), (input, k) => {
        const { record } = run(input);
        if (!record) return;
        const outsider = input.pool.map((e) => e.id).find((id) => !record.drawn.includes(id));
        const drawn = [...record.drawn];
        if (outsider !== undefined) drawn[k % drawn.length] = outsider;
        else drawn.reverse();
        if (drawn.join() === record.drawn.join()) drawn.push('E-FORGED');
        expect(verifyDraw({ ...record, drawn }, input.pool).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
