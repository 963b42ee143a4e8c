import { describe, expect, it } from 'vitest';
import type { CreditRelation, Dataset, Enterprise, Link, SupplyEdge } from '../domain/schema';
import { buildDatasetIndex } from './dataset-index';
import { computeAllMetrics } from './metrics';
import { DEFAULT_PARAMS, type Params } from './params';
import { assignRole, countSmesByLinkCity } from './roles';
import {
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createLink,
  createRelation,
  createSupplyEdge,
  createTestChain,
  createTestLinks,
} from './test-fixtures';
import type { RoleResult } from './types';

const cities = [createCity(), createCity({ id: 'b', gbCode: '320500' })];

/**
 * Plain small firms beside e1 so that the local SME count neither makes e1 scarce (R-FILL-SCARCE:
 * ≤ 3 SMEs in a weak link × city) nor a breakpoint (R-STAB-BREAKPOINT: ≤ 2 SMEs elsewhere).
 * t.up is weak: e1 + 3 peers = 4 SMEs. t.mid, t.down: e1 + 2 peers = 3. t.ext has neither rule.
 */
const NEUTRAL_PEERS: Record<string, number> = { 't.up': 3, 't.mid': 2, 't.down': 2, 't.ext': 0 };

const peersIn = (linkId: string, n: number, cityId = 'a', linkIds = [linkId]): Enterprise[] =>
  Array.from({ length: n }, (_, i) =>
    createEnterprise({
      id: `p${i + 1}.${linkId}.${cityId}`,
      primaryLinkId: linkId,
      linkIds,
      cityId,
    }),
  );

/** A large firm that is not a chain leader: 1000 employees and 40,000 万元 meet the large bounds. */
const createLargeFirm = (over: Partial<Enterprise> = {}): Enterprise =>
  createEnterprise({ id: 'B1', employees: 1000, revenue: 40000, sizeClass: 'large', ...over });

function roleIn(over: Partial<Dataset>, id = 'e1', params: Params = DEFAULT_PARAMS): RoleResult {
  const index = buildDatasetIndex(createDataset({ cities, ...over }));
  const metrics = computeAllMetrics(index, params);
  const smesByLinkCity = countSmesByLinkCity(index, metrics);
  const e = index.enterpriseById.get(id);
  if (!e) throw new Error(`unknown enterprise: ${id}`);
  return assignRole({ index, metrics, smesByLinkCity, params }, e);
}

interface FirmSetup {
  /** Local SME peers; defaults to NEUTRAL_PEERS of the firm's link. */
  peers?: number;
  others?: Enterprise[];
  supplyEdges?: SupplyEdge[];
  creditRelations?: CreditRelation[];
  links?: Link[];
}

/** Role of e1 (a plain small firm in t.down unless overridden) among neutral local peers. */
function roleOf(firm: Partial<Enterprise>, setup: FirmSetup = {}): RoleResult {
  const linkId = firm.primaryLinkId ?? 't.down';
  const e1 = createEnterprise({ primaryLinkId: linkId, ...firm });
  return roleIn({
    enterprises: [
      e1,
      ...peersIn(linkId, setup.peers ?? NEUTRAL_PEERS[linkId] ?? 0),
      ...(setup.others ?? []),
    ],
    supplyEdges: setup.supplyEdges ?? [],
    creditRelations: setup.creditRelations ?? [],
    links: setup.links ?? createTestLinks(),
  });
}

describe('countSmesByLinkCity()', () => {
  it('counts SMEs per link × city, in every link of an enterprise, without leaders or large firms', () => {
    const index = buildDatasetIndex(
      createDataset({
        cities,
        enterprises: [
          createEnterprise({ id: 'm1', linkIds: ['t.mid', 't.down'] }),
          createEnterprise({ id: 'm2' }),
          createEnterprise({ id: 'm3', cityId: 'b' }),
          createLeader(),
          createLargeFirm({ primaryLinkId: 't.down', linkIds: ['t.down'] }),
        ],
      }),
    );
    const counts = countSmesByLinkCity(index, computeAllMetrics(index));
    // t.mid|a: m1, m2; t.down|a: m1 only (L1 is a leader, B1 is large); t.mid|b: m3
    expect(Object.fromEntries(counts)).toEqual({ 't.mid|a': 2, 't.down|a': 1, 't.mid|b': 1 });
  });
});

