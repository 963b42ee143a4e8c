/**
 * Dataset integrity rules (domain.md §6 "Integrity rules", §7.3, §7.4, §2.6), checked on load and
 * after import. The zod schema checks shapes; these rules check what only the whole dataset can
 * tell: references, the link DAG, cross-field consistency. Written to be safe on typed data that
 * never went through the schema, so amounts are re-checked here.
 */
import type { Chain, Dataset, Enterprise, Link, Stage } from './schema';
import { classifyIndustrial } from './size';
import { DEMO_USCC_PATTERN, validateUscc, type UsccIssue } from './uscc';

/** Stable codes, one per rule; the UI and tests key on these, never on message text. */
export type InvariantRule =
  | 'ID_DUPLICATE'
  | 'REF_MISSING'
  | 'LINK_NOT_IN_CHAIN'
  | 'LINK_UNLISTED'
  | 'PRIMARY_LINK_NOT_LISTED'
  | 'SUPPLY_CYCLE'
  | 'STAGE_ORDER'
  | 'LAYER_ORDER'
  | 'SUPPLY_SELF_TRADE'
  | 'SUPPLY_PARTY_NOT_IN_CHAIN'
  | 'SUPPLY_OFF_MAP'
  | 'OUTSTANDING_OVER_LINE'
  | 'MATURITY_BEFORE_START'
  | 'BANK_LEVEL_CITIES'
  | 'AMOUNT_INVALID'
  | 'COORD_OUTSIDE_CHINA'
  | 'COORD_SOUTH_SEA'
  | 'COORD_INCOMPLETE'
  | 'USCC_INVALID'
  | 'USCC_WARNING'
  | 'USCC_DUPLICATE'
  | 'USCC_NOT_DEMO'
  | 'SIZE_MISMATCH';

export type DatasetCollection = Exclude<keyof Dataset, 'meta'>;

export interface Violation {
  rule: InvariantRule;
  severity: 'error' | 'warning';
  entity: DatasetCollection;
  /** The offending entity's id (a product's code for `products`). */
  id: string;
  messageZh: string;
  messageEn: string;
}

/** China envelope for points (§7.4); south of the mainland + Hainan box is legal but suspicious. */
export const CHINA_ENVELOPE = { latMin: 3.8, latMax: 53.6, lonMin: 73.4, lonMax: 135.1 } as const;
export const MAINLAND_LAT_MIN = 18.1;
/** Drawn balances may run slightly over the line (interest, fees) before it is worth a warning. */
export const OUTSTANDING_TOLERANCE = 1.05;

const LABELS: Record<DatasetCollection, { zh: string; en: string }> = {
  cities: { zh: '城市', en: 'city' },
  chains: { zh: '产业链', en: 'chain' },
  links: { zh: '环节', en: 'link' },
  enterprises: { zh: '企业', en: 'enterprise' },
  banks: { zh: '金融机构', en: 'bank' },
  creditRelations: { zh: '授信关系', en: 'credit relation' },
  supplyEdges: { zh: '供应关系', en: 'supply edge' },
  products: { zh: '产品', en: 'product' },
  policies: { zh: '链策', en: 'policy' },
  batches: { zh: '批次', en: 'batch' },
  meetings: { zh: '对接会', en: 'meeting' },
  offers: { zh: '融资方案', en: 'offer' },
};

const STAGE_RANK: Record<Stage, number> = { upstream: 0, midstream: 1, downstream: 2 };
const STAGE_ZH: Record<Stage, string> = { upstream: '上游', midstream: '中游', downstream: '下游' };

interface Context {
  readonly ds: Dataset;
  readonly cities: ReadonlyMap<string, unknown>;
  readonly chains: ReadonlyMap<string, Chain>;
  readonly links: ReadonlyMap<string, Link>;
  readonly enterprises: ReadonlyMap<string, Enterprise>;
  readonly banks: ReadonlyMap<string, unknown>;
  readonly supplyEdges: ReadonlyMap<string, unknown>;
  readonly policies: ReadonlyMap<string, unknown>;
  readonly batches: ReadonlyMap<string, unknown>;
  readonly meetings: ReadonlyMap<string, unknown>;
  report(
    rule: InvariantRule,
    severity: Violation['severity'],
    entity: DatasetCollection,
    id: string,
    zh: string,
    en: string,
  ): void;
}

