import { describe, expect, it } from 'vitest';
import type { Batch, BatchItem, Dataset, DockingMeeting } from '../domain/schema';
import { DatasetSchema } from '../domain/schema';
import { analyzeDataset } from './analyze';
import { buildRoundCredits, buildRounds, deriveRound, roundRelationId } from './rounds';
import { createBank, createDataset, createEnterprise, createRelation } from './test-fixtures';

const item = (over: Partial<BatchItem>): BatchItem => ({
  enterpriseId: 'e1',
  rank: 1,
  score: 0.8,
  recommendedProducts: ['FIRST_LOAN'],
  reasonCodes: [],
  gap: 900,
  status: 'pushed',
  ...over,
});

const batch = (id: string, bankId: string, items: BatchItem[]): Batch => ({
  id,
  bankId,
  chainId: 't',
  cityId: 'a',
  meetingId: 'm1',
  createdAt: '2025-06-18',
  ruleVersion: 'batch-v1',
  items,
});

const meeting = (): DockingMeeting => ({
  id: 'm1',
  date: '2025-06-18',
  cityId: 'a',
  chainIds: ['t'],
  bankIds: ['b1', 'b2'],
  batchIds: ['bt-a', 'bt-b'],
  titleZh: '对接会',
});

/**
 * e1: need 900, no line. e2: need 800, 300 from b1. e3: need 400, no line.
 * bt-a (b1): e1 approved, e2 declined. bt-b (b2): e1 disbursed (2025-06-25), e3 pushed.
 */
function roundOne(over: Partial<Dataset> = {}): Dataset {
  return createDataset({
    banks: [createBank({ id: 'b1' }), createBank({ id: 'b2', type: 'joint_stock_bank' })],
    enterprises: [
      createEnterprise({ id: 'e1', financingNeed: 900 }),
      createEnterprise({ id: 'e2', financingNeed: 800 }),
      createEnterprise({ id: 'e3', financingNeed: 400 }),
    ],
    creditRelations: [createRelation({ id: 'r1', bankId: 'b1', enterpriseId: 'e2' })],
    batches: [
      batch('bt-a', 'b1', [
        item({ enterpriseId: 'e1', status: 'approved' }),
        item({ enterpriseId: 'e2', rank: 2, gap: 500, status: 'declined' }),
      ]),
      batch('bt-b', 'b2', [
        item({ enterpriseId: 'e1', status: 'disbursed', statusDate: '2025-06-25' }),
        item({ enterpriseId: 'e3', rank: 2, gap: 400, status: 'pushed' }),
      ]),
    ],
    meetings: [meeting()],
    ...over,
  });
}

describe('buildRoundCredits()', () => {
  it('shares a firm’s gap equally among the banks that approved or disbursed it', () => {
    // e1's gap 900 granted by b1 and b2 → 450 each; e2 declined and e3 pushed give nothing.
    const credits = buildRoundCredits(roundOne());
    expect(credits.map((c) => [c.batchId, c.enterpriseId, c.amount, c.status])).toEqual([
      ['bt-a', 'e1', 450, 'approved'],
      ['bt-b', 'e1', 450, 'disbursed'],
    ]);
    expect(credits.every((c) => c.amountSource === 'gap_share')).toBe(true);
  });

  it('gives the rounding remainder to the last grant so the shares add up to the gap', () => {
    // gap 100 over three banks: 33.33 + 33.33 + 33.34 = 100
    const ds = roundOne({
      batches: ['x1', 'x2', 'x3'].map((id) =>
        batch(id, 'b1', [item({ enterpriseId: 'e1', gap: 100, status: 'approved' })]),
      ),
    });
    expect(buildRoundCredits(ds).map((c) => c.amount)).toEqual([33.33, 33.33, 33.34]);
  });

  it('takes the amount and product of an accepted offer, and shares only the rest of the gap', () => {
    // offer 700 for bt-a|e1 → b2's grant gets 900 − 700 = 200
    const ds = roundOne({
      offers: [
        {
          id: 'o1',
          bankId: 'b1',
          enterpriseId: 'e1',
          batchId: 'bt-a',
          product: 'SCF_AR',
          amount: 700,
          status: 'accepted',
        },
      ],
    });
    const credits = buildRoundCredits(ds);
    expect(credits.map((c) => [c.bankId, c.amount, c.product, c.amountSource])).toEqual([
      ['b1', 700, 'SCF_AR', 'offer'],
      ['b2', 200, 'FIRST_LOAN', 'gap_share'],
    ]);
  });

  it('lays the browser’s follow-up edits over the dataset’s statuses', () => {
    // e3 approved on the meeting page; e1's approval by b1 declined there → e1 gets 900 from b2 alone
    const credits = buildRoundCredits(roundOne(), {
      'bt-b|e3': { status: 'approved', statusDate: '2025-06-28' },
      'bt-a|e1': { status: 'declined' },
    });
    expect(credits.map((c) => [c.bankId, c.enterpriseId, c.amount, c.date])).toEqual([
      ['b2', 'e1', 900, '2025-06-25'],
      ['b2', 'e3', 400, '2025-06-28'],
    ]);
  });
});

