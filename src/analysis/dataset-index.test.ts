import { describe, expect, it } from 'vitest';
import { buildDatasetIndex, chainToOpen, defaultChainId } from './dataset-index';
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

describe('chainToOpen()', () => {
  const index = buildDatasetIndex(
    createDataset({
      chains: [createTestChain({ id: 'empty' }), createTestChain()],
      enterprises: [createEnterprise()],
    }),
  );

  it('opens the requested chain when the dataset has it, even one without firms', () => {
    expect(chainToOpen(index, 't')).toBe('t');
    expect(chainToOpen(index, 'empty')).toBe('empty');
  });

  it('opens the default chain (the first with firms) for no request or an unknown id', () => {
    expect(chainToOpen(index, null)).toBe('t');
    expect(chainToOpen(index, 'nope')).toBe('t');
  });
});
