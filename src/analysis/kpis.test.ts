import { describe, expect, it } from 'vitest';
import type { Batch, BatchItem, BatchStatus } from '../domain/schema';
import { batchKpis, funnel, groupKpis, hasReached, type FunnelStage } from './kpis';

const item = (enterpriseId: string, status: BatchStatus, gap: number): BatchItem => ({
  enterpriseId,
  rank: 1,
  score: 0.5,
  recommendedProducts: ['CREDIT_LOAN'],
  reasonCodes: [],
  gap,
  status,
});

const batch = (over: Partial<Batch> & Pick<Batch, 'id' | 'bankId'>): Batch => ({
  chainId: 't',
  createdAt: '2025-07-01',
  ruleVersion: 'r1',
  items: [],
  ...over,
});

/** One item at every status; gaps 100 … 600. */
const mixed = (): BatchItem[] => [
  item('e1', 'pushed', 100),
  item('e2', 'contacted', 200),
  item('e3', 'approved', 300),
  item('e4', 'disbursed', 400),
  item('e5', 'declined', 500),
  item('e6', 'withdrawn', 600),
];

describe('hasReached()', () => {
  const cases: [BatchStatus, FunnelStage, boolean][] = [
    ['disbursed', 'contacted', true],
    ['disbursed', 'approved', true],
    ['approved', 'disbursed', false],
    ['declined', 'contacted', true],
    ['declined', 'approved', false],
    ['withdrawn', 'pushed', true],
    ['withdrawn', 'contacted', false],
    ['pushed', 'contacted', false],
  ];
  it.each(cases)('an item at %s has reached %s: %s', (status, stage, expected) => {
    expect(hasReached(status, stage)).toBe(expected);
  });
});

describe('batchKpis()', () => {
  it('counts reached stages, terminal statuses, rates and gap shares', () => {
    // contacted = contacted + approved + disbursed + declined = 4
    // approved = approved + disbursed = 2
    // gap 100 + … + 600 = 2100; approved firms' gap 300 + 400 = 700 → 1/3
    // first loans: approved items e3, e4; only e3 is in the set → 1 (e1, e5 were not approved)
    expect(batchKpis(mixed(), { firstLoanIds: new Set(['e1', 'e3', 'e5']) })).toEqual({
      pushed: 6,
      contacted: 4,
      approved: 2,
      disbursed: 1,
      declined: 1,
      withdrawn: 1,
      dockingRate: 4 / 6,
      approvalRate: 2 / 6,
      disbursementRate: 1 / 6,
      gapTotal: 2100,
      approvedGapShare: 700 / 2100,
      firstLoans: 1,
    });
  });

  it('gives zero counts and null rates for an empty batch', () => {
    expect(batchKpis([], { firstLoanIds: new Set(['e1']) })).toEqual({
      pushed: 0,
      contacted: 0,
      approved: 0,
      disbursed: 0,
      declined: 0,
      withdrawn: 0,
      dockingRate: null,
      approvalRate: null,
      disbursementRate: null,
      gapTotal: 0,
      approvedGapShare: null,
      firstLoans: 0,
    });
  });

  it('reports firstLoans as null when no first-loan set is given', () => {
    expect(batchKpis(mixed()).firstLoans).toBeNull();
  });

  it('keeps gap sums exact to 2 decimals: 0.1 + 0.2 = 0.3', () => {
    const kpis = batchKpis([item('e1', 'approved', 0.1), item('e2', 'pushed', 0.2)]);
    expect(kpis.gapTotal).toBe(0.3);
    expect(kpis.approvedGapShare).toBe(0.1 / 0.3);
  });

  it('does not mutate its input', () => {
    const items = mixed();
    const before = structuredClone(items);
    batchKpis(items, { firstLoanIds: new Set(['e3']) });
    expect(items).toEqual(before);
  });
});

describe('groupKpis()', () => {
  const batches = (): Batch[] => [
    batch({ id: 'x', bankId: 'b2', meetingId: 'm1', items: [item('e1', 'approved', 100)] }),
    batch({ id: 'y', bankId: 'b1', meetingId: 'm1', items: [item('e2', 'pushed', 300)] }),
    batch({ id: 'z', bankId: 'b1', chainId: 'u', items: [item('e3', 'contacted', 200)] }),
  ];

  it('groups by bank, sorted by bank id, over the items of all its batches', () => {
    const groups = groupKpis(batches(), 'bank');
    expect(groups.map((g) => [g.key, g.batchIds, g.kpis.pushed, g.kpis.contacted])).toEqual([
      ['b1', ['y', 'z'], 2, 1],
      ['b2', ['x'], 1, 1],
    ]);
    // b1: gap 300 + 200 = 500, nothing approved → share 0
    expect(groups[0]?.kpis.gapTotal).toBe(500);
    expect(groups[0]?.kpis.approvedGapShare).toBe(0);
  });

  it('groups by chain', () => {
    expect(groupKpis(batches(), 'chain').map((g) => [g.key, g.batchIds])).toEqual([
      ['t', ['x', 'y']],
      ['u', ['z']],
    ]);
  });

  it('groups by meeting and leaves out batches without a meeting', () => {
    const groups = groupKpis(batches(), 'meeting', { firstLoanIds: new Set(['e1']) });
    // m1: e1 approved (gap 100) of 100 + 300 → approvalRate 1/2, approvedGapShare 1/4, 1 first loan
    expect(groups).toEqual([
      {
        key: 'm1',
        batchIds: ['x', 'y'],
        kpis: expect.objectContaining({
          pushed: 2,
          approvalRate: 0.5,
          approvedGapShare: 0.25,
          firstLoans: 1,
        }),
      },
    ]);
  });

  it('returns no groups for no batches', () => {
    expect(groupKpis([], 'bank')).toEqual([]);
  });
});

describe('funnel()', () => {
  it('lists the progressive stages in order with their counts', () => {
    expect(funnel(batchKpis(mixed()))).toEqual([
      { stage: 'pushed', count: 6 },
      { stage: 'contacted', count: 4 },
      { stage: 'approved', count: 2 },
      { stage: 'disbursed', count: 1 },
    ]);
  });

  it('is all zeros for an empty batch', () => {
    expect(funnel(batchKpis([])).map((s) => s.count)).toEqual([0, 0, 0, 0]);
  });
});
