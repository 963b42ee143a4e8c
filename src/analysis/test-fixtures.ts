/**
 * Builders for small hand-made datasets used by unit tests. Each call returns fresh objects, so no test
 * shares mutable fixtures. Defaults describe a plain small firm in link `t.mid` of chain `t` in city `a`.
 *
 * The test chain `t`:  t.up (upstream, weak) → t.mid (midstream, advantage) → t.down (downstream)
 *                      t.ext (downstream, extension) ← t.down;  feedback edge t.ext ⇢ t.up.
 */
import type {
  Bank,
  Chain,
  City,
  CreditRelation,
  Dataset,
  Enterprise,
  Link,
  SupplyEdge,
} from '../domain/schema';

export function createCity(over: Partial<City> = {}): City {
  return {
    id: 'a',
    gbCode: '320400',
    nameZh: '甲市',
    nameEn: 'City A',
    provinceZh: '江苏',
    provinceEn: 'Jiangsu',
    lat: 31.7736,
    lon: 119.954,
    ...over,
  };
}

export function createLink(over: Partial<Link> = {}): Link {
  return {
    id: 't.mid',
    chainId: 't',
    nameZh: '中游',
    nameEn: 'Mid',
    stage: 'midstream',
    layer: 1,
    isWeak: false,
    isAdvantage: false,
    isExtension: false,
    commodityCollateral: false,
    ...over,
  };
}

export function createTestLinks(): Link[] {
  return [
    createLink({
      id: 't.up',
      nameZh: '上游',
      nameEn: 'Up',
      stage: 'upstream',
      layer: 0,
      isWeak: true,
    }),
    createLink({ id: 't.mid', isAdvantage: true }),
    createLink({ id: 't.down', nameZh: '下游', nameEn: 'Down', stage: 'downstream', layer: 2 }),
    createLink({
      id: 't.ext',
      nameZh: '延伸',
      nameEn: 'Ext',
      stage: 'downstream',
      layer: 3,
      isExtension: true,
    }),
  ];
}

export function createTestChain(over: Partial<Chain> = {}): Chain {
  return {
    id: 't',
    nameZh: '测试链',
    nameEn: 'Test chain',
    linkIds: ['t.up', 't.mid', 't.down', 't.ext'],
    edges: [
      { from: 't.up', to: 't.mid', kind: 'supply' },
      { from: 't.mid', to: 't.down', kind: 'supply' },
      { from: 't.down', to: 't.ext', kind: 'supply' },
      { from: 't.ext', to: 't.up', kind: 'feedback' },
    ],
    clusters: [{ cityId: 'a', tier: 'A', focusLinkIds: ['t.up', 't.mid', 't.down', 't.ext'] }],
    ...over,
  };
}

export function createEnterprise(over: Partial<Enterprise> = {}): Enterprise {
  const linkId = over.primaryLinkId ?? 't.mid';
  return {
    id: 'e1',
    uscc: '91320400DE00000H56',
    nameZh: '示例企业',
    isSynthetic: true,
    cityId: 'a',
    chainIds: ['t'],
    linkIds: [linkId],
    primaryLinkId: linkId,
    employees: 100, // small: ≥ 20 and revenue ≥ 300, below medium's 300 employees
    revenue: 5000,
    sizeClass: 'small',
    isChainLeader: false,
    srdiTier: 'none',
    financingNeed: 1000,
    ...over,
  };
}

/** A chain leader: large, no need. */
export function createLeader(over: Partial<Enterprise> = {}): Enterprise {
  return createEnterprise({
    id: 'L1',
    nameZh: '示例链主',
    employees: 8000,
    revenue: 2_000_000,
    sizeClass: 'large',
    isChainLeader: true,
    financingNeed: 0,
    primaryLinkId: 't.down',
    linkIds: ['t.down'],
    ...over,
  });
}

export function createBank(over: Partial<Bank> = {}): Bank {
  return {
    id: 'b1',
    nameZh: '国有大型商业银行A（示例）',
    nameEn: 'Large State-owned Bank A (demo)',
    type: 'large_state_bank',
    level: 'national',
    cityIds: [],
    products: ['WC_LOAN', 'CREDIT_LOAN', 'FIRST_LOAN', 'SCF_AR', 'MLT_LOAN'],
    isSynthetic: true,
    ...over,
  };
}

export function createRelation(over: Partial<CreditRelation> = {}): CreditRelation {
  return {
    id: 'r1',
    bankId: 'b1',
    enterpriseId: 'e1',
    product: 'WC_LOAN',
    creditLine: 300,
    outstanding: 200,
    collateral: 'mortgage_property',
    status: 'active',
    ...over,
  };
}

export function createSupplyEdge(over: Partial<SupplyEdge> = {}): SupplyEdge {
  return {
    id: 's1',
    supplierId: 'e1',
    buyerId: 'L1',
    chainId: 't',
    fromLinkId: 't.mid',
    toLinkId: 't.down',
    annualValue: 2000,
    shareOfSupplierSales: 0.4,
    shareOfBuyerLinkPurchases: 0.5,
    buyerAlternatives: 1,
    ...over,
  };
}

export function createDataset(over: Partial<Dataset> = {}): Dataset {
  return {
    meta: {
      schemaVersion: '1.0',
      datasetId: 'test',
      kind: 'synthetic_demo',
      isSynthetic: true,
      titleZh: '测试',
      titleEn: 'Test',
      disclaimerZh: '测试数据',
      disclaimerEn: 'Test data',
      asOf: '2025-06-30',
      currency: 'CNY',
      amountUnit: 'wan_cny',
      crs: 'EPSG:4326',
      lpr: { oneYearPct: 3.0, fiveYearPct: 3.5, effectiveFrom: '2025-05-20' },
      sources: [],
    },
    cities: [createCity()],
    chains: [createTestChain()],
    links: createTestLinks(),
    enterprises: [],
    banks: [createBank()],
    creditRelations: [],
    supplyEdges: [],
    products: [],
    policies: [],
    batches: [],
    meetings: [],
    offers: [],
    ...over,
  };
}
