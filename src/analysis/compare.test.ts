import { describe, expect, it } from 'vitest';
import type { CreditRelation, Dataset } from '../domain/schema';
import { analyzeDataset } from './analyze';
import {
  changedRelations,
  compareAnalyses,
  sortComparisonRows,
  type ComparisonRow,
} from './compare';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createRelation,
} from './test-fixtures';

const line = (id: string, bankId: string, enterpriseId: string, creditLine: number) =>
  createRelation({ id, bankId, enterpriseId, creditLine, outstanding: 0 });

/**
 * Link t.mid in city a: SMEs e1 (need 1000, no line), e2 and e3 (need 1000, 600 from b1 each).
 * Link t.up in city b: SMEs e4, e5, e6 (need 500, 500 from b1 each).
 */
function before(): Dataset {
  return createDataset({
    cities: [createCity(), createCity({ id: 'b', gbCode: '320500' })],
    banks: [createBank({ id: 'b1' }), createBank({ id: 'b2', type: 'joint_stock_bank' })],
    enterprises: [
      createEnterprise({ id: 'e1' }),
      createEnterprise({ id: 'e2' }),
      createEnterprise({ id: 'e3' }),
      ...['e4', 'e5', 'e6'].map((id) =>
        createEnterprise({
          id,
          financingNeed: 500,
          cityId: 'b',
          primaryLinkId: 't.up',
          linkIds: ['t.up'],
        }),
      ),
    ],
    creditRelations: [
      line('r2', 'b1', 'e2', 600),
      line('r3', 'b1', 'e3', 600),
      line('r4', 'b1', 'e4', 500),
      line('r5', 'b1', 'e5', 500),
      line('r6', 'b1', 'e6', 500),
    ],
  });
}

/** After: r9 = b2 lends e1 1000. */
function after(): Dataset {
  const ds = before();
  return { ...ds, creditRelations: [...ds.creditRelations, line('r9', 'b2', 'e1', 1000)] };
}

const row = (rows: ComparisonRow[], key: string) => {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
};