describe('deriveRound()', () => {
  it('adds one credit relation per granted item, with an id traceable to the item', () => {
    const r2 = deriveRound(roundOne());
    const added = r2.creditRelations.filter((r) => r.id.startsWith('round:'));
    expect(added).toEqual([
      {
        id: roundRelationId('bt-a', 'e1'),
        bankId: 'b1',
        enterpriseId: 'e1',
        product: 'FIRST_LOAN',
        creditLine: 450,
        outstanding: 0,
        collateral: 'credit',
        tenorMonths: 12,
        // no status date: the meeting's date
        startDate: '2025-06-18',
        maturityDate: '2026-06-18',
        status: 'approved_undrawn',
        isFirstLoan: true,
      },
      {
        id: 'round:bt-b|e1',
        bankId: 'b2',
        enterpriseId: 'e1',
        product: 'FIRST_LOAN',
        creditLine: 450,
        outstanding: 450,
        collateral: 'credit',
        tenorMonths: 12,
        startDate: '2025-06-25',
        maturityDate: '2026-06-25',
        status: 'active',
        isFirstLoan: true,
      },
    ]);
    expect(() => DatasetSchema.parse(r2)).not.toThrow();
  });

  it('closes the granted firm’s gap and leaves declined and pushed firms as they were', () => {
    const before = analyzeDataset(roundOne());
    const after = analyzeDataset(deriveRound(roundOne()));
    // e1: gap 900 → 0 (450 + 450), two lenders; e2: 800 − 300 = 500 both rounds; e3: 400 both
    expect(before.byEnterprise.get('e1')?.gap).toBe(900);
    expect(after.byEnterprise.get('e1')?.gap).toBe(0);
    expect(after.byEnterprise.get('e1')?.lenderIds).toEqual(['b1', 'b2']);
    expect(after.byEnterprise.get('e2')?.gap).toBe(500);
    expect(after.byEnterprise.get('e3')?.gap).toBe(400);
  });

  it('does not mutate round 1', () => {
    const ds = roundOne();
    const copy = structuredClone(ds);
    deriveRound(ds, { 'bt-b|e3': { status: 'disbursed' } });
    expect(ds).toEqual(copy);
  });
});

describe('buildRounds()', () => {
  it('lists round 2 dated at the latest grant when the batches granted something', () => {
    const rounds = buildRounds(roundOne());
    expect(rounds.map((r) => [r.id, r.date, r.credits.length])).toEqual([
      // round 1 at the data date 2025-06-30; the latest grant (06-25) is earlier, so round 2 too
      ['1', '2025-06-30', 0],
      ['2', '2025-06-30', 2],
    ]);
    const later = buildRounds(roundOne(), {
      'bt-b|e3': { status: 'approved', statusDate: '2025-07-09' },
    });
    expect(later[1]?.date).toBe('2025-07-09');
  });

  it('has round 1 only when nothing was approved or disbursed', () => {
    const ds = roundOne();
    const none = buildRounds(ds, {
      'bt-a|e1': { status: 'declined' },
      'bt-b|e1': { status: 'contacted' },
    });
    expect(none.map((r) => r.id)).toEqual(['1']);
    expect(none[0]?.dataset).toBe(ds);
  });

  it("builds round 2's dataset once, when it is first read, equal to deriveRound's", () => {
    const ds = roundOne();
    const [, second] = buildRounds(ds);
    const first = second?.dataset;
    expect(second?.dataset).toBe(first);
    // the two granted items of roundOne() as credit lines, beside the dataset's own
    expect(first?.creditRelations.length).toBe(ds.creditRelations.length + 2);
    expect(first).toEqual(deriveRound(ds));
  });
});
