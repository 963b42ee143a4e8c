import { describe, expect, it } from 'vitest';
import type { Dataset, DisplayRole, ProductCode } from '../domain/schema';
import type { BatchResult } from './batch';
import { buildDatasetIndex } from './dataset-index';
import {
  buildBatchList,
  buildEnterpriseList,
  buildNeedsList,
  buildUnassignedList,
  needsTotals,
  sumWan,
  summarizeBatch,
} from './lists';
import { computeEnterpriseMetrics } from './metrics';
import { DEFAULT_PARAMS } from './params';
import {
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
} from './test-fixtures';
import type { Analysis, EnterpriseAnalysis } from './types';

interface Profile {
  role?: DisplayRole;
  products?: ProductCode[];
}

/** Metrics come from the dataset; role and products are set by hand. */
function analysisOf(over: Partial<Dataset>, profiles: Record<string, Profile> = {}): Analysis {
  const index = buildDatasetIndex(createDataset(over));
  const byEnterprise = new Map<string, EnterpriseAnalysis>();
  for (const e of index.dataset.enterprises) {
    const p = profiles[e.id] ?? {};
    byEnterprise.set(e.id, {
      ...computeEnterpriseMetrics(index, e),
      role: p.role ?? 'general',
      roleReasons: [],
      secondaryRoles: [],
      recommendedProducts: (p.products ?? []).map((code, i) => ({
        code,
        score: 0.9 - i * 0.1,
        reasons: [],
      })),
    });
  }
  return { index, params: DEFAULT_PARAMS, byEnterprise };
}

const firm = (id: string, link: string, cityId: string, financingNeed: number) =>
  createEnterprise({
    id,
    nameZh: `企业${id}`,
    nameEn: `Firm ${id}`,
    uscc: `USCC-${id}`,
    primaryLinkId: link,
    linkIds: [link],
    cityId,
    financingNeed,
  });

/**
 * Chain t (links in order t.up, t.mid, t.down, t.ext); cities a and b (both 江苏), c (浙江).
 *   e1 t.mid  city b  need 1000, approved 300 → gap 700   stabilize
 *   e2 t.up   city a  need    0                → gap   0  strengthen
 *   e3 t.mid  city a  need  200, approved   0 → gap 200   general
 *   e4 t.up   city c  need  500, approved 500 → gap   0   fill
 *   L1 t.down city a  leader, need 0
 *   x1 another chain's firm, never listed
 */
function listAnalysis(): Analysis {
  return analysisOf(
    {
      cities: [
        createCity(),
        createCity({ id: 'b', gbCode: '320500' }),
        createCity({ id: 'c', gbCode: '330100', provinceZh: '浙江', provinceEn: 'Zhejiang' }),
      ],
      enterprises: [
        {
          ...firm('e1', 't.mid', 'b', 1000),
          needPurposes: ['working_capital', 'equipment_renewal'],
          preferredTenor: 'short',
        },
        { ...firm('e2', 't.up', 'a', 0), srdiTier: 'little_giant' },
        firm('e3', 't.mid', 'a', 200),
        firm('e4', 't.up', 'c', 500),
        createLeader(),
        { ...firm('x1', 'o.up', 'a', 900), chainIds: ['o'] },
      ],
      creditRelations: [
        createRelation({ id: 'r1', enterpriseId: 'e1', creditLine: 300 }),
        createRelation({ id: 'r2', enterpriseId: 'e4', creditLine: 500 }),
      ],
    },
    {
      e1: { role: 'stabilize', products: ['SCF_AR', 'CREDIT_LOAN', 'MLT_LOAN', 'IP_PLEDGE'] },
      e2: { role: 'strengthen' },
      e3: { products: ['FIRST_LOAN'] },
      e4: { role: 'fill', products: ['RENEWAL_NO_PRINCIPAL'] },
      L1: { role: 'leader' },
    },
  );
}

describe('buildEnterpriseList()', () => {
  it('lists the chain upstream → downstream, then by city and id, leaders included', () => {
    const rows = buildEnterpriseList(listAnalysis(), { chainId: 't' });
    expect(rows.map((r) => r.enterpriseId)).toEqual(['e2', 'e4', 'e3', 'e1', 'L1']);
  });

  it('carries identity, computed size, SRDI tier and role', () => {
    const [e2] = buildEnterpriseList(listAnalysis(), { chainId: 't' });
    expect(e2).toEqual({
      enterpriseId: 'e2',
      nameZh: '企业e2',
      nameEn: 'Firm e2',
      uscc: 'USCC-e2',
      cityId: 'a',
      linkId: 't.up',
      size: 'small',
      srdiTier: 'little_giant',
      role: 'strengthen',
    });
  });

  it('narrows to the province of the scope', () => {
    const rows = buildEnterpriseList(listAnalysis(), { chainId: 't', provinceZh: '浙江' });
    expect(rows.map((r) => r.enterpriseId)).toEqual(['e4']);
  });

  it('narrows to the city of the scope', () => {
    const rows = buildEnterpriseList(listAnalysis(), { chainId: 't', cityId: 'a' });
    expect(rows.map((r) => r.enterpriseId)).toEqual(['e2', 'e3', 'L1']);
  });

  it('uses the firm’s link in this chain when its primary link is in another chain', () => {
    const analysis = analysisOf({
      enterprises: [
        { ...firm('m1', 'o.up', 'a', 0), chainIds: ['o', 't'], linkIds: ['o.up', 't.down'] },
      ],
    });
    expect(buildEnterpriseList(analysis, { chainId: 't' })[0]?.linkId).toBe('t.down');
  });

  it('rejects an unknown chain', () => {
    expect(() => buildEnterpriseList(listAnalysis(), { chainId: 'zz' })).toThrow(
      'unknown chain: zz',
    );
  });
});