// The first entity with an id wins; later ones are reported by ID_DUPLICATE.
function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item);
  return map;
}

/**
 * Every integrity violation in a dataset, errors and warnings, in a stable order.
 * @example checkDatasetInvariants(createDataset()) // []
 * @example checkDatasetInvariants({ ...ds, enterprises: [{ ...e1, primaryLinkId: 'nev.x' }] })
 *   // [{ rule: 'PRIMARY_LINK_NOT_LISTED', entity: 'enterprises', id: 'e-1', messageEn:
 *   //   'enterprise e-1: primaryLinkId "nev.x" is not among linkIds', … }]
 */
export function checkDatasetInvariants(ds: Dataset): Violation[] {
  const out: Violation[] = [];
  const ctx: Context = {
    ds,
    cities: byId(ds.cities),
    chains: byId(ds.chains),
    links: byId(ds.links),
    enterprises: byId(ds.enterprises),
    banks: byId(ds.banks),
    supplyEdges: byId(ds.supplyEdges),
    policies: byId(ds.policies),
    batches: byId(ds.batches),
    meetings: byId(ds.meetings),
    report(rule, severity, entity, id, zh, en) {
      const label = LABELS[entity];
      out.push({
        rule,
        severity,
        entity,
        id,
        messageZh: `${label.zh} ${id}：${zh}`,
        messageEn: `${label.en} ${id}: ${en}`,
      });
    },
  };

  checkUniqueIds(ctx);
  checkCities(ctx);
  checkChains(ctx);
  checkLinks(ctx);
  checkEnterprises(ctx);
  checkBanks(ctx);
  checkCreditRelations(ctx);
  checkSupplyEdges(ctx);
  checkPolicies(ctx);
  checkBatches(ctx);
  checkMeetings(ctx);
  checkOffers(ctx);
  return out;
}

function checkUniqueIds(ctx: Context): void {
  const { ds } = ctx;
  const keyed: [DatasetCollection, readonly string[]][] = [
    ['cities', ds.cities.map((x) => x.id)],
    ['chains', ds.chains.map((x) => x.id)],
    ['links', ds.links.map((x) => x.id)],
    ['enterprises', ds.enterprises.map((x) => x.id)],
    ['banks', ds.banks.map((x) => x.id)],
    ['creditRelations', ds.creditRelations.map((x) => x.id)],
    ['supplyEdges', ds.supplyEdges.map((x) => x.id)],
    ['products', ds.products.map((x) => x.code)],
    ['policies', ds.policies.map((x) => x.id)],
    ['batches', ds.batches.map((x) => x.id)],
    ['meetings', ds.meetings.map((x) => x.id)],
    ['offers', ds.offers.map((x) => x.id)],
  ];
  for (const [entity, ids] of keyed) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) {
        const field = entity === 'products' ? 'code' : 'id';
        ctx.report(
          'ID_DUPLICATE',
          'error',
          entity,
          id,
          `${field} "${id}" 重复`,
          `${field} "${id}" is used more than once`,
        );
      }
      seen.add(id);
    }
  }
}

type RefTarget =
  | 'cities'
  | 'chains'
  | 'links'
  | 'enterprises'
  | 'banks'
  | 'supplyEdges'
  | 'policies'
  | 'batches'
  | 'meetings';

/** Reports REF_MISSING unless `value` is an id in `target`; returns whether it resolved. */
function checkRef(
  ctx: Context,
  entity: DatasetCollection,
  id: string,
  field: string,
  value: string,
  target: RefTarget,
): boolean {
  if (ctx[target].has(value)) return true;
  const label = LABELS[target];
  ctx.report(
    'REF_MISSING',
    'error',
    entity,
    id,
    `${field} "${value}" 未找到对应的${label.zh}`,
    `${field} "${value}" matches no ${label.en}`,
  );
  return false;
}

