import { describe, expect, it } from 'vitest';
import type { ComparisonRow } from '../analysis/compare';
import { comparisonTable, type ComparisonExportContext } from './compare';
import { toCsv } from './csv';

/** t.mid of the comparison tests: e1 served by r9 (1000), need coverage 0.40 → 0.73. */
const row: ComparisonRow = {
  kind: 'link',
  key: 't.mid',
  before: {
    need: 3000,
    approved: 1200,
    gap: 1800,
    smes: 3,
    coveredSmes: 2,
    smeCoverage: 2 / 3,
    verdict: 'underfunded',
  },
  after: {
    need: 3000,
    approved: 2200,
    gap: 800,
    smes: 3,
    coveredSmes: 3,
    smeCoverage: 1,
    verdict: 'partial',
  },
  delta: { need: 0, approved: 1000, gap: -1000, smeCoverage: 1 / 3 },
  verdictChanged: true,
  relationIds: ['r9'],
  enterpriseIds: ['e1'],
};

const ctx = (isScenario: boolean): ComparisonExportContext => ({
  label: isScenario ? '情景模拟：b2 退出 甲市' : '轮次对比：第1轮 → 第2轮',
  isScenario,
  nameOf: () => '中游',
  footer: ['合成演示数据 / Synthetic demo data'],
});

describe('comparisonTable()', () => {
  it('writes before, after and change of every figure, in 万元 and %', () => {
    const t = comparisonTable('环节 Links', [row], ctx(false));
    // coverage 2 ÷ 3 = 66.7 %, 3 ÷ 3 = 100 %
    expect(t.rows[0]).toEqual([
      '中游',
      '满足不足',
      '部分覆盖',
      '是',
      3000,
      3000,
      0,
      1200,
      2200,
      1000,
      1800,
      800,
      -1000,
      66.7,
      100,
      'r9',
      1,
    ]);
    expect(t.footer).toEqual(['轮次对比：第1轮 → 第2轮', '合成演示数据 / Synthetic demo data']);
  });

  it('labels a scenario in the first header and the footer, so the file never passes for data', () => {
    const t = comparisonTable('环节 Links', [row], ctx(true));
    expect(t.columns[0]?.header).toBe('情景模拟 Scenario · 名称 / Name');
    expect(toCsv(t)).toContain('情景模拟：b2 退出 甲市');
  });
});
