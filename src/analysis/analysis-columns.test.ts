import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetSchema, type Dataset } from '../domain/schema';
import { analyzeDataset } from './analyze';
import { fromAnalysisColumns, toAnalysisColumns, transferablesOf } from './analysis-columns';
import { buildDatasetIndex } from './dataset-index';
import { DEFAULT_PARAMS } from './params';
import {
  createBank,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
  createSupplyEdge,
} from './test-fixtures';

/**
 * L1 leader; e1 small srdi supplier of L1, need 1000, one live line of 400 (100 drawn) from b1;
 * u1 need 500, no lender. Rows in this order, one bank (row 0).
 */
const createScenario = (): Dataset =>
  createDataset({
    enterprises: [
      createLeader(),
      createEnterprise({ srdiTier: 'srdi' }),
      createEnterprise({ id: 'u1', primaryLinkId: 't.up', financingNeed: 500 }),
    ],
    banks: [createBank()],
    creditRelations: [createRelation({ creditLine: 400, outstanding: 100 })],
    supplyEdges: [createSupplyEdge()],
  });

const roundTrip = (d: Dataset) => {
  const analysis = analyzeDataset(d);
  const columns = toAnalysisColumns(d, analysis.byEnterprise);
  return {
    analysis,
    columns,
    back: fromAnalysisColumns(buildDatasetIndex(d), DEFAULT_PARAMS, columns),
  };
};

describe('toAnalysisColumns() / fromAnalysisColumns()', () => {
  it('toAnalysisColumns() writes the metrics of each enterprise in its row', () => {
    const { columns } = roundTrip(createScenario());
    expect(columns.rows).toBe(3);
    // numbers: need, approved, outstanding, gap, gapRatio, needCoverage, utilisation (7 per row)
    const e1 = [...columns.numbers.subarray(7, 14)];
    // need 1000, line 400 → gap 600, ratio 0.6, coverage 400/1000, utilisation 100/400
    expect(e1).toEqual([1000, 400, 100, 600, 0.6, 0.4, 0.25]);
    const u1 = [...columns.numbers.subarray(14, 21)];
    // no lender: approved 0, gap = need, no utilisation (null → NaN)
    expect(u1.slice(0, 6)).toEqual([500, 0, 0, 500, 1, 0]);
    expect(u1[6]).toBeNaN();
    // e1's one lender is bank row 0; u1 has none
    expect([...columns.lenderStart]).toEqual([0, 0, 1, 1]);
    expect([...columns.lenders]).toEqual([0]);
    expect(columns.bankCount[1]).toBe(1);
  });

  it('fromAnalysisColumns() gives back what analyzeDataset() gives, products included', () => {
    const { analysis, back } = roundTrip(createScenario());
    expect(back.byEnterprise).toEqual(analysis.byEnterprise);
    expect(back.byEnterprise.get('e1')?.gapRatio).toBe(0.6);
    expect(back.byEnterprise.get('u1')?.utilisation).toBeNull();
  });

  it('fromAnalysisColumns() gives back the analysis of the whole demo', () => {
    const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
    const { analysis, back } = roundTrip(demo);
    expect(back.byEnterprise.size).toBe(demo.enterprises.length);
    expect(back.byEnterprise).toEqual(analysis.byEnterprise);
  });

  it('transferablesOf() lists every buffer once, so nothing is copied', () => {
    const { columns } = roundTrip(createScenario());
    const buffers = transferablesOf(columns);
    // numbers, flags, size, role, bankCount, lenderStart, lenders, reasonStart, reasons,
    // secondaryStart, secondary: 11 typed arrays (reasonCodes is a short list of strings)
    expect(buffers).toHaveLength(11);
    expect(new Set(buffers).size).toBe(11);
  });

  it('toAnalysisColumns() refuses a lender that is not a bank of the dataset', () => {
    const d = createScenario();
    const { analysis } = roundTrip(d);
    expect(() => toAnalysisColumns({ ...d, banks: [] }, analysis.byEnterprise)).toThrow(
      'unknown lender b1',
    );
  });

  it('fromAnalysisColumns() refuses columns of another dataset', () => {
    const d = createScenario();
    const { columns } = roundTrip(d);
    const other = { ...d, enterprises: d.enterprises.slice(1) };
    expect(() => fromAnalysisColumns(buildDatasetIndex(other), DEFAULT_PARAMS, columns)).toThrow(
      '3 rows for 2 enterprises',
    );
  });
});
