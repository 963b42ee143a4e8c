import { describe, expect, it } from 'vitest';
import type { CreditRelation, Dataset, Enterprise, Link, SupplyEdge } from '../domain/schema';
import { buildDatasetIndex } from './dataset-index';
import { computeEnterpriseMetrics } from './metrics';
import { recommendProducts } from './products';
import {
  createBank,
  createDataset,
  createEnterprise,
  createLeader,
  createLink,
  createRelation,
  createSupplyEdge,
  createTestLinks,
} from './test-fixtures';
import type { ProductRecommendation } from './types';

interface Setup {
  others?: Enterprise[];
  supplyEdges?: SupplyEdge[];
  /** Defaults to one live b1 line of 300 without a maturity date. */
  creditRelations?: CreditRelation[];
  links?: Link[];
  asOf?: string;
}

/**
 * Products of e1. The defaults make a firm no rule fires for: small (100 employees, 5000 万元),
 * need 1000 with one live bank line of 300 (covered, gap 700), a property to mortgage, no other
 * features, in plain link t.down.
 */
function productsOf(firm: Partial<Enterprise>, setup: Setup = {}): ProductRecommendation[] {
  const dataset = createDataset({
    enterprises: [
      createEnterprise({
        primaryLinkId: 't.down',
        collateralAvailable: ['mortgage_property'],
        ...firm,
      }),
      ...(setup.others ?? []),
    ],
    banks: [createBank(), createBank({ id: 'g1', type: 'gov_guarantor', level: 'provincial' })],
    creditRelations: setup.creditRelations ?? [createRelation()],
    supplyEdges: setup.supplyEdges ?? [],
    links: setup.links ?? createTestLinks(),
  });
  if (setup.asOf) dataset.meta.asOf = setup.asOf;
  const index = buildDatasetIndex(dataset);
  const e = index.enterpriseById.get('e1');
  if (!e) throw new Error('e1 missing');
  return recommendProducts(index, e, computeEnterpriseMetrics(index, e));
}

const codesOf = (list: ProductRecommendation[]) => list.map((r) => r.code);

/** A large firm that is not a chain leader: 1000 employees and 40,000 万元 meet the large bounds. */
const largeBuyer = () =>
  createEnterprise({ id: 'B1', employees: 1000, revenue: 40000, sizeClass: 'large' });
/** A small buyer: the default 100 employees, 5000 万元. */
const smallBuyer = () => createEnterprise({ id: 'S1' });

