/**
 * The query string is the app's shareable state. Decoding is the edge where untrusted text enters:
 * each parameter is parsed on its own, and a malformed one falls back to its default with a notice
 * instead of breaking the page. Whether an id exists in the dataset is checked by the views.
 */
import { z } from 'zod';
import { EMPTY_FILTERS, type Filters } from '../analysis/filters';
import { VERDICTS } from '../analysis/coverage';
import { ScenarioSchema, type Scenario } from '../analysis/scenario-schema';
import { DISPLAY_ROLES, SIZE_CLASSES, SRDI_TIERS, STAGES } from '../domain/schema';
import { LANGS, type Lang } from '../i18n/format';
import { OVERLAYS, type Overlay } from '../overlays/overlays';

export const VIEWS = [
  'overview',
  'atlas',
  'coverage',
  'policy',
  'meeting',
  'present',
  'data',
] as const;
export type View = (typeof VIEWS)[number];

/**
 * Whose eyes the app is for (product.md, domain.md §9.3): `gov` — the department or government, every
 * institution named; `bank` — one bank (`bank`), which sees only itself by name and every other
 * institution as counts or by type; `public` — a demonstration or public screen: no institution or
 * enterprise named, groups under three firms shown as “<3”.
 */
export const PERSPECTIVES = ['gov', 'bank', 'public'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];

export interface MapViewport {
  lon: number;
  lat: number;
  zoom: number;
}

export interface UrlState {
  lang: Lang;
  view: View;
  chain: string | null;
  overlay: Overlay;
  filters: Filters;
  /** Selected (and expanded) link. */
  link: string | null;
  /** Selected enterprise. */
  enterprise: string | null;
  map: MapViewport | null;
  /** Whose eyes the app is for; `bank` names only `bank`. */
  perspective: Perspective;
  /** “My bank” in bank perspective; the bank whose policy and white space are shown otherwise. */
  bank: string | null;
  /** Docking meeting shown on the Meeting and Present views. */
  meeting: string | null;
  /** Presentation scene, 1-based. */
  scene: number;
  /** Presentation shows enterprise names and USCCs (hidden by default, §9.3). */
  names: boolean;
  /** Two rounds of the active dataset compared (`cmp=1..2`), before → after. */
  compare: RoundPair | null;
  /** A what-if scenario shown against the baseline (`scn=terms~L1~30`); never saved into data. */
  scenario: Scenario | null;
}

/** Two rounds, before → after, by round id ('1', '2' …). */
export interface RoundPair {
  from: string;
  to: string;
}

export const DEFAULT_OVERLAY: Overlay = 'verdict';

export const DEFAULT_URL_STATE: UrlState = {
  lang: 'zh',
  view: 'overview',
  chain: null,
  overlay: DEFAULT_OVERLAY,
  filters: EMPTY_FILTERS,
  link: null,
  enterprise: null,
  map: null,
  perspective: 'gov',
  bank: null,
  meeting: null,
  scene: 1,
  names: false,
  compare: null,
  scenario: null,
};

/** A parameter that could not be used, for the notice bar. */
export interface UrlNotice {
  param: string;
  value: string;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/i);
/** Free text ids (province names are Chinese): printable, short, no markup characters. */
const label = z.string().regex(/^[^<>"'&\p{Cc}]{1,32}$/u);
const wan = z.coerce.number().finite().nonnegative().max(1e9);
const viewport = z
  .string()
  .transform((s) => s.split(',').map(Number))
  .pipe(
    z.tuple([z.number().min(60).max(150), z.number().min(0).max(60), z.number().min(1).max(18)]),
  );
const roundPair = z
  .string()
  .regex(/^\d{1,2}\.\.\d{1,2}$/)
  .transform((s) => {
    const [from = '', to = ''] = s.split('..');
    return { from, to };
  })
  .refine((p) => p.from !== p.to, { message: 'a round is compared with another round' });

/**
 * The fields of each scenario kind in URL order (`scn=kind~field~field…`), numbers as numbers.
 * @example SCENARIO_FIELDS.terms // ['leaderId', 'days']
 */
export const SCENARIO_FIELDS = {
  terms: ['leaderId', 'days'],
  withdraw_city: ['bankId', 'cityId'],
  withdraw_type: ['bankType', 'chainId'],
  enter: ['bankId', 'linkId', 'product', 'budget'],
} as const satisfies Record<Scenario['kind'], readonly string[]>;
const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['days', 'budget']);

/**
 * A scenario from its URL form, parsed with the scenario schema (ids must still look like ids).
 * @example parseScenarioParam('terms~e-nev-ningde-001~30') // { kind: 'terms', leaderId: 'e-nev-ningde-001', days: 30 }
 */
export function parseScenarioParam(raw: string): Scenario {
  const [kind = '', ...values] = raw.split('~');
  const fields: readonly string[] =
    kind in SCENARIO_FIELDS ? SCENARIO_FIELDS[kind as keyof typeof SCENARIO_FIELDS] : [];
  if (fields.length === 0 || values.length !== fields.length) {
    throw new Error(`invalid scenario: ${raw}`);
  }
  const obj: Record<string, string | number> = { kind };
  fields.forEach((f, i) => {
    const v = values[i] ?? '';
    if (!NUMERIC_FIELDS.has(f) && !id.safeParse(v).success) throw new Error(`invalid id: ${v}`);
    obj[f] = NUMERIC_FIELDS.has(f) ? Number(v) : v;
  });
  return ScenarioSchema.parse(obj);
}

/**
 * The URL form of a scenario.
 * @example scenarioParam({ kind: 'withdraw_city', bankId: 'b-jsb-a', cityId: 'ningde' }) // 'withdraw_city~b-jsb-a~ningde'
 */
export function scenarioParam(scenario: Scenario): string {
  const values = (SCENARIO_FIELDS[scenario.kind] as readonly string[]).map((f) =>
    String((scenario as unknown as Record<string, string | number>)[f]),
  );
  return [scenario.kind, ...values].join('~');
}

const scenarioSchema = z.string().transform((raw, ctx) => {
  try {
    return parseScenarioParam(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: `invalid scenario: ${raw}` });
    return z.NEVER;
  }
});

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as [T, ...T[]]);

