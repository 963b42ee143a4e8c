import { describe, expect, it } from 'vitest';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createLink,
  createRelation,
  createSupplyEdge,
  createTestChain,
  createTestLinks,
} from '../analysis/test-fixtures';
import { checkDatasetInvariants, type Violation } from './invariants';
import type {
  Batch,
  ChainPolicy,
  Dataset,
  DockingMeeting,
  Enterprise,
  Offer,
  Product,
} from './schema';
import { buildDemoUscc } from './uscc';

const usccOf = (serial: number) => buildDemoUscc('320400', serial);

function createPolicy(over: Partial<ChainPolicy> = {}): ChainPolicy {
  return {
    id: 'p1',
    chainId: 't',
    cityIds: ['a'],
    bankIds: ['b1'],
    titleZh: '测试链专属方案',
    titleEn: 'Test chain package',
    products: ['SCF_AR'],
    targetRoles: ['fill'],
    targetLinkIds: ['t.up'],
    eligibility: [],
    validFrom: '2025-01-01',
    validTo: '2025-12-31',
    ...over,
  };
}

function createBatch(over: Partial<Batch> = {}): Batch {
  return {
    id: 'bt1',
    bankId: 'b1',
    chainId: 't',
    cityId: 'a',
    meetingId: 'm1',
    createdAt: '2025-06-18',
    ruleVersion: '1',
    items: [
      {
        enterpriseId: 'e1',
        rank: 1,
        score: 0.8,
        recommendedProducts: ['SCF_AR'],
        reasonCodes: [],
        gap: 500,
        status: 'pushed',
      },
    ],
    ...over,
  };
}

function createMeeting(over: Partial<DockingMeeting> = {}): DockingMeeting {
  return {
    id: 'm1',
    date: '2025-06-18',
    cityId: 'a',
    chainIds: ['t'],
    bankIds: ['b1'],
    batchIds: ['bt1'],
    titleZh: '测试对接会',
    ...over,
  };
}

function createOffer(over: Partial<Offer> = {}): Offer {
  return {
    id: 'o1',
    bankId: 'b1',
    enterpriseId: 'e1',
    policyId: 'p1',
    batchId: 'bt1',
    product: 'SCF_AR',
    amount: 300,
    status: 'proposed',
    ...over,
  };
}

function createProduct(over: Partial<Product> = {}): Product {
  return {
    code: 'SCF_AR',
    nameZh: '应收账款融资',
    nameEn: 'Receivables finance',
    category: 'supply_chain',
    typicalTenorMonths: [3, 12],
    descriptionZh: '—',
    descriptionEn: '—',
    ...over,
  };
}

/** e1 (small, t.mid) supplies leader L1 (t.down); one of every other entity, all consistent. */
function createCleanDataset(over: Partial<Dataset> = {}): Dataset {
  return createDataset({
    enterprises: [createEnterprise({ uscc: usccOf(1) }), createLeader({ uscc: usccOf(2) })],
    creditRelations: [createRelation()],
    supplyEdges: [createSupplyEdge()],
    products: [createProduct()],
    policies: [createPolicy()],
    batches: [createBatch()],
    meetings: [createMeeting()],
    offers: [createOffer()],
    ...over,
  });
}

function asImport(ds: Dataset): Dataset {
  return { ...ds, meta: { ...ds.meta, kind: 'user_import', isSynthetic: false } };
}

/** A second chain `u` with one link `u.a`, for cross-chain defects. */
function withChainU(ds: Dataset): Dataset {
  return {
    ...ds,
    chains: [...ds.chains, createTestChain({ id: 'u', linkIds: ['u.a'], edges: [], clusters: [] })],
    links: [...ds.links, createLink({ id: 'u.a', chainId: 'u', stage: 'upstream', layer: 0 })],
  };
}

function withEnterprise(over: Partial<Enterprise>): Enterprise[] {
  return [createEnterprise({ uscc: usccOf(1), ...over }), createLeader({ uscc: usccOf(2) })];
}

const summary = (violations: Violation[]) =>
  violations.map((v) => [v.rule, v.severity, v.entity, v.id]);

type Case = [title: string, ds: () => Dataset, expected: [string, string, string, string][]];