/** A link reference that must resolve to a link of `chainId`. */
function checkLinkOfChain(
  ctx: Context,
  entity: DatasetCollection,
  id: string,
  field: string,
  linkId: string,
  chainId: string,
): void {
  if (!checkRef(ctx, entity, id, field, linkId, 'links')) return;
  const link = ctx.links.get(linkId);
  if (link && link.chainId !== chainId) {
    ctx.report(
      'LINK_NOT_IN_CHAIN',
      'error',
      entity,
      id,
      `${field} "${linkId}" 属于产业链 "${link.chainId}"，不属于 "${chainId}"`,
      `${field} "${linkId}" belongs to chain "${link.chainId}", not "${chainId}"`,
    );
  }
}

function checkAmount(
  ctx: Context,
  entity: DatasetCollection,
  id: string,
  field: string,
  value: number | undefined,
): void {
  if (value === undefined || (Number.isFinite(value) && value >= 0)) return;
  ctx.report(
    'AMOUNT_INVALID',
    'error',
    entity,
    id,
    `${field} 为 ${value}，金额须为不小于0的有限数（万元）`,
    `${field} is ${value}; amounts must be finite and ≥ 0 (万元)`,
  );
}

const inRange = (v: number, min: number, max: number) => v >= min && v <= max;

function checkCoordinates(
  ctx: Context,
  entity: DatasetCollection,
  id: string,
  lat: number | undefined,
  lon: number | undefined,
): void {
  if (lat === undefined && lon === undefined) return;
  if (lat === undefined || lon === undefined) {
    ctx.report(
      'COORD_INCOMPLETE',
      'warning',
      entity,
      id,
      `仅有${lat === undefined ? '经度' : '纬度'}，缺少${lat === undefined ? '纬度' : '经度'}，将按城市位置绘制`,
      `has ${lat === undefined ? 'lon' : 'lat'} but no ${lat === undefined ? 'lat' : 'lon'}; it will be drawn at the city point`,
    );
    return;
  }
  const e = CHINA_ENVELOPE;
  // Written as "inside" tests so NaN counts as outside.
  if (!(inRange(lat, e.latMin, e.latMax) && inRange(lon, e.lonMin, e.lonMax))) {
    const swapped = inRange(lon, e.latMin, e.latMax) && inRange(lat, e.lonMin, e.lonMax);
    ctx.report(
      'COORD_OUTSIDE_CHINA',
      'error',
      entity,
      id,
      `坐标 lat ${lat}, lon ${lon} 超出中国范围（纬度${e.latMin}–${e.latMax}，经度${e.lonMin}–${e.lonMax}）` +
        (swapped ? '，经纬度可能颠倒' : ''),
      `lat ${lat}, lon ${lon} is outside China (lat ${e.latMin}–${e.latMax}, lon ${e.lonMin}–${e.lonMax})` +
        (swapped ? '; lat and lon look swapped' : ''),
    );
    return;
  }
  if (lat < MAINLAND_LAT_MIN) {
    ctx.report(
      'COORD_SOUTH_SEA',
      'warning',
      entity,
      id,
      `纬度 ${lat} 在大陆及海南范围以南（< ${MAINLAND_LAT_MIN}），请核对纬度`,
      `lat ${lat} is south of mainland China and Hainan (< ${MAINLAND_LAT_MIN}); check the latitude`,
    );
  }
}

function checkCities(ctx: Context): void {
  for (const city of ctx.ds.cities) checkCoordinates(ctx, 'cities', city.id, city.lat, city.lon);
}

function checkChains(ctx: Context): void {
  for (const chain of ctx.ds.chains) {
    for (const linkId of chain.linkIds) {
      checkLinkOfChain(ctx, 'chains', chain.id, 'linkIds', linkId, chain.id);
    }
    for (const edge of chain.edges) {
      checkLinkOfChain(ctx, 'chains', chain.id, 'edges.from', edge.from, chain.id);
      checkLinkOfChain(ctx, 'chains', chain.id, 'edges.to', edge.to, chain.id);
    }
    for (const cluster of chain.clusters) {
      checkRef(ctx, 'chains', chain.id, 'clusters.cityId', cluster.cityId, 'cities');
      for (const linkId of cluster.focusLinkIds) {
        checkLinkOfChain(ctx, 'chains', chain.id, 'clusters.focusLinkIds', linkId, chain.id);
      }
    }
    checkLinkDag(ctx, chain);
  }
}

/**
 * §3.0 / §6 rule 5: supply edges form a DAG that runs downstream in stage and layer. Feedback edges
 * (recycling) close loops on purpose and are left out of every check here.
 */