describe('buildNeedsList()', () => {
  it('keeps firms with need > 0, largest gap first, then largest need', () => {
    const rows = buildNeedsList(listAnalysis(), { chainId: 't' });
    expect(rows.map((r) => [r.enterpriseId, r.need, r.approved, r.gap])).toEqual([
      ['e1', 1000, 300, 700],
      ['e3', 200, 0, 200],
      ['e4', 500, 500, 0],
    ]);
  });

  it('carries purposes, tenor and the top three products', () => {
    const [e1, e3] = buildNeedsList(listAnalysis(), { chainId: 't' });
    expect(e1?.purposes).toEqual(['working_capital', 'equipment_renewal']);
    expect(e1?.preferredTenor).toBe('short');
    expect(e1?.recommendedProducts).toEqual(['SCF_AR', 'CREDIT_LOAN', 'MLT_LOAN']);
    expect(e3?.purposes).toEqual([]);
    expect(e3?.preferredTenor).toBeNull();
  });

  it('totals need, approved and gap: 1700, 800, 900', () => {
    const rows = buildNeedsList(listAnalysis(), { chainId: 't' });
    expect(needsTotals(rows)).toEqual({ need: 1700, approved: 800, gap: 900 });
  });
});

/** b1 ← [e3 rank 1, e1 rank 2]; b2 ← [e1 rank 1]; e4 left over (hand-made, not from buildBatches). */
function handResult(): BatchResult {
  return {
    assignments: [
      {
        bankId: 'b1',
        items: [
          {
            enterpriseId: 'e1',
            bankId: 'b1',
            rank: 2,
            score: 0.7,
            factors: { fit: 0.7, gap: 0, role: 0, size: 0, novelty: 0 },
            recommendedProducts: ['SCF_AR'],
            reasonCodes: ['M-AR-ON-LEADER'],
            gap: 700,
          },
          {
            enterpriseId: 'e3',
            bankId: 'b1',
            rank: 1,
            score: 0.8,
            factors: { fit: 0.8, gap: 0, role: 0, size: 0, novelty: 0 },
            recommendedProducts: ['FIRST_LOAN'],
            reasonCodes: ['M-NO-BANK-CREDIT'],
            gap: 200,
          },
        ],
      },
      {
        bankId: 'b2',
        items: [
          {
            enterpriseId: 'e1',
            bankId: 'b2',
            rank: 1,
            score: 0.65,
            factors: { fit: 0.65, gap: 0, role: 0, size: 0, novelty: 0 },
            recommendedProducts: ['CREDIT_LOAN'],
            reasonCodes: ['M-TAX-OR-SRDI'],
            gap: 700,
          },
        ],
      },
    ],
    unassigned: [
      {
        enterpriseId: 'e4',
        gap: 150,
        role: 'fill',
        computedSize: 'small',
        reason: 'no_matching_bank',
        suggestedTools: ['GOV_GUARANTEE'],
      },
    ],
  };
}

describe('buildBatchList()', () => {
  it('flattens the banks in order and each bank’s items by rank', () => {
    const rows = buildBatchList(listAnalysis(), handResult(), 't');
    expect(rows.map((r) => `${r.bankId}:${r.rank}:${r.enterpriseId}`)).toEqual([
      'b1:1:e3',
      'b1:2:e1',
      'b2:1:e1',
    ]);
  });

  it('joins identity and role to each item', () => {
    const row = buildBatchList(listAnalysis(), handResult(), 't')[1];
    expect(row).toMatchObject({
      nameZh: '企业e1',
      uscc: 'USCC-e1',
      cityId: 'b',
      linkId: 't.mid',
      role: 'stabilize',
      score: 0.7,
      factors: { fit: 0.7, gap: 0, role: 0, size: 0, novelty: 0 },
      recommendedProducts: ['SCF_AR'],
      reasonCodes: ['M-AR-ON-LEADER'],
      gap: 700,
    });
  });

  it('does not mutate the batch result', () => {
    const result = handResult();
    const before = structuredClone(result);
    buildBatchList(listAnalysis(), result, 't');
    expect(result).toEqual(before);
  });
});

describe('buildUnassignedList()', () => {
  it('keeps the reason and the suggested tools', () => {
    expect(buildUnassignedList(listAnalysis(), handResult(), 't')).toEqual([
      {
        enterpriseId: 'e4',
        nameZh: '企业e4',
        nameEn: 'Firm e4',
        uscc: 'USCC-e4',
        cityId: 'c',
        linkId: 't.up',
        role: 'fill',
        size: 'small',
        gap: 150,
        reason: 'no_matching_bank',
        suggestedTools: ['GOV_GUARANTEE'],
      },
    ]);
  });
});

describe('summarizeBatch()', () => {
  it('counts a firm once in firmGap and once per bank in itemGap', () => {
    expect(summarizeBatch(handResult())).toEqual({
      banks: 2,
      items: 3,
      firms: 2,
      itemGap: 1600, // 700 + 200 + 700
      firmGap: 900, // e1 700 + e3 200
      unassigned: 1,
      unassignedGap: 150,
      perBank: [
        { bankId: 'b1', items: 2, gap: 900 },
        { bankId: 'b2', items: 1, gap: 700 },
      ],
    });
  });

  it('is all zeros for an empty result', () => {
    expect(summarizeBatch({ assignments: [], unassigned: [] })).toMatchObject({
      banks: 0,
      items: 0,
      firms: 0,
      itemGap: 0,
      firmGap: 0,
    });
  });
});

describe('sumWan()', () => {
  it('keeps two decimals: 0.1 + 0.2 = 0.3', () => {
    expect(sumWan([0.1, 0.2])).toBe(0.3);
  });
});
