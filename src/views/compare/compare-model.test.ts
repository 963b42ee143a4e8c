import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../analysis/analyze';
import type { ComparisonRow } from '../../analysis/compare';
import {
  createBank,
  createDataset,
  createEnterprise,
  createRelation,
} from '../../analysis/test-fixtures';
import type { Batch, Dataset } from '../../domain/schema';
import { GOV_DISCLOSURE } from '../../i18n/labels';
import type { MapGroup, MapInput } from '../../map/features';
import { DELTA_COLORS } from '../../overlays/delta';
import type { Analysis } from '../../analysis/types';
import {
  buildCompareState,
  savedRoundOf,
  savedRoundsNeeded,
  type SavedRound,
  comparisonLabel,
  deltaLegend,
  deltaCardFigures,
  scenarioText,
  withDeltaChoropleth,
} from './compare-model';

const figures = { need: 0, approved: 0, gap: 0, smes: 3, coveredSmes: 0, smeCoverage: 0 };
const row = (key: string, gap: number, verdictChanged = false): ComparisonRow => ({
  kind: 'link',
  key,
  before: { ...figures, verdict: 'partial' },
  after: { ...figures, verdict: verdictChanged ? 'covered' : 'partial' },
  delta: { need: 0, approved: -gap, gap, smeCoverage: 0 },
  verdictChanged,
  relationIds: [],
  enterpriseIds: [],
});

describe('deltaCardFigures()', () => {
  it('writes the change of gap in one unit for the diagram and says when the verdict changed', () => {
    // largest |Δ| 18,060 万元 → 亿元 with one decimal for every card
    const out = deltaCardFigures([row('a', -18060, true), row('b', 3000), row('c', 0)], 'zh');
    expect(out.get('a')).toBe('−1.8亿元\n判定变化');
    expect(out.get('b')).toBe('+0.3亿元');
    expect(out.has('c')).toBe(false);
    expect(deltaCardFigures([row('a', -500, true)], 'en').get('a')).toBe(
      '−CNY 5.0m\nverdict changed',
    );
  });
});

describe('withDeltaChoropleth()', () => {
  const group = (key: string): MapGroup => ({
    key,
    label: key,
    enterprises: 5,
    gap: 100,
    cls: 'partial',
    color: '#fdd77a',
  });
  it('colours cities and provinces by their change of gap, each on its own scale', () => {
    const input = {
      lang: 'zh',
      cityGroups: new Map([
        ['x', group('x')],
        ['y', group('y')],
        ['z', group('z')],
      ]),
      provinceGroups: new Map([['江苏', group('江苏')]]),
    } as unknown as MapInput;
    const out = withDeltaChoropleth(input, {
      // cities: largest |Δ| 1000 → big from 500
      cities: [row('x', -1000), row('y', 200)],
      provinces: [row('江苏', -800)],
    });
    expect(out.cityGroups.get('x')?.color).toBe(DELTA_COLORS.down_big);
    expect(out.cityGroups.get('y')?.color).toBe(DELTA_COLORS.up);
    // z has no row: unchanged
    expect(out.cityGroups.get('z')?.color).toBe(DELTA_COLORS.same);
    expect(out.cityGroups.get('x')?.label).toBe('缺口变化 −1,000万元');
    expect(out.provinceGroups.get('江苏')?.color).toBe(DELTA_COLORS.down_big);
    // the input is not mutated
    expect(input.cityGroups.get('x')?.color).toBe('#fdd77a');
  });
});

/** e1 (need 900, no line) approved by b1 at a meeting's batch. */
function dataset(): Dataset {
  const batch: Batch = {
    id: 'bt',
    bankId: 'b1',
    chainId: 't',
    meetingId: 'm1',
    createdAt: '2025-06-18',
    ruleVersion: 'v1',
    items: [
      {
        enterpriseId: 'e1',
        rank: 1,
        score: 0.8,
        recommendedProducts: ['FIRST_LOAN'],
        reasonCodes: [],
        gap: 900,
        status: 'approved',
      },
    ],
  };
  return createDataset({
    banks: [createBank({ id: 'b1' }), createBank({ id: 'b2', type: 'joint_stock_bank' })],
    enterprises: [
      createEnterprise({ id: 'e1', financingNeed: 900 }),
      createEnterprise({ id: 'e2' }),
      createEnterprise({ id: 'e3' }),
    ],
    creditRelations: [
      createRelation({ id: 'r2', bankId: 'b2', enterpriseId: 'e2' }),
      createRelation({ id: 'r3', bankId: 'b2', enterpriseId: 'e3' }),
    ],
    batches: [batch],
    meetings: [
      {
        id: 'm1',
        date: '2025-06-18',
        cityId: 'a',
        chainIds: ['t'],
        bankIds: ['b1'],
        batchIds: ['bt'],
        titleZh: '会',
      },
    ],
  });
}