function checkLinkDag(ctx: Context, chain: Chain): void {
  const own = (linkId: string) => ctx.links.get(linkId)?.chainId === chain.id;
  const supply = chain.edges.filter((e) => e.kind === 'supply' && own(e.from) && own(e.to));

  for (const edge of supply) {
    const from = ctx.links.get(edge.from);
    const to = ctx.links.get(edge.to);
    if (!from || !to || edge.from === edge.to) continue; // self-loops are reported as cycles
    if (STAGE_RANK[from.stage] > STAGE_RANK[to.stage]) {
      ctx.report(
        'STAGE_ORDER',
        'error',
        'chains',
        chain.id,
        `供应边 ${from.id}（${STAGE_ZH[from.stage]}）→ ${to.id}（${STAGE_ZH[to.stage]}）从后段指向前段`,
        `supply edge ${from.id} (${from.stage}) → ${to.id} (${to.stage}) runs from a later stage to an earlier one`,
      );
    }
    if (from.layer >= to.layer) {
      ctx.report(
        'LAYER_ORDER',
        'error',
        'chains',
        chain.id,
        `供应边 ${from.id} → ${to.id} 的层级 ${from.layer} → ${to.layer} 未递增`,
        `supply edge ${from.id} → ${to.id} has layer ${from.layer} → ${to.layer}; layers must increase`,
      );
    }
  }

  for (const cycle of findCycles(supply)) {
    const path = cycle.join(' → ');
    ctx.report(
      'SUPPLY_CYCLE',
      'error',
      'chains',
      chain.id,
      `供应边成环：${path}`,
      `supply edges form a cycle: ${path}`,
    );
  }
}

/**
 * One cycle per strongly connected component that has one (Tarjan), written as a closed path
 * `a → b → a`, so a knot of several loops is reported once rather than once per back edge.
 */