describe('recommendProducts()', () => {
  it('recommends nothing to a covered firm with collateral and no other feature', () => {
    expect(productsOf({})).toEqual([]);
  });

  it('recommends nothing to a chain leader, even with features that match', () => {
    const dataset = createDataset({
      enterprises: [
        createLeader({
          financingNeed: 5000,
          inventionPatents: 9,
          exportSharePct: 50,
          dioDays: 120,
        }),
      ],
    });
    const index = buildDatasetIndex(dataset);
    const leader = index.enterpriseById.get('L1');
    if (!leader) throw new Error('L1 missing');
    expect(recommendProducts(index, leader, computeEnterpriseMetrics(index, leader))).toEqual([]);
  });

  describe('single rules', () => {
    const cases: {
      title: string;
      firm: Partial<Enterprise>;
      setup?: Setup;
      expected: ProductRecommendation[];
    }[] = [
      {
        title: 'SCF_AR 0.9 for receivables outstanding on a leader',
        firm: {},
        setup: {
          others: [createLeader()],
          supplyEdges: [createSupplyEdge({ receivableOutstanding: 100 })],
        },
        expected: [{ code: 'SCF_AR', score: 0.9, reasons: ['M-AR-ON-LEADER'] }],
      },
      {
        title: 'SCF_AR 0.9 for DSO 60 on a leader without recorded receivables',
        firm: { dsoDays: 60 },
        setup: { others: [createLeader()], supplyEdges: [createSupplyEdge()] },
        expected: [{ code: 'SCF_AR', score: 0.9, reasons: ['M-AR-ON-LEADER'] }],
      },
      {
        title: 'no SCF_AR for DSO 59 on a leader without recorded receivables',
        firm: { dsoDays: 59 },
        setup: { others: [createLeader()], supplyEdges: [createSupplyEdge()] },
        expected: [],
      },
      {
        title: 'SCF_AR 0.9 for receivables on a large buyer that is not a leader',
        firm: {},
        setup: {
          others: [largeBuyer()],
          supplyEdges: [createSupplyEdge({ buyerId: 'B1', receivableOutstanding: 100 })],
        },
        expected: [{ code: 'SCF_AR', score: 0.9, reasons: ['M-AR-ON-LEADER'] }],
      },
      {
        title: 'no SCF_AR for receivables on a small buyer',
        firm: { dsoDays: 120 },
        setup: {
          others: [smallBuyer()],
          supplyEdges: [createSupplyEdge({ buyerId: 'S1', receivableOutstanding: 100 })],
        },
        expected: [],
      },
      {
        title: 'FIRST_LOAN 0.9 with no lender and need > 0',
        firm: {},
        setup: { creditRelations: [] },
        expected: [{ code: 'FIRST_LOAN', score: 0.9, reasons: ['M-NO-BANK-CREDIT'] }],
      },
      {
        // a guarantee of 300 is credit but not a lender: gap 700, still no bank
        title: 'FIRST_LOAN 0.9 when the only relation is with a guarantor',
        firm: {},
        setup: { creditRelations: [createRelation({ bankId: 'g1' })] },
        expected: [{ code: 'FIRST_LOAN', score: 0.9, reasons: ['M-NO-BANK-CREDIT'] }],
      },
      {
        title: 'IP_PLEDGE 0.5 at 1 invention patent',
        firm: { inventionPatents: 1 },
        expected: [{ code: 'IP_PLEDGE', score: 0.5, reasons: ['M-PATENTS'] }],
      },
      {
        title: 'IP_PLEDGE 0.5 at 4 invention patents',
        firm: { inventionPatents: 4 },
        expected: [{ code: 'IP_PLEDGE', score: 0.5, reasons: ['M-PATENTS'] }],
      },
      {
        title: 'IP_PLEDGE 0.8 at 5 invention patents',
        firm: { inventionPatents: 5 },
        expected: [{ code: 'IP_PLEDGE', score: 0.8, reasons: ['M-PATENTS'] }],
      },
      { title: 'no IP_PLEDGE at 0 patents', firm: { inventionPatents: 0 }, expected: [] },
      {
        title: 'MLT_LOAN 0.8 for a tech-upgrade purpose',
        firm: { needPurposes: ['tech_upgrade'] },
        expected: [{ code: 'MLT_LOAN', score: 0.8, reasons: ['M-CAPEX'] }],
      },
      {
        title: 'MLT_LOAN 0.8 for an equipment-renewal purpose',
        firm: { needPurposes: ['equipment_renewal'] },
        expected: [{ code: 'MLT_LOAN', score: 0.8, reasons: ['M-CAPEX'] }],
      },
      {
        title: 'MLT_LOAN 0.8 for a digital-transformation purpose',
        firm: { needPurposes: ['market_expansion', 'digital_transformation'] },
        expected: [{ code: 'MLT_LOAN', score: 0.8, reasons: ['M-CAPEX'] }],
      },
      {
        title: 'MLT_LOAN 0.8 for a capex plan',
        firm: { capexPlan: 1 },
        expected: [{ code: 'MLT_LOAN', score: 0.8, reasons: ['M-CAPEX'] }],
      },
      {
        title: 'MLT_LOAN 0.8 for a preferred medium/long tenor',
        firm: { preferredTenor: 'medium_long' },
        expected: [{ code: 'MLT_LOAN', score: 0.8, reasons: ['M-CAPEX'] }],
      },
      {
        title: 'no MLT_LOAN for a market-expansion purpose, capex 0 and short tenor',
        firm: { needPurposes: ['market_expansion'], capexPlan: 0, preferredTenor: 'short' },
        expected: [],
      },
      {
        title: 'CREDIT_LOAN 0.7 for tax grade A',
        firm: { taxCreditGrade: 'A' },
        expected: [{ code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] }],
      },
      {
        title: 'CREDIT_LOAN 0.7 for tax grade B',
        firm: { taxCreditGrade: 'B' },
        expected: [{ code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] }],
      },
      { title: 'no CREDIT_LOAN for tax grade M', firm: { taxCreditGrade: 'M' }, expected: [] },
      {
        title: 'CREDIT_LOAN 0.7 for an srdi firm',
        firm: { srdiTier: 'srdi' },
        expected: [{ code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] }],
      },
      {
        // “any SRDI tier” read as any tier of the 梯度培育 ladder, innovative included
        title: 'CREDIT_LOAN 0.7 for an “innovative” firm',
        firm: { srdiTier: 'innovative' },
        expected: [{ code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] }],
      },
      {
        title: 'GOV_GUARANTEE 0.7 for a small firm with no collateral recorded',
        firm: { collateralAvailable: undefined },
        expected: [{ code: 'GOV_GUARANTEE', score: 0.7, reasons: ['M-NO-COLLATERAL-SMALL'] }],
      },
      {
        // 10 employees < 20 → micro; a receivable pledge is not a mortgage
        title: 'GOV_GUARANTEE 0.7 for a micro firm with only receivables to pledge',
        firm: { employees: 10, collateralAvailable: ['pledge_receivable'] },
        expected: [{ code: 'GOV_GUARANTEE', score: 0.7, reasons: ['M-NO-COLLATERAL-SMALL'] }],
      },
      {
        title: 'no GOV_GUARANTEE for a small firm with equipment to mortgage',
        firm: { collateralAvailable: ['mortgage_equipment'] },
        expected: [],
      },
      {
        // 300 employees and 5000 万元 → medium
        title: 'no GOV_GUARANTEE for a medium firm without collateral',
        firm: { employees: 300, collateralAvailable: [] },
        expected: [],
      },
      {
        title: 'INSURANCE 0.6 and TRADE_FINANCE 0.5 at export share 20%',
        firm: { exportSharePct: 20 },
        expected: [
          { code: 'INSURANCE', score: 0.6, reasons: ['M-EXPORT-CREDIT-INSURANCE'] },
          { code: 'TRADE_FINANCE', score: 0.5, reasons: ['M-EXPORTER'] },
        ],
      },
      {
        title: 'no export products at export share 19.9%',
        firm: { exportSharePct: 19.9 },
        expected: [],
      },
      {
        title: 'INSURANCE 0.7 for a first-set breakthrough',
        firm: { techBreakthrough: { kind: 'first_set' } },
        expected: [{ code: 'INSURANCE', score: 0.7, reasons: ['M-FIRST-SET-INSURANCE'] }],
      },
      {
        title: 'no INSURANCE for an import-substitution breakthrough',
        firm: { techBreakthrough: { kind: 'import_substitution' } },
        expected: [],
      },
      {
        // max(0.6, 0.7) = 0.7, both reasons listed
        title: 'INSURANCE 0.7 with both reasons for an exporter with a first-set breakthrough',
        firm: { exportSharePct: 35, techBreakthrough: { kind: 'first_set' } },
        expected: [
          {
            code: 'INSURANCE',
            score: 0.7,
            reasons: ['M-EXPORT-CREDIT-INSURANCE', 'M-FIRST-SET-INSURANCE'],
          },
          { code: 'TRADE_FINANCE', score: 0.5, reasons: ['M-EXPORTER'] },
        ],
      },
      {
        title: 'SCF_ORDER 0.6 for growth 10% selling to a leader',
        firm: { revenueGrowthPct: 10 },
        setup: { others: [createLeader()], supplyEdges: [createSupplyEdge()] },
        expected: [{ code: 'SCF_ORDER', score: 0.6, reasons: ['M-ORDERS-GROWTH'] }],
      },
      {
        title: 'no SCF_ORDER for growth 9.9% selling to a leader',
        firm: { revenueGrowthPct: 9.9 },
        setup: { others: [createLeader()], supplyEdges: [createSupplyEdge()] },
        expected: [],
      },
      {
        title: 'no SCF_ORDER for growth 30% without a leader or large buyer',
        firm: { revenueGrowthPct: 30 },
        setup: {
          others: [smallBuyer()],
          supplyEdges: [createSupplyEdge({ buyerId: 'S1' })],
        },
        expected: [],
      },
      {
        title: 'SCF_WAREHOUSE 0.6 in a commodity link',
        firm: {},
        setup: {
          links: [
            ...createTestLinks().filter((l) => l.id !== 't.down'),
            createLink({ id: 't.down', commodityCollateral: true }),
          ],
        },
        expected: [{ code: 'SCF_WAREHOUSE', score: 0.6, reasons: ['M-STANDARD-COMMODITY'] }],
      },
      {
        title: 'EQUITY 0.6 for an srdi firm with R&D 5%',
        firm: { srdiTier: 'srdi', rdIntensityPct: 5 },
        expected: [
          { code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] },
          { code: 'EQUITY', score: 0.6, reasons: ['M-SRDI-RND'] },
        ],
      },
      {
        title: 'no EQUITY for an srdi firm with R&D 4.9% outside a weak link',
        firm: { srdiTier: 'srdi', rdIntensityPct: 4.9 },
        expected: [{ code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] }],
      },
      {
        title: 'EQUITY 0.6 for a little giant in weak link t.up',
        firm: { primaryLinkId: 't.up', srdiTier: 'little_giant' },
        expected: [
          { code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] },
          { code: 'EQUITY', score: 0.6, reasons: ['M-SRDI-RND'] },
        ],
      },
      {
        title: 'no EQUITY for an “innovative” firm with R&D 8%',
        firm: { srdiTier: 'innovative', rdIntensityPct: 8 },
        expected: [{ code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] }],
      },
      {
        title: 'SCF_INVENTORY 0.5 at DIO 90',
        firm: { dioDays: 90 },
        expected: [{ code: 'SCF_INVENTORY', score: 0.5, reasons: ['M-HIGH-INVENTORY'] }],
      },
      { title: 'no SCF_INVENTORY at DIO 89', firm: { dioDays: 89 }, expected: [] },
      {
        title: 'REVOLVING 0.5 for a covered firm that needs working capital',
        firm: { needPurposes: ['working_capital'] },
        expected: [{ code: 'REVOLVING', score: 0.5, reasons: ['M-WORKING-CAPITAL'] }],
      },
      {
        // covered only by a guarantor: not a lender, so FIRST_LOAN instead of REVOLVING
        title: 'no REVOLVING when the only relation is with a guarantor',
        firm: { needPurposes: ['working_capital'] },
        setup: { creditRelations: [createRelation({ bankId: 'g1' })] },
        expected: [{ code: 'FIRST_LOAN', score: 0.9, reasons: ['M-NO-BANK-CREDIT'] }],
      },
    ];
    it.each(cases)('recommendProducts() gives $title', ({ firm, setup, expected }) => {
      expect(productsOf(firm, setup)).toEqual(expected);
    });
  });

  describe('RENEWAL_NO_PRINCIPAL (asOf 2025-06-30 unless given)', () => {
    const renewal: ProductRecommendation = {
      code: 'RENEWAL_NO_PRINCIPAL',
      score: 0.8,
      reasons: ['M-MATURING-90D'],
    };
    /** 300 employees and 5000 万元 → medium */
    const medium = { employees: 300 };
    const cases: {
      title: string;
      firm: Partial<Enterprise>;
      relation: Partial<CreditRelation>;
      asOf?: string;
      hit: boolean;
    }[] = [
      {
        // 2025-06-30 → 2025-09-28: 31 + 31 + 28 = 90 days
        title: 'a small firm’s loan maturing on day 90',
        firm: {},
        relation: { maturityDate: '2025-09-28' },
        hit: true,
      },
      {
        title: 'not a small firm’s loan maturing on day 91',
        firm: {},
        relation: { maturityDate: '2025-09-29' },
        hit: false,
      },
      {
        title: 'not a loan that matured yesterday',
        firm: {},
        relation: { maturityDate: '2025-06-29' },
        hit: false,
      },
      {
        title: 'not a relation that is no longer live',
        firm: {},
        relation: { maturityDate: '2025-08-01', status: 'matured' },
        hit: false,
      },
      {
        // 9 employees → micro; any bank loan product qualifies for small/micro firms
        title: 'a micro firm’s medium-term loan maturing within 90 days',
        firm: { employees: 9 },
        relation: { maturityDate: '2025-08-01', product: 'MLT_LOAN' },
        hit: true,
      },
      {
        title: 'a medium firm’s working-capital loan maturing within 90 days',
        firm: medium,
        relation: { maturityDate: '2025-08-01', product: 'WC_LOAN' },
        hit: true,
      },
      {
        title: 'not a medium firm’s receivables facility maturing within 90 days',
        firm: medium,
        relation: { maturityDate: '2025-08-01', product: 'SCF_AR' },
        hit: false,
      },
      {
        // 2027-08-01 → 2027-09-30: 30 + 30 = 60 days, on the cut-off date
        title: 'a medium firm’s working-capital loan maturing on the 2027-09-30 cut-off',
        firm: medium,
        relation: { maturityDate: '2027-09-30' },
        asOf: '2027-08-01',
        hit: true,
      },
      {
        title: 'not a medium firm’s working-capital loan maturing 2027-10-01, after the cut-off',
        firm: medium,
        relation: { maturityDate: '2027-10-01' },
        asOf: '2027-08-01',
        hit: false,
      },
      {
        title: 'a small firm’s loan maturing 2027-10-01: the cut-off binds medium firms only',
        firm: {},
        relation: { maturityDate: '2027-10-01' },
        asOf: '2027-08-01',
        hit: true,
      },
      {
        // 1000 employees, 40,000 万元 → large (not a leader, so it still gets products)
        title: 'not a large firm’s loan maturing within 90 days',
        firm: { employees: 1000, revenue: 40000, collateralAvailable: ['mortgage_property'] },
        relation: { maturityDate: '2025-08-01' },
        hit: false,
      },
    ];
    it.each(cases)('recommendProducts() renews $title', ({ firm, relation, asOf, hit }) => {
      // r0 keeps the firm covered without a maturity date; need 1000 − (300 + 100) = gap 600
      const products = productsOf(firm, {
        creditRelations: [
          createRelation({ id: 'r0' }),
          createRelation({ id: 'r1', creditLine: 100, ...relation }),
        ],
        ...(asOf ? { asOf } : {}),
      });
      expect(products).toEqual(hit ? [renewal] : []);
    });

    it('recommendProducts() does not renew a guarantee maturing within 90 days', () => {
      const products = productsOf(
        {},
        {
          creditRelations: [
            createRelation({ id: 'r1' }),
            createRelation({ id: 'r2', bankId: 'g1', maturityDate: '2025-08-01' }),
          ],
        },
      );
      expect(products).toEqual([]);
    });
  });

  it('recommendProducts() sorts by score, then by code', () => {
    // Covered small firm (line 300, gap 700) matching a rule in every score band.
    const products = productsOf(
      {
        primaryLinkId: 't.up', // weak → EQUITY for the little giant
        srdiTier: 'little_giant',
        inventionPatents: 5,
        needPurposes: ['working_capital', 'tech_upgrade'],
        collateralAvailable: [],
        exportSharePct: 25,
        techBreakthrough: { kind: 'first_set' },
        revenueGrowthPct: 12,
        dioDays: 100,
        dsoDays: 75,
      },
      {
        others: [createLeader()],
        supplyEdges: [createSupplyEdge({ fromLinkId: 't.up' })],
        creditRelations: [createRelation({ maturityDate: '2025-08-01' })],
        links: createTestLinks().map((l) =>
          l.id === 't.up' ? { ...l, commodityCollateral: true } : l,
        ),
      },
    );
    expect(products.map((r) => [r.code, r.score])).toEqual([
      ['SCF_AR', 0.9],
      ['IP_PLEDGE', 0.8],
      ['MLT_LOAN', 0.8],
      ['RENEWAL_NO_PRINCIPAL', 0.8],
      ['CREDIT_LOAN', 0.7],
      ['GOV_GUARANTEE', 0.7],
      ['INSURANCE', 0.7],
      ['EQUITY', 0.6],
      ['SCF_ORDER', 0.6],
      ['SCF_WAREHOUSE', 0.6],
      ['REVOLVING', 0.5],
      ['SCF_INVENTORY', 0.5],
      ['TRADE_FINANCE', 0.5],
    ]);
  });

  it('recommendProducts() breaks a score tie by code: FIRST_LOAN before SCF_AR at 0.9', () => {
    const products = productsOf(
      { dsoDays: 80 },
      { others: [createLeader()], supplyEdges: [createSupplyEdge()], creditRelations: [] },
    );
    expect(codesOf(products)).toEqual(['FIRST_LOAN', 'SCF_AR']);
  });

  it('recommendProducts() keeps only renewal and revolving for a firm with gap 0', () => {
    // need 1000, line 1000 → gap 0; every other rule would match
    const products = productsOf(
      {
        inventionPatents: 8,
        needPurposes: ['working_capital', 'tech_upgrade'],
        exportSharePct: 40,
        dioDays: 120,
        taxCreditGrade: 'A',
        collateralAvailable: [],
      },
      { creditRelations: [createRelation({ creditLine: 1000, maturityDate: '2025-08-01' })] },
    );
    expect(products).toEqual([
      { code: 'RENEWAL_NO_PRINCIPAL', score: 0.8, reasons: ['M-MATURING-90D'] },
      { code: 'REVOLVING', score: 0.5, reasons: ['M-WORKING-CAPITAL'] },
    ]);
  });

  it('recommendProducts() gives nothing to an over-covered firm with no continuity need', () => {
    // need 1000, line 2500 → gap 0, no maturing loan, no working-capital purpose
    const products = productsOf(
      { inventionPatents: 8, exportSharePct: 40, taxCreditGrade: 'A' },
      { creditRelations: [createRelation({ creditLine: 2500 })] },
    );
    expect(products).toEqual([]);
  });

  it('recommendProducts() does not mutate the dataset', () => {
    const dataset: Dataset = createDataset({
      enterprises: [
        createEnterprise({
          inventionPatents: 3,
          exportSharePct: 30,
          needPurposes: ['tech_upgrade'],
        }),
        createLeader(),
      ],
      supplyEdges: [createSupplyEdge({ receivableOutstanding: 50 })],
      creditRelations: [createRelation({ maturityDate: '2025-08-01' })],
    });
    const before = structuredClone(dataset);
    const index = buildDatasetIndex(dataset);
    for (const e of dataset.enterprises) {
      recommendProducts(index, e, computeEnterpriseMetrics(index, e));
    }
    expect(dataset).toEqual(before);
  });
});
