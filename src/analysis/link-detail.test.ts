import { describe, expect, it } from 'vitest';
import { analyzeDataset } from './analyze';
import { financingStatus, linkDetail } from './link-detail';
import {
  createBank,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
} from './test-fixtures';

/**
 * t.mid: e1 (need 1000, line 300 from state bank b1 → gap 700), e2 (need 500, no credit → first loan,
 * gap 500), e3 (need 0, no credit), e4 (need 800, line 100 from city bank b2 → gap 700),
 * e5 dishonest (need 200, no credit → 'other', gap 200). t.down: leader L1.
 */
function analysis() {
  return analyzeDataset(
    createDataset({
      enterprises: [
        createEnterprise({ id: 'e1', financingNeed: 1000 }),
        createEnterprise({ id: 'e2', financingNeed: 500 }),
        createEnterprise({ id: 'e3', financingNeed: 0 }),
        createEnterprise({ id: 'e4', financingNeed: 800 }),
        createEnterprise({ id: 'e5', financingNeed: 200, dishonestDebtor: true }),
        createLeader(),
      ],
      banks: [
        createBank(),
        createBank({ id: 'b2', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
      ],
      creditRelations: [
        createRelation({ id: 'r1', enterpriseId: 'e1', creditLine: 300 }),
        createRelation({
          id: 'r4',
          enterpriseId: 'e4',
          bankId: 'b2',
          creditLine: 100,
          outstanding: 0,
        }),
      ],
    }),
  );
}

describe('linkDetail()', () => {
  it('counts the link’s firms by financing status, its lenders by type and its largest gaps', () => {
    const a = analysis();
    const d = linkDetail(a, a.index.dataset.enterprises, 't.mid', 3);
    expect(d.enterpriseIds).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(d.byStatus).toEqual({ covered: 2, firstLoan: 1, noNeed: 1, other: 1 });
    expect(d.lendersByType).toEqual({ large_state_bank: 1, city_commercial_bank: 1 });
    // gaps: e1 700, e4 700 (tie → id order), e2 500, e5 200
    expect(d.topByGap).toEqual([
      { enterpriseId: 'e1', gap: 700 },
      { enterpriseId: 'e4', gap: 700 },
      { enterpriseId: 'e2', gap: 500 },
    ]);
    expect(d.coverage.gap).toBe(2100); // 700 + 500 + 0 + 700 + 200
    expect(d.leaders).toBe(0);
  });

  it('follows the visible set: hiding e1 drops its lender and its gap', () => {
    const a = analysis();
    const visible = a.index.dataset.enterprises.filter((e) => e.id !== 'e1');
    const d = linkDetail(a, visible, 't.mid');
    expect(d.lendersByType).toEqual({ city_commercial_bank: 1 });
    expect(d.coverage.gap).toBe(1400);
  });

  it('counts the leader under role, not under SME status', () => {
    const a = analysis();
    const d = linkDetail(a, a.index.dataset.enterprises, 't.down');
    expect(d.leaders).toBe(1);
    expect(d.byRole.leader).toBe(1);
    expect(d.byStatus).toEqual({ covered: 0, firstLoan: 0, noNeed: 0, other: 0 });
  });
});

describe('financingStatus()', () => {
  it('classes a dishonest debtor with need and no credit as other, not first loan', () => {
    const a = analysis();
    expect(financingStatus(a.byEnterprise.get('e5')!)).toBe('other');
    expect(financingStatus(a.byEnterprise.get('e2')!)).toBe('firstLoan');
  });
});
