import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createBank,
  createDataset,
  createEnterprise,
  createRelation,
} from '../analysis/test-fixtures';
import { AMOUNT_MAX_WAN, findOutOfBounds } from './bounds';
import { DatasetSchema } from './schema';

describe('findOutOfBounds()', () => {
  it('names a need of 9e15 万元 by its path', () => {
    const ds = createDataset({ enterprises: [createEnterprise({ financingNeed: 9e15 })] });
    expect(findOutOfBounds(ds)).toEqual([
      { path: 'enterprises.0.financingNeed', kind: 'amount', value: 9e15, limit: 1e9 },
    ]);
  });

  it('accepts an amount of exactly 10万亿元 and refuses one fen more', () => {
    const at = createDataset({ creditRelations: [createRelation({ creditLine: AMOUNT_MAX_WAN })] });
    expect(findOutOfBounds(at)).toEqual([]);
    const over = createDataset({
      creditRelations: [createRelation({ creditLine: AMOUNT_MAX_WAN + 0.01 })],
    });
    expect(findOutOfBounds(over).map((b) => b.path)).toEqual(['creditRelations.0.creditLine']);
  });

  it('finds names over 200 and notes over 2,000 characters', () => {
    const ds = createDataset({
      enterprises: [createEnterprise({ nameZh: '名'.repeat(201), notes: 'n'.repeat(2001) })],
      banks: [createBank({ nameZh: '行'.repeat(200) })],
    });
    expect(findOutOfBounds(ds).map((b) => [b.path, b.kind, b.value, b.limit])).toEqual([
      ['enterprises.0.nameZh', 'text', 201, 200],
      ['enterprises.0.notes', 'text', 2001, 2000],
    ]);
  });

  it('finds nothing in the demo dataset', () => {
    const demo = DatasetSchema.parse(
      JSON.parse(readFileSync(new URL('../../data/demo.v1.json', import.meta.url), 'utf8')),
    );
    expect(findOutOfBounds(demo)).toEqual([]);
  });

  it('does not mutate its input', () => {
    const ds = createDataset({ enterprises: [createEnterprise({ financingNeed: 9e15 })] });
    const copy = structuredClone(ds);
    findOutOfBounds(ds);
    expect(ds).toEqual(copy);
  });
});
