/**
 * Issue 13, failure 2: real institution names in an imported file must count as the lenders they
 * are. The fixture `enterprises.realbanks.gbk.csv` (GBK, see make-fixtures.ts) names its lenders as a
 * bank's or a bureau's own system would; every expected figure below is counted by hand from its rows:
 *
 * | row | firm (chain, computed size)        | need  | approved | institutions named              | covered |
 * |-----|------------------------------------|-------|----------|---------------------------------|---------|
 * | 2   | 常州甲 (nev cathode, small)          | 1200  | 800      | 中国工商银行常州分行、江苏银行      | yes (2) |
 * | 3   | 常州乙 (nev separator, small)        | 800   | 0        | —                               | no      |
 * | 4   | 无锡丙 (nev electrolyte, medium)     | 2600  | 3000     | 江南农村商业银行                   | yes     |
 * | 5   | 宁德丁 (nev cell, medium)            | 3000  | 2000     | 常州市融资担保有限公司 (guarantor)   | no      |
 * | 6   | 合肥戊 (nev assembly, leader)        | 0     | 300000   | 中国建设银行；招商银行               | not SME |
 * | 7   | 常州己 (nev cathode, small)          | 1500  | 500      | 深圳前海微众银行                   | yes     |
 * | 8   | 常州庚 (nev anode, small)            | 600   | 300      | 华东某金融服务公司 (unknown type)   | no      |
 * | 9   | 无锡辛 (ic design, small)            | 800   | 500      | 汇丰银行（中国）有限公司              | yes     |
 * | 10  | 苏州壬 (ic packaging, medium)        | 2000  | 1000     | 苏州银行；中国银行苏州分行            | yes (2) |
 * | 11  | 苏州癸 (ic equipment, small)         | 400   | 400      | — (unspecified institution)     | no      |
 * | 12  | 常州子 (nev recycling, micro)        | 100   | 50       | 江苏武进建信村镇银行                | yes     |
 *
 * SMEs: 10 (all but row 6); covered 6 → 60%. nev: 7 SMEs (rows 2, 3, 4, 5, 7, 8, 12), covered 4
 * (2, 4, 7, 12). ic: 3 SMEs (rows 9, 10, 11), covered 2 (9, 10).
 */
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../analysis/analyze';
import { coverageBy, groupCoverage } from '../analysis/coverage';
import { bankWhiteSpace } from '../analysis/white-space';
import { checkDatasetInvariants } from '../domain/invariants';
import { readCsv } from './read';
import { loadDemoReference, readFixture } from './test-support';
import { buildImportedDataset, validateWorkbook } from './validate';

const reference = loadDemoReference();

async function importRealBanks() {
  const csv = await readCsv(readFixture('enterprises.realbanks.gbk.csv'));
  const result = validateWorkbook({ enterprises: csv.rows }, reference, {
    now: '2025-06-30',
    encodings: { enterprises: csv.encoding },
  });
  const dataset = buildImportedDataset(result, reference, {
    datasetId: 'import-realbanks',
    titleZh: '真实银行名称',
    titleEn: 'Real bank names',
    asOf: '2025-06-30',
  });
  return { csv, result, dataset, analysis: analyzeDataset(dataset) };
}

