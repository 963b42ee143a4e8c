import { describe, expect, it } from 'vitest';
import { buildDatasetIndex } from './dataset-index';
import { inScope, type Scope } from './scope';
import { createCity, createDataset, createEnterprise } from './test-fixtures';

describe('inScope()', () => {
  const index = buildDatasetIndex(
    createDataset({
      cities: [createCity(), createCity({ id: 'z', gbCode: '330100', provinceZh: '浙江' })],
    }),
  );
  const inA = createEnterprise({ cityId: 'a' });
  const inZ = createEnterprise({ cityId: 'z' });
  const unknownCity = createEnterprise({ cityId: 'nowhere' });

  const cases: [string, Scope, boolean, boolean][] = [
    ['the chain alone', { chainId: 't' }, true, true],
    ['another chain', { chainId: 'x' }, false, false],
    ['a city', { chainId: 't', cityId: 'a' }, true, false],
    ['a province', { chainId: 't', provinceZh: '江苏' }, true, false],
    [
      'a city outside the province',
      { chainId: 't', cityId: 'a', provinceZh: '浙江' },
      false,
      false,
    ],
  ];
  it.each(cases)('filters by %s', (_, scope, a, z) => {
    expect([inScope(index, inA, scope), inScope(index, inZ, scope)]).toEqual([a, z]);
  });

  it('leaves out a firm whose city is unknown when a province is asked for', () => {
    expect(inScope(index, unknownCity, { chainId: 't' })).toBe(true);
    expect(inScope(index, unknownCity, { chainId: 't', provinceZh: '江苏' })).toBe(false);
  });
});