/** Query parameter name → schema; short names keep shared links readable. */
const PARAMS = {
  lang: enumOf(LANGS),
  view: enumOf(VIEWS),
  chain: id,
  ov: enumOf(OVERLAYS),
  prov: label,
  city: id,
  stage: enumOf(STAGES),
  flink: id,
  role: enumOf(DISPLAY_ROLES),
  size: enumOf(SIZE_CLASSES),
  srdi: enumOf(SRDI_TIERS),
  verdict: enumOf(VERDICTS),
  lender: id,
  gapmin: wan,
  link: id,
  ent: id,
  map: viewport,
  persp: enumOf(PERSPECTIVES),
  bank: id,
  meeting: id,
  scene: z.coerce.number().int().min(1).max(20),
  names: z.enum(['1', '0']).transform((v) => v === '1'),
  cmp: roundPair,
  scn: scenarioSchema,
} as const;
type Param = keyof typeof PARAMS;
type Parsed = { [K in Param]?: z.infer<(typeof PARAMS)[K]> };

const FILTER_PARAMS: Record<keyof Filters, Param> = {
  province: 'prov',
  city: 'city',
  stage: 'stage',
  link: 'flink',
  role: 'role',
  size: 'size',
  srdi: 'srdi',
  verdict: 'verdict',
  lender: 'lender',
  gapMin: 'gapmin',
};

/**
 * @example decodeUrlState('?lang=en&view=oops') // { state: { lang: 'en', view: 'overview', … },
 *   notices: [{ param: 'view', value: 'oops' }] }
 */
export function decodeUrlState(search: string): { state: UrlState; notices: UrlNotice[] } {
  const params = new URLSearchParams(search);
  const got: Parsed = {};
  const notices: UrlNotice[] = [];
  for (const key of Object.keys(PARAMS) as Param[]) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = PARAMS[key].safeParse(raw);
    if (parsed.success) Object.assign(got, { [key]: parsed.data });
    else notices.push({ param: key, value: raw });
  }
  const filters = { ...EMPTY_FILTERS };
  for (const [field, param] of Object.entries(FILTER_PARAMS) as [keyof Filters, Param][]) {
    const v = got[param];
    if (v !== undefined) Object.assign(filters, { [field]: v });
  }
  const map = got.map ? { lon: got.map[0], lat: got.map[1], zoom: got.map[2] } : null;
  return {
    state: {
      lang: got.lang ?? DEFAULT_URL_STATE.lang,
      view: got.view ?? DEFAULT_URL_STATE.view,
      chain: got.chain ?? null,
      overlay: got.ov ?? DEFAULT_OVERLAY,
      filters,
      link: got.link ?? null,
      enterprise: got.ent ?? null,
      map,
      perspective: got.persp ?? impliedPerspective(got.bank ?? null),
      bank: got.bank ?? null,
      meeting: got.meeting ?? null,
      scene: got.scene ?? 1,
      names: got.names ?? false,
      compare: got.cmp ?? null,
      scenario: got.scn ?? null,
    },
    notices,
  };
}

/**
 * The perspective of a URL without `persp`: a link that names a bank is that bank's (the safe reading
 * of links shared before perspectives existed), any other the department's.
 * @example impliedPerspective('b-ccb-changzhou') // 'bank'
 */
export const impliedPerspective = (bank: string | null): Perspective => (bank ? 'bank' : 'gov');

const round = (x: number, digits: number) => String(Math.round(x * 10 ** digits) / 10 ** digits);

/** The query string for a state: defaults omitted, keys in a fixed order, so equal states give equal URLs. */
export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.lang !== DEFAULT_URL_STATE.lang) params.set('lang', state.lang);
  if (state.view !== DEFAULT_URL_STATE.view) params.set('view', state.view);
  if (state.chain) params.set('chain', state.chain);
  if (state.overlay !== DEFAULT_OVERLAY) params.set('ov', state.overlay);
  for (const [field, param] of Object.entries(FILTER_PARAMS) as [keyof Filters, Param][]) {
    const v = state.filters[field];
    if (v !== null) params.set(param, String(v));
  }
  if (state.link) params.set('link', state.link);
  if (state.enterprise) params.set('ent', state.enterprise);
  if (state.map) {
    const { lon, lat, zoom } = state.map;
    params.set('map', `${round(lon, 4)},${round(lat, 4)},${round(zoom, 2)}`);
  }
  if (state.perspective !== impliedPerspective(state.bank)) params.set('persp', state.perspective);
  if (state.bank) params.set('bank', state.bank);
  if (state.meeting) params.set('meeting', state.meeting);
  if (state.scene !== 1) params.set('scene', String(state.scene));
  if (state.names) params.set('names', '1');
  if (state.compare) params.set('cmp', `${state.compare.from}..${state.compare.to}`);
  if (state.scenario) params.set('scn', scenarioParam(state.scenario));
  const s = params.toString();
  return s ? `?${s}` : '';
}