describe('assignRole()', () => {
  it('labels a chain leader “leader” with no reasons even when rules would match', () => {
    const role = roleIn(
      {
        enterprises: [
          createLeader({
            primaryLinkId: 't.up',
            linkIds: ['t.up'],
            srdiTier: 'little_giant',
            techBreakthrough: { kind: 'first_set' },
          }),
        ],
      },
      'L1',
    );
    expect(role).toEqual({ role: 'leader', reasons: [], secondaryRoles: [], allReasons: [] });
  });

  it('gives “general” with no reasons when no rule matches', () => {
    expect(roleOf({})).toEqual({
      role: 'general',
      reasons: [],
      secondaryRoles: [],
      allReasons: [],
    });
  });

  describe('fill reasons (weak link t.up)', () => {
    const cases: { title: string; firm: Partial<Enterprise>; peers?: number; all: string[] }[] = [
      {
        title: 'R-FILL-BREAKTHROUGH for a technology breakthrough in a weak link',
        firm: { primaryLinkId: 't.up', techBreakthrough: { kind: 'import_substitution' } },
        all: ['R-FILL-BREAKTHROUGH'],
      },
      {
        title: 'no R-FILL-BREAKTHROUGH for a breakthrough outside a weak link',
        firm: { primaryLinkId: 't.down', techBreakthrough: { kind: 'import_substitution' } },
        all: [],
      },
      {
        title: 'R-FILL-SRDI for an srdi firm in a weak link',
        firm: { primaryLinkId: 't.up', srdiTier: 'srdi' },
        all: ['R-FILL-SRDI'],
      },
      {
        title: 'R-FILL-SRDI for a little giant in a weak link (with R-STR-LITTLE-GIANT)',
        firm: { primaryLinkId: 't.up', srdiTier: 'little_giant' },
        all: ['R-FILL-SRDI', 'R-STR-LITTLE-GIANT'],
      },
      {
        title: 'no R-FILL-SRDI for an “innovative” firm',
        firm: { primaryLinkId: 't.up', srdiTier: 'innovative' },
        all: [],
      },
      {
        title: 'R-FILL-PATENTS at 5 invention patents',
        firm: { primaryLinkId: 't.up', inventionPatents: 5 },
        all: ['R-FILL-PATENTS'],
      },
      {
        title: 'no R-FILL-PATENTS at 4 invention patents',
        firm: { primaryLinkId: 't.up', inventionPatents: 4 },
        all: [],
      },
      {
        title: 'R-FILL-SCARCE with 3 SMEs in the weak link × city (e1 + 2 peers)',
        firm: { primaryLinkId: 't.up' },
        peers: 2,
        all: ['R-FILL-SCARCE'],
      },
      {
        title: 'no R-FILL-SCARCE with 4 SMEs in the weak link × city (e1 + 3 peers)',
        firm: { primaryLinkId: 't.up' },
        peers: 3,
        all: [],
      },
    ];
    it.each(cases)('assignRole() matches $title', ({ firm, peers, all }) => {
      expect(roleOf(firm, peers === undefined ? {} : { peers }).allReasons).toEqual(all);
    });
  });

  it('assignRole() assigns fill on R-FILL-BREAKTHROUGH alone', () => {
    const role = roleOf({ primaryLinkId: 't.up', techBreakthrough: { kind: 'first_batch' } });
    expect(role).toEqual({
      role: 'fill',
      reasons: ['R-FILL-BREAKTHROUGH'],
      secondaryRoles: [],
      allReasons: ['R-FILL-BREAKTHROUGH'],
    });
  });

  it('assignRole() does not assign fill on a single reason other than a breakthrough', () => {
    const role = roleOf({ primaryLinkId: 't.up', inventionPatents: 7 });
    expect(role.role).toBe('general');
    expect(role.reasons).toEqual([]);
    expect(role.allReasons).toEqual(['R-FILL-PATENTS']);
  });

  it('assignRole() assigns fill on two reasons without a breakthrough', () => {
    // 5 patents and e1 + 2 peers = 3 SMEs ≤ 3 in weak t.up
    const role = roleOf({ primaryLinkId: 't.up', inventionPatents: 5 }, { peers: 2 });
    expect(role.role).toBe('fill');
    expect(role.reasons).toEqual(['R-FILL-PATENTS', 'R-FILL-SCARCE']);
  });

  describe('R-STAB-KEY-SUPPLIER (e1 in t.mid sells to leader L1)', () => {
    const cases = [
      { title: 'share 0.30 and 2 alternatives', share: 0.3, alternatives: 2, hit: true },
      { title: 'not share 0.29 and 2 alternatives', share: 0.29, alternatives: 2, hit: false },
      { title: 'share 0.50 and 0 alternatives', share: 0.5, alternatives: 0, hit: true },
      { title: 'not share 0.50 and 3 alternatives', share: 0.5, alternatives: 3, hit: false },
    ];
    it.each(cases)('assignRole() matches $title', ({ share, alternatives, hit }) => {
      // shareOfSupplierSales 0.4 < 0.5 keeps R-STAB-DEPENDENT-STRESSED out of the way
      const role = roleOf(
        { primaryLinkId: 't.mid' },
        {
          others: [createLeader()],
          supplyEdges: [
            createSupplyEdge({ shareOfBuyerLinkPurchases: share, buyerAlternatives: alternatives }),
          ],
        },
      );
      expect(role.allReasons).toEqual(hit ? ['R-STAB-KEY-SUPPLIER'] : []);
    });
  });

  it('assignRole() ignores key-supplier edges to a large buyer that is not a chain leader', () => {
    const role = roleOf(
      { primaryLinkId: 't.mid' },
      { others: [createLargeFirm()], supplyEdges: [createSupplyEdge({ buyerId: 'B1' })] },
    );
    expect(role.allReasons).toEqual([]);
  });

  it('assignRole() assigns stabilize on R-STAB-KEY-SUPPLIER alone', () => {
    const role = roleOf(
      { primaryLinkId: 't.mid' },
      { others: [createLeader()], supplyEdges: [createSupplyEdge()] },
    );
    expect(role).toEqual({
      role: 'stabilize',
      reasons: ['R-STAB-KEY-SUPPLIER'],
      secondaryRoles: [],
      allReasons: ['R-STAB-KEY-SUPPLIER'],
    });
  });

  describe('R-STAB-DEPENDENT-STRESSED', () => {
    // Edge not key (0.15 < 0.30, 5 alternatives > 2) but material (0.15 ≥ 0.15); sales share 0.5.
    const dependentEdge = (over: Partial<SupplyEdge> = {}) =>
      createSupplyEdge({
        shareOfSupplierSales: 0.5,
        shareOfBuyerLinkPurchases: 0.15,
        buyerAlternatives: 5,
        ...over,
      });
    const leaders = [createLeader(), createLeader({ id: 'L2' })];
    /** need 0 → gapRatio null, so only DSO can show stress; need 1000 with a line sets the ratio. */
    const cases: {
      title: string;
      firm: Partial<Enterprise>;
      edges: SupplyEdge[];
      line?: number;
      hit: boolean;
    }[] = [
      {
        title: 'DSO 91 > 90',
        firm: { financingNeed: 0, dsoDays: 91 },
        edges: [dependentEdge()],
        hit: true,
      },
      {
        title: 'not DSO 90',
        firm: { financingNeed: 0, dsoDays: 90 },
        edges: [dependentEdge()],
        hit: false,
      },
      {
        // need 1000, line 499 → gap 501, gapRatio 0.501 > 0.5
        title: 'gapRatio 0.501 > 0.5',
        firm: { financingNeed: 1000 },
        edges: [dependentEdge()],
        line: 499,
        hit: true,
      },
      {
        // need 1000, line 500 → gapRatio 0.5, not above 0.5
        title: 'not gapRatio 0.5',
        firm: { financingNeed: 1000 },
        edges: [dependentEdge()],
        line: 500,
        hit: false,
      },
      {
        title: 'not sales share 0.49 to leaders',
        firm: { financingNeed: 0, dsoDays: 120 },
        edges: [dependentEdge({ shareOfSupplierSales: 0.49 })],
        hit: false,
      },
      {
        // Σ over leaders: 0.30 (to L1, material 0.15) + 0.20 (to L2, 0.05) = 0.50
        title: 'sales shares summed over leaders 0.30 + 0.20 = 0.50',
        firm: { financingNeed: 0, dsoDays: 120 },
        edges: [
          dependentEdge({ shareOfSupplierSales: 0.3 }),
          dependentEdge({
            id: 's2',
            buyerId: 'L2',
            shareOfSupplierSales: 0.2,
            shareOfBuyerLinkPurchases: 0.05,
          }),
        ],
        hit: true,
      },
      {
        title: 'not without an edge material to a leader (0.14 < 0.15)',
        firm: { financingNeed: 0, dsoDays: 120 },
        edges: [dependentEdge({ shareOfBuyerLinkPurchases: 0.14 })],
        hit: false,
      },
    ];
    it.each(cases)('assignRole() matches $title', ({ firm, edges, line, hit }) => {
      const role = roleOf(
        { primaryLinkId: 't.mid', ...firm },
        {
          others: leaders,
          supplyEdges: edges,
          creditRelations: line === undefined ? [] : [createRelation({ creditLine: line })],
        },
      );
      expect(role.allReasons).toEqual(hit ? ['R-STAB-DEPENDENT-STRESSED'] : []);
    });
  });

  describe('R-STAB-BREAKPOINT', () => {
    const cases: { title: string; firm: Partial<Enterprise>; setup: FirmSetup; all: string[] }[] = [
      { title: 'a lone SME in t.down', firm: {}, setup: { peers: 0 }, all: ['R-STAB-BREAKPOINT'] },
      { title: '2 SMEs in t.down', firm: {}, setup: { peers: 1 }, all: ['R-STAB-BREAKPOINT'] },
      { title: 'not 3 SMEs in t.down', firm: {}, setup: { peers: 2 }, all: [] },
      {
        title: 'not in a weak link (scarce there instead)',
        firm: { primaryLinkId: 't.up' },
        setup: { peers: 0 },
        all: ['R-FILL-SCARCE'],
      },
      {
        title: 'not in an extension link',
        firm: { primaryLinkId: 't.ext' },
        setup: { peers: 0 },
        all: ['R-EXT-LINK'],
      },
      {
        // e1 + p1 = 2 SMEs; leader L1 and large B1 in t.down are not SMEs
        title: '2 SMEs beside a leader and a large firm, which do not count',
        firm: {},
        setup: {
          peers: 1,
          others: [
            createLeader(),
            createLargeFirm({ primaryLinkId: 't.down', linkIds: ['t.down'] }),
          ],
        },
        all: ['R-STAB-BREAKPOINT'],
      },
      {
        title: 'a lone SME in city a beside 2 SMEs of the link in city b',
        firm: {},
        setup: { peers: 0, others: peersIn('t.down', 2, 'b') },
        all: ['R-STAB-BREAKPOINT'],
      },
      {
        // two t.mid firms that are also listed in t.down make 3 SMEs in t.down × a
        title: 'not when firms of another primary link also list this link',
        firm: {},
        setup: { peers: 0, others: peersIn('t.mid', 2, 'a', ['t.mid', 't.down']) },
        all: [],
      },
    ];
    it.each(cases)('assignRole() matches $title', ({ firm, setup, all }) => {
      expect(roleOf(firm, setup).allReasons).toEqual(all);
    });
  });

  it('assignRole() assigns stabilize on R-STAB-BREAKPOINT alone', () => {
    const role = roleOf({}, { peers: 0 });
    expect(role.role).toBe('stabilize');
    expect(role.reasons).toEqual(['R-STAB-BREAKPOINT']);
  });

  it('assignRole() assigns extend with R-EXT-LINK in an extension link', () => {
    expect(roleOf({ primaryLinkId: 't.ext' })).toEqual({
      role: 'extend',
      reasons: ['R-EXT-LINK'],
      secondaryRoles: [],
      allReasons: ['R-EXT-LINK'],
    });
  });

  describe('strengthen reasons', () => {
    const cases: { title: string; firm: Partial<Enterprise>; all: string[] }[] = [
      {
        title: 'R-STR-LITTLE-GIANT',
        firm: { srdiTier: 'little_giant' },
        all: ['R-STR-LITTLE-GIANT'],
      },
      { title: 'R-STR-CHAMPION', firm: { isSingleChampion: true }, all: ['R-STR-CHAMPION'] },
      { title: 'R-STR-RND at R&D 5%', firm: { rdIntensityPct: 5 }, all: ['R-STR-RND'] },
      { title: 'no R-STR-RND at R&D 4.9%', firm: { rdIntensityPct: 4.9 }, all: [] },
      {
        title: 'R-STR-GROWTH at growth 15%',
        firm: { revenueGrowthPct: 15 },
        all: ['R-STR-GROWTH'],
      },
      { title: 'no R-STR-GROWTH at growth 14.9%', firm: { revenueGrowthPct: 14.9 }, all: [] },
      {
        title: 'R-STR-ADVANTAGE-LINK for an srdi firm in advantage link t.mid',
        firm: { primaryLinkId: 't.mid', srdiTier: 'srdi' },
        all: ['R-STR-ADVANTAGE-LINK'],
      },
      {
        title: 'no R-STR-ADVANTAGE-LINK for an “innovative” firm in t.mid',
        firm: { primaryLinkId: 't.mid', srdiTier: 'innovative' },
        all: [],
      },
      {
        title: 'no R-STR-ADVANTAGE-LINK for an srdi firm outside an advantage link',
        firm: { primaryLinkId: 't.down', srdiTier: 'srdi' },
        all: [],
      },
    ];
    it.each(cases)('assignRole() matches $title', ({ firm, all }) => {
      expect(roleOf(firm).allReasons).toEqual(all);
    });
  });

  describe('strengthen assignment', () => {
    const cases: { title: string; firm: Partial<Enterprise>; role: string; reasons: string[] }[] = [
      {
        title: 'assigns a little giant on that reason alone',
        firm: { srdiTier: 'little_giant' },
        role: 'strengthen',
        reasons: ['R-STR-LITTLE-GIANT'],
      },
      {
        title: 'assigns a single champion on that reason alone',
        firm: { isSingleChampion: true },
        role: 'strengthen',
        reasons: ['R-STR-CHAMPION'],
      },
      {
        title: 'assigns an srdi firm with one reason',
        firm: { srdiTier: 'srdi', rdIntensityPct: 6 },
        role: 'strengthen',
        reasons: ['R-STR-RND'],
      },
      {
        title: 'does not assign an “innovative” firm with one reason',
        firm: { srdiTier: 'innovative', rdIntensityPct: 6 },
        role: 'general',
        reasons: [],
      },
      {
        title: 'does not assign a firm without a tier on one reason',
        firm: { revenueGrowthPct: 30 },
        role: 'general',
        reasons: [],
      },
      {
        title: 'assigns a firm without a tier on two reasons',
        firm: { rdIntensityPct: 6, revenueGrowthPct: 30 },
        role: 'strengthen',
        reasons: ['R-STR-RND', 'R-STR-GROWTH'],
      },
    ];
    it.each(cases)('assignRole() $title', ({ firm, role, reasons }) => {
      const result = roleOf(firm);
      expect(result.role).toBe(role);
      expect(result.reasons).toEqual(reasons);
    });
  });

  it('assignRole() gives fill precedence over stabilize', () => {
    const role = roleOf(
      { primaryLinkId: 't.up', techBreakthrough: { kind: 'first_set' } },
      { others: [createLeader()], supplyEdges: [createSupplyEdge({ fromLinkId: 't.up' })] },
    );
    expect(role).toEqual({
      role: 'fill',
      reasons: ['R-FILL-BREAKTHROUGH'],
      secondaryRoles: ['stabilize'],
      allReasons: ['R-FILL-BREAKTHROUGH', 'R-STAB-KEY-SUPPLIER'],
    });
  });

  it('assignRole() gives stabilize precedence over extend', () => {
    const role = roleOf(
      { primaryLinkId: 't.ext' },
      { others: [createLeader()], supplyEdges: [createSupplyEdge({ fromLinkId: 't.ext' })] },
    );
    expect(role).toEqual({
      role: 'stabilize',
      reasons: ['R-STAB-KEY-SUPPLIER'],
      secondaryRoles: ['extend'],
      allReasons: ['R-STAB-KEY-SUPPLIER', 'R-EXT-LINK'],
    });
  });

  it('assignRole() gives extend precedence over strengthen', () => {
    const role = roleOf({ primaryLinkId: 't.ext', srdiTier: 'little_giant' });
    expect(role).toEqual({
      role: 'extend',
      reasons: ['R-EXT-LINK'],
      secondaryRoles: ['strengthen'],
      allReasons: ['R-EXT-LINK', 'R-STR-LITTLE-GIANT'],
    });
  });

  it('assignRole() lists all four roles in precedence order with the primary role’s reasons only', () => {
    // A link that is both weak and an extension segment; e1 is alone there (scarce, no breakpoint).
    const links = [
      ...createTestLinks(),
      createLink({ id: 't.x', isWeak: true, isExtension: true }),
    ];
    const role = roleOf(
      { primaryLinkId: 't.x', srdiTier: 'little_giant', techBreakthrough: { kind: 'first_set' } },
      {
        peers: 0,
        links,
        others: [createLeader()],
        supplyEdges: [createSupplyEdge({ fromLinkId: 't.x' })],
      },
    );
    expect(role).toEqual({
      role: 'fill',
      reasons: ['R-FILL-BREAKTHROUGH', 'R-FILL-SRDI', 'R-FILL-SCARCE'],
      secondaryRoles: ['stabilize', 'extend', 'strengthen'],
      allReasons: [
        'R-FILL-BREAKTHROUGH',
        'R-FILL-SRDI',
        'R-FILL-SCARCE',
        'R-STAB-KEY-SUPPLIER',
        'R-EXT-LINK',
        'R-STR-LITTLE-GIANT',
      ],
    });
  });

  it('assignRole() keeps matched reasons of unassigned roles in allReasons only', () => {
    // one fill reason (SRDI, not enough) and srdi in t.up with no strengthen reason
    const role = roleOf({ primaryLinkId: 't.up', srdiTier: 'srdi' });
    expect(role).toEqual({
      role: 'general',
      reasons: [],
      secondaryRoles: [],
      allReasons: ['R-FILL-SRDI'],
    });
  });

  it('assignRole() reads thresholds from params', () => {
    const params: Params = {
      ...DEFAULT_PARAMS,
      roles: { ...DEFAULT_PARAMS.roles, fillMinPatents: 3 },
    };
    const role = roleIn(
      {
        enterprises: [
          createEnterprise({ primaryLinkId: 't.up', inventionPatents: 3 }),
          ...peersIn('t.up', 3),
        ],
      },
      'e1',
      params,
    );
    expect(role.allReasons).toEqual(['R-FILL-PATENTS']);
  });

  it('assignRole() is not affected by feedback edges between links', () => {
    const enterprises = () => [
      createEnterprise({
        id: 'u1',
        primaryLinkId: 't.up',
        techBreakthrough: { kind: 'first_set' },
      }),
      createEnterprise({ id: 'x1', primaryLinkId: 't.ext', srdiTier: 'little_giant' }),
      createEnterprise({ id: 'd1', primaryLinkId: 't.down' }),
      createLeader({ id: 'L1', primaryLinkId: 't.up', linkIds: ['t.up'] }),
    ];
    const supplyEdges = () => [
      createSupplyEdge({
        id: 's1',
        supplierId: 'x1',
        buyerId: 'L1',
        fromLinkId: 't.ext',
        toLinkId: 't.up',
      }),
    ];
    const rolesWith = (chain: Dataset['chains'][number]) =>
      ['u1', 'x1', 'd1', 'L1'].map((id) =>
        roleIn({ chains: [chain], enterprises: enterprises(), supplyEdges: supplyEdges() }, id),
      );
    const withFeedback = rolesWith(createTestChain());
    const withoutFeedback = rolesWith(
      createTestChain({ edges: createTestChain().edges.filter((e) => e.kind !== 'feedback') }),
    );
    expect(withFeedback).toEqual(withoutFeedback);
    // x1 (extension) sells to leader L1 across the feedback edge t.ext ⇢ t.up: a key supplier all the same
    expect(withFeedback.map((r) => r.role)).toEqual(['fill', 'stabilize', 'stabilize', 'leader']);
  });

  it('assignRole() does not mutate the dataset', () => {
    const dataset = createDataset({
      enterprises: [createEnterprise({ primaryLinkId: 't.up', srdiTier: 'srdi' }), createLeader()],
      supplyEdges: [createSupplyEdge()],
      creditRelations: [createRelation()],
    });
    const before = structuredClone(dataset);
    const index = buildDatasetIndex(dataset);
    const metrics = computeAllMetrics(index);
    const smesByLinkCity = countSmesByLinkCity(index, metrics);
    for (const e of dataset.enterprises) assignRole({ index, metrics, smesByLinkCity }, e);
    expect(dataset).toEqual(before);
  });
});