describe('checkDatasetInvariants()', () => {
  it('checkDatasetInvariants() returns [] for a consistent dataset', () => {
    expect(checkDatasetInvariants(createCleanDataset())).toEqual([]);
    expect(checkDatasetInvariants(asImport(createCleanDataset()))).toEqual([]);
    expect(checkDatasetInvariants(createDataset())).toEqual([]);
  });

  it.each<Case>([
    [
      'an unresolved link.chainId',
      () =>
        createCleanDataset({
          links: [...createTestLinks(), createLink({ id: 'x.a', chainId: 'x' })],
        }),
      [['REF_MISSING', 'error', 'links', 'x.a']],
    ],
    [
      'a chain.linkIds entry that matches no link',
      () =>
        createCleanDataset({
          chains: [createTestChain({ linkIds: ['t.up', 't.mid', 't.down', 't.ext', 't.ghost'] })],
        }),
      [['REF_MISSING', 'error', 'chains', 't']],
    ],
    [
      'a chain edge to a link that does not exist',
      () => {
        const chain = createTestChain();
        chain.edges.push({ from: 't.down', to: 't.ghost', kind: 'supply' });
        return createCleanDataset({ chains: [chain] });
      },
      [['REF_MISSING', 'error', 'chains', 't']],
    ],
    [
      'a cluster in an unknown city',
      () =>
        createCleanDataset({
          chains: [createTestChain({ clusters: [{ cityId: 'zz', tier: 'A', focusLinkIds: [] }] })],
        }),
      [['REF_MISSING', 'error', 'chains', 't']],
    ],
    [
      'a cluster focus link outside the chain',
      () =>
        withChainU(
          createCleanDataset({
            chains: [
              createTestChain({ clusters: [{ cityId: 'a', tier: 'A', focusLinkIds: ['u.a'] }] }),
            ],
          }),
        ),
      [['LINK_NOT_IN_CHAIN', 'error', 'chains', 't']],
    ],
    [
      'a chain listing a link of another chain',
      () =>
        withChainU(
          createCleanDataset({
            chains: [createTestChain({ linkIds: ['t.up', 't.mid', 't.down', 't.ext', 'u.a'] })],
          }),
        ),
      [['LINK_NOT_IN_CHAIN', 'error', 'chains', 't']],
    ],
    [
      'a link its chain does not list',
      () => createCleanDataset({ links: [...createTestLinks(), createLink({ id: 't.extra' })] }),
      [['LINK_UNLISTED', 'warning', 'links', 't.extra']],
    ],
    [
      'an enterprise in an unknown city',
      () => createCleanDataset({ enterprises: withEnterprise({ cityId: 'zz' }) }),
      [['REF_MISSING', 'error', 'enterprises', 'e1']],
    ],
    [
      'an enterprise in an unknown chain',
      () => createCleanDataset({ enterprises: withEnterprise({ chainIds: ['t', 'zz'] }) }),
      [['REF_MISSING', 'error', 'enterprises', 'e1']],
    ],
    [
      'an enterprise link that matches no link',
      () => createCleanDataset({ enterprises: withEnterprise({ linkIds: ['t.mid', 't.ghost'] }) }),
      [['REF_MISSING', 'error', 'enterprises', 'e1']],
    ],
    [
      'an enterprise link outside its chainIds',
      () =>
        withChainU(
          createCleanDataset({ enterprises: withEnterprise({ linkIds: ['t.mid', 'u.a'] }) }),
        ),
      [['LINK_NOT_IN_CHAIN', 'error', 'enterprises', 'e1']],
    ],
    [
      'a primaryLinkId that is not among linkIds',
      () =>
        createCleanDataset({
          enterprises: withEnterprise({ primaryLinkId: 't.up', linkIds: ['t.mid'] }),
        }),
      [['PRIMARY_LINK_NOT_LISTED', 'error', 'enterprises', 'e1']],
    ],
    [
      'a supply edge from a later stage to an earlier one',
      () => {
        // t.d2 (downstream, layer 2) → t.m2 (midstream, layer 3): layers rise, no cycle, stage falls.
        const links = [
          ...createTestLinks(),
          createLink({ id: 't.d2', stage: 'downstream', layer: 2 }),
          createLink({ id: 't.m2', stage: 'midstream', layer: 3 }),
        ];
        const chain = createTestChain({
          linkIds: ['t.up', 't.mid', 't.down', 't.ext', 't.d2', 't.m2'],
        });
        chain.edges.push({ from: 't.d2', to: 't.m2', kind: 'supply' });
        return createCleanDataset({ links, chains: [chain] });
      },
      [['STAGE_ORDER', 'error', 'chains', 't']],
    ],
    [
      'a supply edge whose layers do not increase',
      () => {
        const links = createTestLinks().map((l) => (l.id === 't.down' ? { ...l, layer: 1 } : l));
        return createCleanDataset({ links });
      },
      [['LAYER_ORDER', 'error', 'chains', 't']],
    ],
    [
      'a supply self-loop as a cycle',
      () => {
        const chain = createTestChain();
        chain.edges.push({ from: 't.mid', to: 't.mid', kind: 'supply' });
        return createCleanDataset({ chains: [chain] });
      },
      [['SUPPLY_CYCLE', 'error', 'chains', 't']],
    ],
    [
      'a supply edge between an enterprise and itself',
      () => createCleanDataset({ supplyEdges: [createSupplyEdge({ buyerId: 'e1' })] }),
      [['SUPPLY_SELF_TRADE', 'error', 'supplyEdges', 's1']],
    ],
    [
      'a supply edge to an enterprise outside its chain',
      () =>
        withChainU(
          createCleanDataset({
            enterprises: [
              ...withEnterprise({}),
              createEnterprise({
                id: 'e3',
                uscc: usccOf(3),
                chainIds: ['u'],
                primaryLinkId: 'u.a',
              }),
            ],
            supplyEdges: [createSupplyEdge({ buyerId: 'e3' })],
          }),
        ),
      [['SUPPLY_PARTY_NOT_IN_CHAIN', 'error', 'supplyEdges', 's1']],
    ],
    [
      'a supply edge with an unknown buyer',
      () => createCleanDataset({ supplyEdges: [createSupplyEdge({ buyerId: 'zz' })] }),
      [['REF_MISSING', 'error', 'supplyEdges', 's1']],
    ],
    [
      'a supply edge on a link of another chain',
      () =>
        withChainU(createCleanDataset({ supplyEdges: [createSupplyEdge({ toLinkId: 'u.a' })] })),
      [['LINK_NOT_IN_CHAIN', 'error', 'supplyEdges', 's1']],
    ],
    [
      'off-map trade (no chain supply edge between the links) as a warning',
      () => createCleanDataset({ supplyEdges: [createSupplyEdge({ fromLinkId: 't.up' })] }),
      [['SUPPLY_OFF_MAP', 'warning', 'supplyEdges', 's1']],
    ],
    [
      'a relation with an unknown bank',
      () => createCleanDataset({ creditRelations: [createRelation({ bankId: 'zz' })] }),
      [['REF_MISSING', 'error', 'creditRelations', 'r1']],
    ],
    [
      'a relation with an unknown guarantor',
      () => createCleanDataset({ creditRelations: [createRelation({ guarantorId: 'zz' })] }),
      [['REF_MISSING', 'error', 'creditRelations', 'r1']],
    ],
    [
      'a relation via an unknown supply edge',
      () => createCleanDataset({ creditRelations: [createRelation({ viaSupplyEdgeId: 'zz' })] }),
      [['REF_MISSING', 'error', 'creditRelations', 'r1']],
    ],
    [
      'outstanding above 105% of the credit line as a warning',
      // 300 × 1.05 = 315 < 316
      () => createCleanDataset({ creditRelations: [createRelation({ outstanding: 316 })] }),
      [['OUTSTANDING_OVER_LINE', 'warning', 'creditRelations', 'r1']],
    ],
    [
      'a maturity date before the start date',
      () =>
        createCleanDataset({
          creditRelations: [
            createRelation({ startDate: '2025-01-01', maturityDate: '2024-12-31' }),
          ],
        }),
      [['MATURITY_BEFORE_START', 'error', 'creditRelations', 'r1']],
    ],
    [
      'a national bank with cities',
      () => createCleanDataset({ banks: [createBank({ cityIds: ['a'] })] }),
      [['BANK_LEVEL_CITIES', 'error', 'banks', 'b1']],
    ],
    [
      'a city bank without cities',
      () => createCleanDataset({ banks: [createBank(), createBank({ id: 'b2', level: 'city' })] }),
      [['BANK_LEVEL_CITIES', 'error', 'banks', 'b2']],
    ],
    [
      'a bank in an unknown city',
      () =>
        createCleanDataset({
          banks: [createBank(), createBank({ id: 'b2', level: 'city', cityIds: ['zz'] })],
        }),
      [['REF_MISSING', 'error', 'banks', 'b2']],
    ],
    [
      'a negative financing need',
      () => createCleanDataset({ enterprises: withEnterprise({ financingNeed: -5 }) }),
      [['AMOUNT_INVALID', 'error', 'enterprises', 'e1']],
    ],
    [
      'a NaN capex plan',
      () => createCleanDataset({ enterprises: withEnterprise({ capexPlan: Number.NaN }) }),
      [['AMOUNT_INVALID', 'error', 'enterprises', 'e1']],
    ],
    [
      'a negative outstanding balance',
      () => createCleanDataset({ creditRelations: [createRelation({ outstanding: -1 })] }),
      [['AMOUNT_INVALID', 'error', 'creditRelations', 'r1']],
    ],
    [
      'a negative annual trade value',
      () => createCleanDataset({ supplyEdges: [createSupplyEdge({ annualValue: -100 })] }),
      [['AMOUNT_INVALID', 'error', 'supplyEdges', 's1']],
    ],
    [
      'a city north of China',
      () => createCleanDataset({ cities: [createCity({ lat: 60 })] }),
      [['COORD_OUTSIDE_CHINA', 'error', 'cities', 'a']],
    ],
    [
      'an enterprise east of China',
      () => createCleanDataset({ enterprises: withEnterprise({ lat: 31, lon: 150 }) }),
      [['COORD_OUTSIDE_CHINA', 'error', 'enterprises', 'e1']],
    ],
    [
      'a point south of Hainan as a warning',
      // Yongxing Island (Xisha), inside the import envelope but below lat 18.1.
      () => createCleanDataset({ enterprises: withEnterprise({ lat: 16.83, lon: 112.33 }) }),
      [['COORD_SOUTH_SEA', 'warning', 'enterprises', 'e1']],
    ],
    [
      'a latitude without a longitude as a warning',
      () => createCleanDataset({ enterprises: withEnterprise({ lat: 31.7 }) }),
      [['COORD_INCOMPLETE', 'warning', 'enterprises', 'e1']],
    ],
    [
      'a USCC with a wrong check character',
      // Serial 0 is 91320400DE0000006P (worked in uscc.test.ts); Q still matches the demo pattern.
      () => createCleanDataset({ enterprises: withEnterprise({ uscc: '91320400DE0000006Q' }) }),
      [['USCC_INVALID', 'error', 'enterprises', 'e1']],
    ],
    [
      'an overridden check-character failure as a warning',
      () =>
        createCleanDataset({
          enterprises: withEnterprise({ uscc: '91320400DE0000006Q', usccCheckOverride: true }),
        }),
      [['USCC_INVALID', 'warning', 'enterprises', 'e1']],
    ],
    [
      'a wrong-length USCC as an error despite the override',
      () =>
        asImport(
          createCleanDataset({
            enterprises: withEnterprise({ uscc: '91350100M000100Y4', usccCheckOverride: true }),
          }),
        ),
      [['USCC_INVALID', 'error', 'enterprises', 'e1']],
    ],
    [
      'a USCC warning (non-enterprise prefix) as a warning',
      // 11350100M000100Y4B is valid apart from its prefix (worked in uscc.test.ts).
      () =>
        asImport(
          createCleanDataset({ enterprises: withEnterprise({ uscc: '11350100M000100Y4B' }) }),
        ),
      [['USCC_WARNING', 'warning', 'enterprises', 'e1']],
    ],
    [
      'a duplicate USCC on the second enterprise',
      () =>
        createCleanDataset({
          enterprises: [createEnterprise({ uscc: usccOf(1) }), createLeader({ uscc: usccOf(1) })],
        }),
      [['USCC_DUPLICATE', 'error', 'enterprises', 'L1']],
    ],
    [
      'a duplicate USCC that differs only in formatting',
      () =>
        asImport(
          createCleanDataset({
            enterprises: [
              createEnterprise({ uscc: '91350100M000100Y43' }),
              createLeader({ uscc: '9135-0100 m000100y43' }),
            ],
          }),
        ),
      [['USCC_DUPLICATE', 'error', 'enterprises', 'L1']],
    ],
    [
      'a real-looking USCC in synthetic demo data',
      () => createCleanDataset({ enterprises: withEnterprise({ uscc: '91350100M000100Y43' }) }),
      [['USCC_NOT_DEMO', 'error', 'enterprises', 'e1']],
    ],
    [
      'a declared size that differs from the industrial rule as a warning',
      // 100 employees and 5,000 万元 are small (≥ 20 and ≥ 300, but < 300 employees for medium).
      () => createCleanDataset({ enterprises: withEnterprise({ sizeClass: 'medium' }) }),
      [['SIZE_MISMATCH', 'warning', 'enterprises', 'e1']],
    ],
    [
      'a policy with an unknown city',
      () => createCleanDataset({ policies: [createPolicy({ cityIds: ['zz'] })] }),
      [['REF_MISSING', 'error', 'policies', 'p1']],
    ],
    [
      'a policy targeting a link of another chain',
      () =>
        withChainU(createCleanDataset({ policies: [createPolicy({ targetLinkIds: ['u.a'] })] })),
      [['LINK_NOT_IN_CHAIN', 'error', 'policies', 'p1']],
    ],
    [
      'a batch item for an unknown enterprise',
      () => {
        const batch = createBatch();
        const [item] = batch.items;
        if (item) item.enterpriseId = 'zz';
        return createCleanDataset({ batches: [batch] });
      },
      [['REF_MISSING', 'error', 'batches', 'bt1']],
    ],
    [
      'a batch for an unknown meeting',
      () => createCleanDataset({ batches: [createBatch({ meetingId: 'zz' })] }),
      [['REF_MISSING', 'error', 'batches', 'bt1']],
    ],
    [
      'a meeting listing an unknown batch',
      () => createCleanDataset({ meetings: [createMeeting({ batchIds: ['bt1', 'zz'] })] }),
      [['REF_MISSING', 'error', 'meetings', 'm1']],
    ],
    [
      'an offer from an unknown policy',
      () => createCleanDataset({ offers: [createOffer({ policyId: 'zz' })] }),
      [['REF_MISSING', 'error', 'offers', 'o1']],
    ],
    [
      'an offer to an unknown enterprise',
      () => createCleanDataset({ offers: [createOffer({ enterpriseId: 'zz' })] }),
      [['REF_MISSING', 'error', 'offers', 'o1']],
    ],
  ])('checkDatasetInvariants() reports %s', (_title, build, expected) => {
    expect(summary(checkDatasetInvariants(build()))).toEqual(expected);
  });

  it.each([
    'cities',
    'chains',
    'links',
    'enterprises',
    'banks',
    'creditRelations',
    'supplyEdges',
    'policies',
    'batches',
    'meetings',
    'offers',
  ] as const)('checkDatasetInvariants() reports a duplicate id in %s', (entity) => {
    const ds = createCleanDataset();
    const first = ds[entity][0];
    expect(first).toBeDefined();
    const withDuplicate = { ...ds, [entity]: [...ds[entity], structuredClone(first)] };
    const violations = checkDatasetInvariants(withDuplicate);
    expect(violations).toContainEqual(
      expect.objectContaining({ rule: 'ID_DUPLICATE', severity: 'error', entity, id: first?.id }),
    );
  });

  it('checkDatasetInvariants() reports a duplicate product code', () => {
    const ds = createCleanDataset({ products: [createProduct(), createProduct()] });
    expect(summary(checkDatasetInvariants(ds))).toEqual([
      ['ID_DUPLICATE', 'error', 'products', 'SCF_AR'],
    ]);
  });

  it('checkDatasetInvariants() ignores a feedback edge that closes a cycle', () => {
    const ds = createCleanDataset();
    // The test chain already loops t.up → t.mid → t.down → t.ext ⇢ t.up through a feedback edge.
    expect(ds.chains[0]?.edges).toContainEqual({ from: 't.ext', to: 't.up', kind: 'feedback' });
    expect(checkDatasetInvariants(ds)).toEqual([]);
  });

  it('checkDatasetInvariants() reports a supply-edge cycle', () => {
    const chain = createTestChain();
    chain.edges.push({ from: 't.down', to: 't.mid', kind: 'supply' });
    const violations = checkDatasetInvariants(createCleanDataset({ chains: [chain] }));
    // The back edge also runs downstream → midstream and against the layers.
    expect(summary(violations)).toEqual([
      ['STAGE_ORDER', 'error', 'chains', 't'],
      ['LAYER_ORDER', 'error', 'chains', 't'],
      ['SUPPLY_CYCLE', 'error', 'chains', 't'],
    ]);
    const cycle = violations.find((v) => v.rule === 'SUPPLY_CYCLE');
    expect(cycle?.messageEn).toMatch(/t\.mid → t\.down → t\.mid|t\.down → t\.mid → t\.down/);
  });

  it('checkDatasetInvariants() reports a cycle when the feedback edge is made a supply edge', () => {
    const chain = createTestChain({
      edges: createTestChain().edges.map((e) => ({ ...e, kind: 'supply' as const })),
    });
    const violations = checkDatasetInvariants(createCleanDataset({ chains: [chain] }));
    expect(violations.filter((v) => v.rule === 'SUPPLY_CYCLE')).toHaveLength(1);
  });

  it('checkDatasetInvariants() accepts trade within one link and outstanding of exactly 105%', () => {
    const ds = createCleanDataset({
      supplyEdges: [createSupplyEdge({ fromLinkId: 't.down', toLinkId: 't.down' })],
      creditRelations: [
        createRelation({ outstanding: 315, startDate: '2025-01-01', maturityDate: '2025-01-01' }),
      ],
    });
    expect(checkDatasetInvariants(ds)).toEqual([]);
  });

  it('checkDatasetInvariants() accepts a real-looking USCC in an import', () => {
    const ds = asImport(
      createCleanDataset({ enterprises: withEnterprise({ uscc: '91350100M000100Y43' }) }),
    );
    expect(checkDatasetInvariants(ds)).toEqual([]);
  });

  it('checkDatasetInvariants() reports all of several defects', () => {
    const ds = createCleanDataset({
      enterprises: withEnterprise({ sizeClass: 'large' }),
      banks: [createBank({ cityIds: ['a'] })],
      creditRelations: [createRelation({ startDate: '2025-06-01', maturityDate: '2025-05-31' })],
    });
    expect(summary(checkDatasetInvariants(ds))).toEqual([
      ['SIZE_MISMATCH', 'warning', 'enterprises', 'e1'],
      ['BANK_LEVEL_CITIES', 'error', 'banks', 'b1'],
      ['MATURITY_BEFORE_START', 'error', 'creditRelations', 'r1'],
    ]);
  });

  it('checkDatasetInvariants() names the entity, field and value in both languages', () => {
    const ds = createCleanDataset({
      enterprises: withEnterprise({ primaryLinkId: 't.up', linkIds: ['t.mid'] }),
    });
    const [violation] = checkDatasetInvariants(ds);
    expect(violation?.messageEn).toBe('enterprise e1: primaryLinkId "t.up" is not among linkIds');
    expect(violation?.messageZh).toBe('企业 e1：primaryLinkId "t.up" 不在 linkIds 中');
  });

  it('checkDatasetInvariants() suggests a swap for swapped coordinates', () => {
    const ds = createCleanDataset({ cities: [createCity({ lat: 119.954, lon: 31.7736 })] });
    const [violation] = checkDatasetInvariants(ds);
    expect(violation?.rule).toBe('COORD_OUTSIDE_CHINA');
    expect(violation?.messageEn).toContain('swapped');
    expect(violation?.messageZh).toContain('颠倒');
  });

  it('checkDatasetInvariants() does not mutate its input', () => {
    const chain = createTestChain();
    chain.edges.push({ from: 't.down', to: 't.mid', kind: 'supply' });
    const ds = createCleanDataset({
      chains: [chain],
      enterprises: withEnterprise({ sizeClass: 'micro', uscc: '91320400DE0000006Q' }),
      banks: [createBank({ cityIds: ['a'] })],
    });
    const before = structuredClone(ds);
    checkDatasetInvariants(ds);
    expect(ds).toEqual(before);
  });
});