describe('the real-bank-names GBK sample', () => {
  it('is GBK and imports all 11 rows', async () => {
    const { csv, result } = await importRealBanks();
    expect(csv.encoding).toBe('gb18030');
    expect(result.summary.enterprises).toMatchObject({ rows: 11, imported: 11, rejected: 0 });
  });

  it('types every institution by its name, and lists the one it cannot type', async () => {
    const { result } = await importRealBanks();
    expect(Object.fromEntries(result.banks.map((b) => [b.nameZh, b.type]))).toEqual({
      中国工商银行常州分行: 'large_state_bank',
      江苏银行: 'city_commercial_bank',
      江南农村商业银行: 'rural_commercial_bank',
      常州市融资担保有限公司: 'guarantor',
      中国建设银行: 'large_state_bank',
      招商银行: 'joint_stock_bank',
      深圳前海微众银行: 'private_bank',
      华东某金融服务公司: 'other',
      '汇丰银行(中国)有限公司': 'foreign_bank',
      苏州银行: 'city_commercial_bank',
      中国银行苏州分行: 'large_state_bank',
      未注明金融机构: 'other',
      江苏武进建信村镇银行: 'village_bank',
    });
    const unclassified = result.issues.filter((i) => i.code === 'W_BANK_UNCLASSIFIED');
    expect(unclassified.map((i) => [i.row, i.value, i.severity])).toEqual([
      [0, '华东某金融服务公司', 'warning'],
    ]);
    expect(
      result.issues.filter((i) => i.code === 'W_BANK_UNKNOWN').map((i) => [i.row, i.value]),
    ).toEqual([[8, '华东某金融服务公司']]);
  });

  it('gives the hand-counted SME coverage: 6 of 10 overall, nev 4 of 7, ic 2 of 3', async () => {
    const { dataset, analysis } = await importRealBanks();
    const all = groupCoverage(analysis, dataset.enterprises);
    expect([all.smes, all.coveredSmes]).toEqual([10, 6]);
    expect(all.enterpriseCoverage).toBeCloseTo(0.6, 10);
    const byChain = coverageBy(analysis, dataset.enterprises, 'chain');
    expect([byChain.get('nev')?.smes, byChain.get('nev')?.coveredSmes]).toEqual([7, 4]);
    expect([byChain.get('ic')?.smes, byChain.get('ic')?.coveredSmes]).toEqual([3, 2]);
  });

  it('counts a guarantor, an unknown institution and an unnamed one as credit but not as a lender', async () => {
    const { dataset, analysis } = await importRealBanks();
    const byName = (name: string) => {
      const e = dataset.enterprises.find((x) => x.nameZh.startsWith(name));
      return e ? analysis.byEnterprise.get(e.id) : undefined;
    };
    expect(byName('宁德丁')).toMatchObject({ approved: 2000, bankCount: 0, covered: false });
    expect(byName('常州庚')).toMatchObject({ approved: 300, bankCount: 0, covered: false });
    expect(byName('苏州癸')).toMatchObject({ approved: 400, bankCount: 0, covered: false });
    // The firm of the issue: approved credit from a real bank is no longer a first-loan candidate.
    expect(byName('常州甲')).toMatchObject({
      approved: 800,
      bankCount: 2,
      covered: true,
      firstLoanCandidate: false,
    });
    expect(byName('常州乙')).toMatchObject({ covered: false, firstLoanCandidate: true });
  });

  it("finds 江苏银行's white space in Changzhou where it serves no SME: separator, anode, recycling", async () => {
    const { dataset, analysis } = await importRealBanks();
    const bank = dataset.banks.find((b) => b.nameZh === '江苏银行');
    expect(bank).toMatchObject({ level: 'city', cityIds: ['changzhou'] });
    // Changzhou SMEs with a gap in nev links where 江苏银行 is absent: 隔膜 (row 3, gap 800),
    // 负极材料 (row 8, gap 300), 动力电池回收利用 (row 12, gap 50). 正极材料 is served by it (row 2).
    const entries = bankWhiteSpace(analysis, bank?.id ?? '', { chainId: 'nev' });
    expect(
      entries
        .map((e) => [e.linkId, e.smesWithGap, e.gap])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['nev.anode', 1, 300],
      ['nev.recycling', 1, 50],
      ['nev.separator', 1, 800],
    ]);
  });

  it('builds a dataset that passes the invariants', async () => {
    const { dataset } = await importRealBanks();
    expect(checkDatasetInvariants(dataset).filter((i) => i.severity === 'error')).toEqual([]);
  });
});