describe('compareAnalyses()', () => {
  it('gives a link’s need, approved, gap, coverage and verdict before and after', () => {
    const cmp = compareAnalyses(analyzeDataset(before()), analyzeDataset(after()));
    const mid = row(cmp.links, 't.mid');
    // before: approved 0 + 600 + 600 = 1200; gap 1000 + 400 + 400 = 1800; 2 of 3 covered;
    //   need coverage 1200 ÷ 3000 = 0.40 < 0.50 → underfunded
    expect(mid.before).toEqual({
      need: 3000,
      approved: 1200,
      gap: 1800,
      smes: 3,
      coveredSmes: 2,
      smeCoverage: 2 / 3,
      verdict: 'underfunded',
    });
    // after: approved 2200, gap 0 + 400 + 400 = 800; 3 of 3 covered;
    //   need coverage 2200 ÷ 3000 = 0.733 < 0.80 → partial
    expect(mid.after).toMatchObject({
      approved: 2200,
      gap: 800,
      coveredSmes: 3,
      verdict: 'partial',
    });
    expect(mid.delta.need).toBe(0);
    expect(mid.delta.approved).toBe(1000);
    expect(mid.delta.gap).toBe(-1000);
    expect(mid.delta.smeCoverage).toBeCloseTo(1 / 3, 10);
    expect(mid.verdictChanged).toBe(true);
    expect(mid.relationIds).toEqual(['r9']);
    expect(mid.enterpriseIds).toEqual(['e1']);
  });

  it('lists the rows whose verdict changed first', () => {
    const cmp = compareAnalyses(analyzeDataset(before()), analyzeDataset(after()));
    // t.up (city b) did not change; t.mid (city a) did
    expect(cmp.links.map((r) => r.key)).toEqual(['t.mid', 't.up']);
    expect(cmp.cities.map((r) => [r.key, r.verdictChanged])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(row(cmp.linkCities, 't.mid|a').delta.gap).toBe(-1000);
    // both cities are in 江苏 (the fixture's province): one row, the sum of both links
    expect(cmp.provinces.map((r) => [r.key, r.before.gap, r.after.gap])).toEqual([
      ['江苏', 1800, 800],
    ]);
    expect(row(cmp.cities, 'b').relationIds).toEqual([]);
  });

  it('sums the chain and lists the banks whose relations changed', () => {
    const cmp = compareAnalyses(analyzeDataset(before()), analyzeDataset(after()));
    // chain t: gap 1800 + 0 → 800 + 0
    expect(row(cmp.chains, 't').before.gap).toBe(1800);
    expect(row(cmp.chains, 't').after.gap).toBe(800);
    // only b2 owns a changed relation; its lines to SMEs 0 → 1000
    expect(cmp.banks.map((r) => [r.key, r.before.approved, r.after.approved])).toEqual([
      ['b2', 0, 1000],
    ]);
    expect(cmp.relationIds).toEqual(['r9']);
    expect(cmp.enterpriseIds).toEqual(['e1']);
  });

  it('traces a changed need to its firm', () => {
    const ds = before();
    const more = {
      ...ds,
      enterprises: ds.enterprises.map((e) => (e.id === 'e4' ? { ...e, financingNeed: 900 } : e)),
    };
    const cmp = compareAnalyses(analyzeDataset(ds), analyzeDataset(more));
    // e4: need 500 → 900, approved 500 → gap 0 → 400
    expect(row(cmp.links, 't.up').delta).toMatchObject({ need: 400, gap: 400, approved: 0 });
    expect(row(cmp.links, 't.up').enterpriseIds).toEqual(['e4']);
  });

  it('does not mutate its inputs', () => {
    const a = analyzeDataset(before());
    const b = analyzeDataset(after());
    const copyA = structuredClone(a.index.dataset);
    const copyB = structuredClone(b.index.dataset);
    compareAnalyses(a, b, { chainId: 't' });
    expect(a.index.dataset).toEqual(copyA);
    expect(b.index.dataset).toEqual(copyB);
  });
});

describe('changedRelations()', () => {
  it('finds added, removed and changed relations', () => {
    const r = (over: Partial<CreditRelation>) => createRelation(over);
    const out = changedRelations(
      [r({ id: 'a' }), r({ id: 'b' }), r({ id: 'c' })],
      [r({ id: 'a' }), r({ id: 'b', status: 'matured' }), r({ id: 'd' })],
    );
    expect(out.map((x) => x.id)).toEqual(['b', 'c', 'd']);
  });
});

describe('sortComparisonRows()', () => {
  it('puts a changed verdict before a larger change of gap', () => {
    const base = compareAnalyses(analyzeDataset(before()), analyzeDataset(after())).links;
    const mid = row(base, 't.mid');
    const big = { ...mid, key: 'x', verdictChanged: false, delta: { ...mid.delta, gap: -5000 } };
    expect(sortComparisonRows([big, mid]).map((r) => r.key)).toEqual(['t.mid', 'x']);
  });
});

describe('compareAnalyses() of two saved rounds with different firms', () => {
  it('counts on each side the firms that side lists: one that left takes its gap with it', () => {
    // Before: t.mid holds e1 (gap 1000), e2 and e3 (gap 400 each) → 1,800; t.up e4–e6, gap 0.
    // After: e1 is no longer listed, e7 joins t.up in city b (need 300, no line) → t.mid 800,
    // t.up 300. Chain: 1,800 → 1,100 (−700).
    const later = before();
    later.enterprises = [
      ...later.enterprises.filter((e) => e.id !== 'e1'),
      createEnterprise({
        id: 'e7',
        financingNeed: 300,
        cityId: 'b',
        primaryLinkId: 't.up',
        linkIds: ['t.up'],
      }),
    ];
    const cmp = compareAnalyses(analyzeDataset(before()), analyzeDataset(later));
    const mid = row(cmp.links, 't.mid');
    expect([mid.before.gap, mid.after.gap, mid.delta.gap]).toEqual([1800, 800, -1000]);
    expect([mid.before.smes, mid.after.smes]).toEqual([3, 2]);
    expect(mid.enterpriseIds).toEqual(['e1']);
    const up = row(cmp.links, 't.up');
    expect([up.before.gap, up.after.gap]).toEqual([0, 300]);
    expect(up.enterpriseIds).toEqual(['e7']);
    expect(row(cmp.chains, 't').delta.gap).toBe(-700);
    expect(cmp.enterpriseIds).toEqual(['e1', 'e7']);
  });
});
