/**
 * End-to-end runs over tests/fixtures/import/: read the bytes, validate, compare with the counts and
 * issues worked out by hand in tests/fixtures/import/README.md.
 */
import { describe, expect, it } from 'vitest';
import { checkDatasetInvariants } from '../domain/invariants';
import { readCsv, readXlsx } from './read';
import { loadDemoReference, readFixture } from './test-support';
import {
  buildImportedDataset,
  validateWorkbook,
  type ImportResult,
  type SheetSummary,
} from './validate';

const NOW = '2025-06-30';
const reference = loadDemoReference();

const counts = (
  rows: number,
  imported: number,
  rejected: number,
  withWarnings: number,
  emptySkipped = 0,
): SheetSummary => ({
  rows,
  imported,
  rejected,
  withWarnings,
  emptySkipped,
});
const NONE = counts(0, 0, 0, 0);
const report = (r: ImportResult) =>
  r.issues.map((i) => `${i.sheet}:${i.row} ${i.column} ${i.code} ${i.severity}`);

async function cleanCsvSet() {
  const [e, c, s] = await Promise.all(
    ['enterprises.clean.csv', 'credit_relations.clean.csv', 'supply_edges.clean.csv'].map((f) =>
      readCsv(readFixture(f)),
    ),
  );
  if (!e || !c || !s) throw new Error('fixture missing');
  return { e, c, s };
}

describe('enterprises.clean.csv', () => {
  it('imports all 10 rows and synthesises 10 relations for 8 enterprises', async () => {
    const { rows, encoding } = await readCsv(readFixture('enterprises.clean.csv'));
    expect(encoding).toBe('utf-8-bom');
    const r = validateWorkbook({ enterprises: rows }, reference, { now: NOW });
    expect(r.summary).toEqual({
      enterprises: counts(10, 10, 0, 0),
      creditRelations: NONE,
      supplyEdges: NONE,
      total: counts(10, 10, 0, 0),
    });
    expect(report(r)).toEqual([
      'enterprises:0 已获授信（万元） / Approved credit (10k CNY) I_CREDIT_SYNTHESISED info',
    ]);
    expect(r.creditRelations).toHaveLength(10);
    expect(new Set(r.creditRelations.map((c) => c.enterpriseId)).size).toBe(8);
    const e1 = r.creditRelations.filter((c) => c.enterpriseId === 'u-91320412MA1MXK2P0D');
    expect(e1.map((c) => [c.bankId, c.creditLine, c.outstanding])).toEqual([
      ['b-state-a', 4000, 2600],
      ['b-ccb-changzhou', 4000, 2600],
    ]);
    expect(r.supplyEdges).toHaveLength(4);
    expect(r.banks).toEqual([]);
  });
});

describe('the three clean CSVs', () => {
  it('import 26 rows with no issue at all and build a valid dataset', async () => {
    const { e, c, s } = await cleanCsvSet();
    const r = validateWorkbook(
      { enterprises: e.rows, creditRelations: c.rows, supplyEdges: s.rows },
      reference,
      { now: NOW },
    );
    expect(r.summary).toEqual({
      enterprises: counts(10, 10, 0, 0),
      creditRelations: counts(10, 10, 0, 0),
      supplyEdges: counts(6, 6, 0, 0),
      total: counts(26, 26, 0, 0),
    });
    expect(r.issues).toEqual([]);
    expect(r.creditRelations).toHaveLength(10);
    expect(r.supplyEdges).toHaveLength(6);
    expect(r.banks).toEqual([]);
    const ds = buildImportedDataset(r, reference, {
      datasetId: 'fixture',
      titleZh: '夹具',
      titleEn: 'Fixture',
      asOf: NOW,
    });
    expect(checkDatasetInvariants(ds).filter((v) => v.severity === 'error')).toEqual([]);
  });

  it('reads typed values as written in the file', async () => {
    const { e, c, s } = await cleanCsvSet();
    const r = validateWorkbook(
      { enterprises: e.rows, creditRelations: c.rows, supplyEdges: s.rows },
      reference,
      { now: NOW },
    );
    const byName = new Map(r.enterprises.map((x) => [x.nameZh, x]));
    expect(byName.get('常州锂源新材料有限公司')).toMatchObject({
      lat: 31.7101,
      lon: 119.9712,
      sizeClass: 'medium',
      srdiTier: 'srdi',
    });
    expect(byName.get('常州恒膜科技有限公司')).toMatchObject({
      cityId: 'changzhou',
      financingNeed: 900,
    });
    expect(byName.get('宁德储能电芯有限公司')).toMatchObject({
      chainIds: ['nev'],
      primaryLinkId: 'nev.cell',
      isChainLeader: true,
      techBreakthrough: { kind: 'first_set' },
    });
    expect(byName.get('宜宾川锂材料有限公司')).toMatchObject({
      sizeClass: 'small',
      notes: '首贷培育对象',
    });
    expect(byName.get('苏州织云纺纱有限公司')).toMatchObject({
      sizeClass: 'micro',
      cityId: 'suzhou',
      primaryLinkId: 'tex.spinning',
    });
    const guaranteed = r.creditRelations.find((x) => x.guarantorId !== undefined);
    expect(guaranteed).toMatchObject({
      bankId: 'b-ccb-hefei',
      guarantorId: 'g-gov-anhui',
      product: 'IP_PLEDGE',
    });
  });
});

