import { describe, expect, it } from 'vitest';
import { buildDatasetIndex, defaultChainId } from './dataset-index';
import { createDataset, createEnterprise, createTestChain } from './test-fixtures';

describe('defaultChainId()', () => {
  it('skips chains without enterprises', () => {
    const ds = createDataset({
      chains: [createTestChain({ id: 'empty' }), createTestChain()],
      enterprises: [createEnterprise()],
    });
    expect(defaultChainId(buildDatasetIndex(ds))).toBe('t');
  });

  it('falls back to the first chain when no chain has enterprises, and to "" without chains', () => {
    expect(defaultChainId(buildDatasetIndex(createDataset()))).toBe('t');
    expect(defaultChainId(buildDatasetIndex(createDataset({ chains: [] })))).toBe('');
  });
});