describe('buildCompareState()', () => {
  const opts = { chainId: 't', compare: null, scenario: null, edits: {} };

  it('shows the later round and compares it with the earlier one', () => {
    const loaded = analyzeDataset(dataset());
    const state = buildCompareState(loaded, { ...opts, compare: { from: '1', to: '2' } });
    expect(state.mode).toBe('rounds');
    expect(state.before).toBe(loaded);
    // e1's gap 900 closed by b1's approval
    expect(state.shown.byEnterprise.get('e1')?.gap).toBe(0);
    expect(state.comparison?.chains[0]?.delta.gap).toBe(-900);
    // the same request gives the same objects (memoised on the loaded analysis)
    expect(buildCompareState(loaded, { ...opts, compare: { from: '1', to: '2' } }).shown).toBe(
      state.shown,
    );
  });

  it('lays a scenario over the later round when both are asked for', () => {
    const loaded = analyzeDataset(dataset());
    const state = buildCompareState(loaded, {
      ...opts,
      compare: { from: '1', to: '2' },
      scenario: { kind: 'withdraw_city', bankId: 'b1', cityId: 'a' },
    });
    expect(state.mode).toBe('scenario');
    // the baseline is round 2 (e1 served); b1 leaving city a takes e1's new line away again
    expect(state.before?.byEnterprise.get('e1')?.gap).toBe(0);
    expect(state.shown.byEnterprise.get('e1')?.gap).toBe(900);
  });

  it('keeps the latest three scenarios of a baseline', () => {
    const loaded = analyzeDataset(dataset());
    const run = (budget: number) =>
      buildCompareState(loaded, {
        ...opts,
        scenario: {
          kind: 'enter',
          bankId: 'b2',
          linkId: 't.mid',
          product: 'WC_LOAN',
          budget,
        },
      }).shown;
    const first = run(100);
    expect(run(100)).toBe(first);
    run(200);
    run(300);
    run(400);
    // 100 was the oldest of four: run again, it is a new analysis
    expect(run(100)).not.toBe(first);
  });

  describe('with a saved round (an import saved as round 3)', () => {
    /** The loaded data three months on: b1 has lent e2 500万元 (e2: need 1,000, b2's 300 before). */
    function later(): Dataset {
      const ds = dataset();
      ds.meta.datasetId = 'import-sep';
      ds.meta.asOf = '2025-09-30';
      ds.creditRelations.push(
        createRelation({ id: 'r4', bankId: 'b1', enterpriseId: 'e2', creditLine: 500 }),
      );
      return ds;
    }
    const saved = (analysis: Analysis | null, error: string | null = null): SavedRound => ({
      datasetId: 'import-sep',
      name: '九月',
      asOf: '2025-09-30',
      analysis,
      error,
    });

    it('numbers it after the meeting outcomes and compares any two rounds', () => {
      const loaded = analyzeDataset(dataset());
      const third = analyzeDataset(later());
      const state = buildCompareState(loaded, {
        ...opts,
        compare: { from: '1', to: '3' },
        saved: [saved(third)],
      });
      expect(state.rounds.map((r) => [r.id, r.kind, r.name])).toEqual([
        ['1', 'loaded', null],
        ['2', 'derived', null],
        ['3', 'saved', '九月'],
      ]);
      expect([state.mode, state.shown, state.before]).toEqual(['rounds', third, loaded]);
      // e2's gap 1,000 − 300 = 700 → 1,000 − 800 = 200; e1 unchanged (its approval is no line here)
      expect(state.comparison?.chains[0]?.delta.gap).toBe(-500);
      // round 2 closed e1's 900; round 3 has e1 at 900 again and e2 500 lower: +900 − 500
      const from2 = buildCompareState(loaded, {
        ...opts,
        compare: { from: '2', to: '3' },
        saved: [saved(third)],
      });
      expect(from2.comparison?.chains[0]?.delta.gap).toBe(400);
    });

    it('waits while the saved round loads, and says why when it cannot be read', () => {
      const loaded = analyzeDataset(dataset());
      const pair = { from: '1', to: '3' };
      const waiting = buildCompareState(loaded, { ...opts, compare: pair, saved: [saved(null)] });
      expect([waiting.mode, waiting.shown, waiting.waiting, waiting.problem]).toEqual([
        'none',
        loaded,
        '3',
        null,
      ]);
      const failed = buildCompareState(loaded, {
        ...opts,
        compare: pair,
        saved: [saved(null, 'IndexedDB: no saved dataset import-sep in this browser')],
      });
      expect([failed.mode, failed.waiting, failed.problem]).toEqual([
        'none',
        null,
        'round 3 (九月): IndexedDB: no saved dataset import-sep in this browser',
      ]);
    });
  });

  it('names the saved rounds a comparison needs loaded', () => {
    const loaded = analyzeDataset(dataset());
    const saved = (...ids: string[]) =>
      ids.map((id) => savedRoundOf({ id, name: id, asOf: '2025-09-30' }));
    // own rounds 1 and 2: saved ones are 3 and 4
    expect(savedRoundsNeeded(loaded, {}, saved('s3', 's4'), { from: '1', to: '4' })).toEqual([
      's4',
    ]);
    expect(savedRoundsNeeded(loaded, {}, saved('s3', 's4'), { from: '3', to: '4' })).toEqual([
      's3',
      's4',
    ]);
    expect(savedRoundsNeeded(loaded, {}, saved('s3'), { from: '1', to: '2' })).toEqual([]);
    expect(savedRoundsNeeded(loaded, {}, saved('s3'), null)).toEqual([]);
  });

  it('shows the data as loaded and says why when a round or an id is unknown', () => {
    const loaded = analyzeDataset(dataset());
    const badRound = buildCompareState(loaded, { ...opts, compare: { from: '1', to: '7' } });
    expect([badRound.mode, badRound.shown, badRound.problem]).toEqual([
      'none',
      loaded,
      'unknown round: 7',
    ]);
    const badId = buildCompareState(loaded, {
      ...opts,
      scenario: { kind: 'terms', leaderId: 'nobody', days: 30 },
    });
    expect([badId.mode, badId.problem]).toEqual(['none', 'unknown enterprise: nobody']);
  });
});

