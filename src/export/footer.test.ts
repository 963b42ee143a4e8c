import { describe, expect, it } from 'vitest';
import { createDataset } from '../analysis/test-fixtures';
import { exportFooter, safeCell } from './footer';

describe('exportFooter()', () => {
  it('uses the §8.4 wording for synthetic data', () => {
    const meta = { ...createDataset().meta, datasetId: 'demo-v1', asOf: '2025-06-30' };
    expect(exportFooter(meta)).toBe(
      '合成演示数据 / Synthetic demo data — demo-v1 — generated 2025-06-30',
    );
  });

  it('names an import and its date', () => {
    const meta = {
      ...createDataset().meta,
      isSynthetic: false,
      datasetId: 'u-1',
      asOf: '2025-09-01',
    };
    expect(exportFooter(meta)).toBe(
      '用户导入数据 / User-imported data — u-1 — 数据日期 / as of 2025-09-01',
    );
  });
});

describe('safeCell()', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 123', "'+86 123"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['示例企业', '示例企业'],
    ['1,200', '1,200'],
  ])('%s → %s', (input, expected) => {
    expect(safeCell(input)).toBe(expected);
  });
});