describe('enterprises.gbk.csv', () => {
  it('is decoded as GB18030 and imports its 5 rows', async () => {
    const { rows, encoding } = await readCsv(readFixture('enterprises.gbk.csv'));
    expect(encoding).toBe('gb18030');
    const r = validateWorkbook({ enterprises: rows }, reference, {
      now: NOW,
      encodings: { enterprises: encoding },
    });
    expect(r.summary.enterprises).toEqual(counts(5, 5, 0, 0));
    expect(report(r)).toEqual([
      'enterprises:0  I_ENCODING info',
      'enterprises:0 已获授信（万元） I_CREDIT_SYNTHESISED info',
    ]);
    expect(r.creditRelations).toHaveLength(5);
    expect(r.enterprises.map((x) => [x.cityId, x.primaryLinkId])).toEqual([
      ['changzhou', 'nev.separator'],
      ['wuxi', 'ic.design'],
      ['xuzhou', 'cm.hydraulics'],
      ['foshan', 'app.motors'],
      ['chengdu', 'ic.design'],
    ]);
    expect(r.enterprises[4]).toMatchObject({ revenue: 12000, srdiTier: 'little_giant' });
  });
});

describe('enterprises.mistakes.csv', () => {
  it('rejects 4 rows, flags 3 and skips the empty line, exactly as listed in the README', async () => {
    const { rows } = await readCsv(readFixture('enterprises.mistakes.csv'));
    const r = validateWorkbook({ enterprises: rows }, reference, { now: NOW });
    expect(r.summary.enterprises).toEqual(counts(10, 6, 4, 3, 1));
    expect(report(r)).toEqual([
      'enterprises:0 Approved credit (10k CNY) I_CREDIT_SYNTHESISED info',
      'enterprises:3 USCC E_USCC_CHECK error',
      'enterprises:4 Chain link E_UNKNOWN_LINK error',
      'enterprises:5  I_EMPTY_ROW info',
      'enterprises:6 Financing need (10k CNY) E_NEGATIVE error',
      'enterprises:7 Latitude W_COORD_SWAPPED warning',
      'enterprises:8 USCC E_DUP_USCC error',
      'enterprises:9 Enterprise name W_NAME_SUFFIX warning',
      'enterprises:10 Revenue (10k CNY) W_UNIT_YUAN warning',
    ]);
    expect(r.issues.find((i) => i.code === 'E_USCC_CHECK')?.suggestion).toBe('U');
    expect(r.issues.find((i) => i.code === 'W_UNIT_YUAN')?.suggestion).toBe('52000');
    expect(
      r.issues.find((i) => i.code === 'E_UNKNOWN_LINK')?.suggestion?.split(' | '),
    ).toHaveLength(3);
  });

  it('keeps the HTML name as literal text and swaps the swapped point', async () => {
    const { rows } = await readCsv(readFixture('enterprises.mistakes.csv'));
    const r = validateWorkbook({ enterprises: rows }, reference, { now: NOW });
    expect(r.enterprises.map((e) => e.nameZh)).toEqual([
      '常州正源电解液有限公司',
      '常州坐标颠倒科技有限公司',
      '<img src=x onerror=alert(1)>',
      '常州以元填报有限公司',
      '宁德正极前驱体有限公司',
      '合肥负极材料有限公司',
    ]);
    expect(r.enterprises[1]).toMatchObject({ lat: 31.7801, lon: 119.9612 });
  });
});

describe('all-sheets.xlsx', () => {
  it('gives the same result as the clean CSVs, plus the ignored sheet', async () => {
    const x = await readXlsx(readFixture('all-sheets.xlsx').slice().buffer);
    const fromXlsx = validateWorkbook(
      {
        enterprises: x.sheets.enterprises ?? [],
        creditRelations: x.sheets.creditRelations,
        supplyEdges: x.sheets.supplyEdges,
      },
      reference,
      { now: NOW, readIssues: x.issues },
    );
    const { e, c, s } = await cleanCsvSet();
    const fromCsv = validateWorkbook(
      { enterprises: e.rows, creditRelations: c.rows, supplyEdges: s.rows },
      reference,
      { now: NOW },
    );
    expect(fromXlsx.summary).toEqual(fromCsv.summary);
    expect(report(fromXlsx)).toEqual(['enterprises:0  I_SHEET_IGNORED info']);
    expect(fromXlsx.enterprises).toEqual(fromCsv.enterprises);
    expect(fromXlsx.creditRelations).toEqual(fromCsv.creditRelations);
    expect(fromXlsx.supplyEdges).toEqual(fromCsv.supplyEdges);
  });
});