describe('scenarioText()', () => {
  it('names the bank only where the perspective allows', () => {
    const index = analyzeDataset(dataset()).index;
    const s = { kind: 'withdraw_city', bankId: 'b2', cityId: 'a' } as const;
    expect(scenarioText(s, index, 'zh', GOV_DISCLOSURE)).toBe(
      '国有大型商业银行A（示例） 退出 甲市',
    );
    expect(scenarioText(s, index, 'zh', { perspective: 'bank', myBankId: 'b1' })).toBe(
      '股份制商业银行 退出 甲市',
    );
    const leave = { kind: 'withdraw_type', bankType: 'joint_stock_bank', chainId: 't' } as const;
    expect(scenarioText(leave, index, 'en', GOV_DISCLOSURE)).toBe(
      'Every joint-stock bank leaves Test chain',
    );
  });
});

describe('comparisonLabel()', () => {
  it('says what an export shows: the scenario, the rounds, or nothing', () => {
    const loaded = analyzeDataset(dataset());
    const opts = { chainId: 't', compare: null, scenario: null, edits: {} };
    const scenario = buildCompareState(loaded, {
      ...opts,
      scenario: { kind: 'withdraw_city', bankId: 'b1', cityId: 'a' },
    });
    expect(comparisonLabel(scenario, 'zh', GOV_DISCLOSURE)).toBe(
      '情景模拟：国有大型商业银行A（示例） 退出 甲市',
    );
    const rounds = buildCompareState(loaded, { ...opts, compare: { from: '1', to: '2' } });
    expect(comparisonLabel(rounds, 'en', GOV_DISCLOSURE)).toBe(
      'Round comparison: Round 1 → round 2',
    );
    expect(comparisonLabel(buildCompareState(loaded, opts), 'zh', GOV_DISCLOSURE)).toBeNull();
  });
});

describe('deltaLegend()', () => {
  it('explains the five map colours of a comparison', () => {
    expect(deltaLegend('zh').map((e) => e.label)).toEqual([
      '缺口变化：缺口减少（大）',
      '缺口变化：缺口减少',
      '缺口变化：无变化',
      '缺口变化：缺口增加',
      '缺口变化：缺口增加（大）',
    ]);
    expect(deltaLegend('en')[0]).toEqual({ label: 'Δ gap: Gap smaller (large)', color: '#2166ac' });
  });
});