function findCycles(edges: readonly { from: string; to: string }[]): string[][] {
  const adjacency = new Map<string, string[]>();
  for (const { from, to } of edges) {
    adjacency.set(from, [...(adjacency.get(from) ?? []), to]);
    if (!adjacency.has(to)) adjacency.set(to, []);
  }
  const next = (v: string) => adjacency.get(v) ?? [];

  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of adjacency.keys()) if (!index.has(v)) visit(v);

  const cycles: string[][] = [];
  for (const component of components) {
    const members = new Set(component);
    const start = component[component.length - 1];
    if (start === undefined) continue;
    if (component.length === 1 && !next(start).includes(start)) continue;
    // Shortest way back to `start` inside the component (BFS), for a readable message.
    const parent = new Map<string, string>();
    const queue = [start];
    let closing: string | undefined;
    for (let head = 0; head < queue.length && closing === undefined; head++) {
      const v: string = queue[head] ?? start;
      for (const w of next(v)) {
        if (w === start) {
          closing = v;
          break;
        }
        if (members.has(w) && !parent.has(w)) {
          parent.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = closing; v !== undefined && v !== start; v = parent.get(v)) path.unshift(v);
    path.unshift(start);
    cycles.push(path);
  }
  return cycles;
}

function checkLinks(ctx: Context): void {
  for (const link of ctx.ds.links) {
    if (!checkRef(ctx, 'links', link.id, 'chainId', link.chainId, 'chains')) continue;
    const chain = ctx.chains.get(link.chainId);
    if (chain && !chain.linkIds.includes(link.id)) {
      ctx.report(
        'LINK_UNLISTED',
        'warning',
        'links',
        link.id,
        `产业链 "${link.chainId}" 的 linkIds 未列出该环节，链图中不会显示`,
        `is not listed in linkIds of chain "${link.chainId}", so the chain map will not show it`,
      );
    }
  }
}

function checkEnterprises(ctx: Context): void {
  const { ds } = ctx;
  const usccOwner = new Map<string, string>();
  for (const e of ds.enterprises) {
    checkRef(ctx, 'enterprises', e.id, 'cityId', e.cityId, 'cities');
    for (const chainId of e.chainIds)
      checkRef(ctx, 'enterprises', e.id, 'chainIds', chainId, 'chains');
    for (const linkId of e.linkIds) {
      if (!checkRef(ctx, 'enterprises', e.id, 'linkIds', linkId, 'links')) continue;
      const link = ctx.links.get(linkId);
      if (link && !e.chainIds.includes(link.chainId)) {
        ctx.report(
          'LINK_NOT_IN_CHAIN',
          'error',
          'enterprises',
          e.id,
          `linkIds 中的 "${linkId}" 属于产业链 "${link.chainId}"，不在 chainIds [${e.chainIds.join(', ')}] 中`,
          `linkIds entry "${linkId}" belongs to chain "${link.chainId}", which is not among chainIds [${e.chainIds.join(', ')}]`,
        );
      }
    }
    if (!e.linkIds.includes(e.primaryLinkId)) {
      ctx.report(
        'PRIMARY_LINK_NOT_LISTED',
        'error',
        'enterprises',
        e.id,
        `primaryLinkId "${e.primaryLinkId}" 不在 linkIds 中`,
        `primaryLinkId "${e.primaryLinkId}" is not among linkIds`,
      );
    }

    checkAmount(ctx, 'enterprises', e.id, 'revenue', e.revenue);
    checkAmount(ctx, 'enterprises', e.id, 'financingNeed', e.financingNeed);
    checkAmount(ctx, 'enterprises', e.id, 'capexPlan', e.capexPlan);
    checkAmount(ctx, 'enterprises', e.id, 'totalAssets', e.totalAssets);
    checkCoordinates(ctx, 'enterprises', e.id, e.lat, e.lon);

    const { normalized, issues } = validateUscc(e.uscc);
    checkEnterpriseUscc(ctx, e, issues);
    const owner = usccOwner.get(normalized);
    if (owner === undefined) {
      usccOwner.set(normalized, e.id);
    } else {
      ctx.report(
        'USCC_DUPLICATE',
        'error',
        'enterprises',
        e.id,
        `统一社会信用代码 "${e.uscc}" 与企业 ${owner} 重复`,
        `uscc "${e.uscc}" duplicates enterprise ${owner}`,
      );
    }
    if (ds.meta.kind === 'synthetic_demo' && !DEMO_USCC_PATTERN.test(e.uscc)) {
      ctx.report(
        'USCC_NOT_DEMO',
        'error',
        'enterprises',
        e.id,
        `合成数据的统一社会信用代码 "${e.uscc}" 不符合示例代码格式 91+行政区划码+DE+8位`,
        `uscc "${e.uscc}" in synthetic demo data does not match the demo pattern 91 + region + DE + 8 characters`,
      );
    }

    const computed = classifyIndustrial(e.employees, e.revenue);
    if (computed !== e.sizeClass) {
      ctx.report(
        'SIZE_MISMATCH',
        'warning',
        'enterprises',
        e.id,
        `填报规模 sizeClass "${e.sizeClass}" 与按工业标准计算的 "${computed}"（${e.employees}人，营业收入${e.revenue}万元）不一致`,
        `sizeClass "${e.sizeClass}" differs from "${computed}" computed by the industrial rule (${e.employees} employees, revenue ${e.revenue} 万元)`,
      );
    }
  }
}

/**
 * §7.3: a failed position-18 check may be kept as a pilot-era code, but only when it is the sole
 * error; the override never excuses a wrong length or character.
 */
function checkEnterpriseUscc(ctx: Context, e: Enterprise, issues: readonly UsccIssue[]): void {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const overridden =
    e.usccCheckOverride === true && errors.length === 1 && errors[0]?.code === 'E_USCC_CHECK';
  for (const issue of issues) {
    if (issue.severity === 'warning') {
      ctx.report(
        'USCC_WARNING',
        'warning',
        'enterprises',
        e.id,
        `统一社会信用代码 "${e.uscc}"：${issue.messageZh}（${issue.code}）`,
        `uscc "${e.uscc}": ${issue.messageEn} (${issue.code})`,
      );
    } else {
      ctx.report(
        'USCC_INVALID',
        overridden ? 'warning' : 'error',
        'enterprises',
        e.id,
        `统一社会信用代码 "${e.uscc}"：${issue.messageZh}（${issue.code}）` +
          (overridden ? '，已按试点代码保留' : ''),
        `uscc "${e.uscc}": ${issue.messageEn} (${issue.code})` +
          (overridden ? '; kept as a pilot-era code by override' : ''),
      );
    }
  }
}

function checkBanks(ctx: Context): void {
  for (const bank of ctx.ds.banks) {
    for (const cityId of bank.cityIds) checkRef(ctx, 'banks', bank.id, 'cityIds', cityId, 'cities');
    const national = bank.level === 'national';
    if (national !== (bank.cityIds.length === 0)) {
      ctx.report(
        'BANK_LEVEL_CITIES',
        'error',
        'banks',
        bank.id,
        national
          ? `level 为 "national" 时 cityIds 应为空，实为 [${bank.cityIds.join(', ')}]`
          : `level 为 "${bank.level}" 时 cityIds 不能为空`,
        national
          ? `level "national" needs empty cityIds, got [${bank.cityIds.join(', ')}]`
          : `level "${bank.level}" needs at least one cityId, got []`,
      );
    }
  }
}

function checkCreditRelations(ctx: Context): void {
  for (const r of ctx.ds.creditRelations) {
    checkRef(ctx, 'creditRelations', r.id, 'bankId', r.bankId, 'banks');
    checkRef(ctx, 'creditRelations', r.id, 'enterpriseId', r.enterpriseId, 'enterprises');
    if (r.guarantorId !== undefined) {
      checkRef(ctx, 'creditRelations', r.id, 'guarantorId', r.guarantorId, 'banks');
    }
    if (r.viaSupplyEdgeId !== undefined) {
      checkRef(ctx, 'creditRelations', r.id, 'viaSupplyEdgeId', r.viaSupplyEdgeId, 'supplyEdges');
    }
    checkAmount(ctx, 'creditRelations', r.id, 'creditLine', r.creditLine);
    checkAmount(ctx, 'creditRelations', r.id, 'outstanding', r.outstanding);
    // The epsilon keeps a balance of exactly 105% (2-decimal amounts) from tripping on float error.
    if (r.outstanding > r.creditLine * OUTSTANDING_TOLERANCE + 1e-6) {
      ctx.report(
        'OUTSTANDING_OVER_LINE',
        'warning',
        'creditRelations',
        r.id,
        `outstanding 贷款余额 ${r.outstanding} 万元超过授信额度 creditLine ${r.creditLine} 万元的105%`,
        `outstanding ${r.outstanding} 万元 exceeds 105% of creditLine ${r.creditLine} 万元`,
      );
    }
    // ISO 'YYYY-MM-DD' strings order like the dates they name.
    if (r.startDate !== undefined && r.maturityDate !== undefined && r.maturityDate < r.startDate) {
      ctx.report(
        'MATURITY_BEFORE_START',
        'error',
        'creditRelations',
        r.id,
        `到期日 maturityDate ${r.maturityDate} 早于起始日 startDate ${r.startDate}`,
        `maturityDate ${r.maturityDate} is before startDate ${r.startDate}`,
      );
    }
  }
}

function checkSupplyEdges(ctx: Context): void {
  for (const s of ctx.ds.supplyEdges) {
    const chainOk = checkRef(ctx, 'supplyEdges', s.id, 'chainId', s.chainId, 'chains');
    for (const [field, enterpriseId] of [
      ['supplierId', s.supplierId],
      ['buyerId', s.buyerId],
    ] as const) {
      if (!checkRef(ctx, 'supplyEdges', s.id, field, enterpriseId, 'enterprises')) continue;
      const party = ctx.enterprises.get(enterpriseId);
      if (chainOk && party && !party.chainIds.includes(s.chainId)) {
        ctx.report(
          'SUPPLY_PARTY_NOT_IN_CHAIN',
          'error',
          'supplyEdges',
          s.id,
          `${field} "${enterpriseId}" 不属于产业链 "${s.chainId}"`,
          `${field} "${enterpriseId}" does not belong to chain "${s.chainId}"`,
        );
      }
    }
    if (s.supplierId === s.buyerId) {
      ctx.report(
        'SUPPLY_SELF_TRADE',
        'error',
        'supplyEdges',
        s.id,
        `供应商与客户为同一企业 "${s.supplierId}"`,
        `supplierId and buyerId are the same enterprise "${s.supplierId}"`,
      );
    }
    for (const [field, linkId] of [
      ['fromLinkId', s.fromLinkId],
      ['toLinkId', s.toLinkId],
    ] as const) {
      if (chainOk) checkLinkOfChain(ctx, 'supplyEdges', s.id, field, linkId, s.chainId);
      else checkRef(ctx, 'supplyEdges', s.id, field, linkId, 'links');
    }

    const chain = ctx.chains.get(s.chainId);
    const own = (linkId: string) => ctx.links.get(linkId)?.chainId === s.chainId;
    if (chain && own(s.fromLinkId) && own(s.toLinkId) && s.fromLinkId !== s.toLinkId) {
      const onMap = chain.edges.some(
        (e) => e.kind === 'supply' && e.from === s.fromLinkId && e.to === s.toLinkId,
      );
      if (!onMap) {
        ctx.report(
          'SUPPLY_OFF_MAP',
          'warning',
          'supplyEdges',
          s.id,
          `${s.fromLinkId} → ${s.toLinkId} 不是产业链 "${s.chainId}" 图谱中的供应边（图谱外交易）`,
          `off-map trade: ${s.fromLinkId} → ${s.toLinkId} is not a supply edge of chain "${s.chainId}"`,
        );
      }
    }
    checkAmount(ctx, 'supplyEdges', s.id, 'annualValue', s.annualValue);
    checkAmount(ctx, 'supplyEdges', s.id, 'receivableOutstanding', s.receivableOutstanding);
  }
}

function checkPolicies(ctx: Context): void {
  for (const p of ctx.ds.policies) {
    const chainOk = checkRef(ctx, 'policies', p.id, 'chainId', p.chainId, 'chains');
    for (const cityId of p.cityIds) checkRef(ctx, 'policies', p.id, 'cityIds', cityId, 'cities');
    for (const bankId of p.bankIds) checkRef(ctx, 'policies', p.id, 'bankIds', bankId, 'banks');
    for (const linkId of p.targetLinkIds) {
      if (chainOk) checkLinkOfChain(ctx, 'policies', p.id, 'targetLinkIds', linkId, p.chainId);
      else checkRef(ctx, 'policies', p.id, 'targetLinkIds', linkId, 'links');
    }
    checkAmount(ctx, 'policies', p.id, 'creditQuota', p.creditQuota);
  }
}

function checkBatches(ctx: Context): void {
  for (const b of ctx.ds.batches) {
    checkRef(ctx, 'batches', b.id, 'bankId', b.bankId, 'banks');
    checkRef(ctx, 'batches', b.id, 'chainId', b.chainId, 'chains');
    if (b.cityId !== undefined) checkRef(ctx, 'batches', b.id, 'cityId', b.cityId, 'cities');
    if (b.meetingId !== undefined) {
      checkRef(ctx, 'batches', b.id, 'meetingId', b.meetingId, 'meetings');
    }
    b.items.forEach((item, i) => {
      const field = `items[${i}].enterpriseId`;
      checkRef(ctx, 'batches', b.id, field, item.enterpriseId, 'enterprises');
      checkAmount(ctx, 'batches', b.id, `items[${i}].gap`, item.gap);
    });
  }
}

function checkMeetings(ctx: Context): void {
  for (const m of ctx.ds.meetings) {
    checkRef(ctx, 'meetings', m.id, 'cityId', m.cityId, 'cities');
    for (const chainId of m.chainIds)
      checkRef(ctx, 'meetings', m.id, 'chainIds', chainId, 'chains');
    for (const bankId of m.bankIds) checkRef(ctx, 'meetings', m.id, 'bankIds', bankId, 'banks');
    for (const batchId of m.batchIds)
      checkRef(ctx, 'meetings', m.id, 'batchIds', batchId, 'batches');
  }
}

function checkOffers(ctx: Context): void {
  for (const o of ctx.ds.offers) {
    checkRef(ctx, 'offers', o.id, 'bankId', o.bankId, 'banks');
    checkRef(ctx, 'offers', o.id, 'enterpriseId', o.enterpriseId, 'enterprises');
    if (o.policyId !== undefined) checkRef(ctx, 'offers', o.id, 'policyId', o.policyId, 'policies');
    if (o.batchId !== undefined) checkRef(ctx, 'offers', o.id, 'batchId', o.batchId, 'batches');
    checkAmount(ctx, 'offers', o.id, 'amount', o.amount);
  }
}
