/**
 * What the Atlas shows when two rounds are compared or a scenario is on (issue 14): which analysis
 * is drawn, which one it is compared with, the comparison, and the pure builders that put the
 * deltas on the chain's cards and a diverging Δ gap choropleth on the map. The analyses are
 * memoised on the loaded (immutable) analysis, so switching back and forth costs nothing twice.
 */
import { compareAnalyses, type Comparison, type ComparisonRow } from '../../analysis/compare';
import type { DatasetIndex } from '../../analysis/dataset-index';
import type { StatusEdits } from '../../analysis/meeting';
import { memoPer } from '../../analysis/memo';
import { reanalyzeDataset } from '../../analysis/reanalyze';
import { buildRounds, type Round } from '../../analysis/rounds';
import { runScenario, scenarioProblem, type Scenario } from '../../analysis/scenarios';
import type { Analysis } from '../../analysis/types';
import type { ProductCode } from '../../domain/schema';
import { columnFormatter, formatWan, type Lang } from '../../i18n/format';
import {
  hidesEnterpriseNames,
  institutionLabel,
  INSTITUTION_LABELS,
  type Disclosure,
} from '../../i18n/labels';
import { translate, type MessageKey } from '../../i18n/messages';
import type { MapGroup, MapInput } from '../../map/features';
import {
  bigDelta,
  DELTA_CLASSES,
  DELTA_COLORS,
  deltaClass,
  type DeltaClass,
} from '../../overlays/delta';
import { scenarioParam, type RoundPair } from '../../state/url-state';

export type CompareMode = 'none' | 'rounds' | 'scenario';

/**
 * A saved dataset paired as a later round of the loaded one (issue 14: an import saved as a new
 * round, or two datasets paired before → after on the Data page). Analysed only when compared.
 */
export interface SavedRound {
  datasetId: string;
  name: string;
  /** YYYY-MM-DD: the saved dataset's data date. */
  asOf: string;
  /** Its analysis once loaded; null while it loads or before it is asked for. */
  analysis: Analysis | null;
  /** Why it could not be loaded (the load error's message), else null. */
  error: string | null;
}

/** One round the comparison can use, in order: the data as loaded, its batch outcomes, saved rounds. */
export interface RoundChoice {
  /** '1', '2' … as in the URL (`cmp=1..3`). */
  id: string;
  /** YYYY-MM-DD */
  date: string;
  kind: 'loaded' | 'derived' | 'saved';
  /** The saved dataset's id and name (kind 'saved'), else null. */
  datasetId: string | null;
  name: string | null;
}

/**
 * The rounds of the loaded data: round 1 as loaded, round 2 its batch outcomes when they granted
 * credit (rounds.ts), then the saved rounds, oldest first, numbered on.
 * @example roundChoices(buildRounds(demo), [{ datasetId: 'import-1', name: '九月', asOf: '2025-09-30', … }]).map((r) => r.id)
 * // ['1', '2', '3']
 */
export function roundChoices(own: readonly Round[], saved: readonly SavedRound[]): RoundChoice[] {
  return [
    ...own.map((r): RoundChoice => ({
      id: r.id,
      date: r.date,
      kind: r.id === '1' ? 'loaded' : 'derived',
      datasetId: null,
      name: null,
    })),
    ...saved.map((s, i): RoundChoice => ({
      id: String(own.length + i + 1),
      date: s.asOf,
      kind: 'saved',
      datasetId: s.datasetId,
      name: s.name,
    })),
  ];
}

export interface CompareState {
  mode: CompareMode;
  /** What every pane draws: the later round, the scenario, or the data as loaded. */
  shown: Analysis;
  /** What `shown` is compared with; null when nothing is compared. */
  before: Analysis | null;
  comparison: Comparison | null;
  /**
   * The rounds of the active dataset: '1', '2' when its batches granted credit, then its saved
   * rounds (roundChoices).
   */
  rounds: RoundChoice[];
  /** A saved round of the URL's pair that is still loading (its id), else null. */
  waiting: string | null;
  /** The round pair in use (null when the URL's pair names a round the dataset lacks). */
  pair: RoundPair | null;
  scenario: Scenario | null;
  /** Why the URL's comparison or scenario is not shown (an unknown round or id), else null. */
  problem: string | null;
}

const stableKey = (edits: StatusEdits): string =>
  JSON.stringify(
    Object.keys(edits)
      .sort()
      .map((k) => [k, edits[k]]),
  );

interface RoundSet {
  rounds: Round[];
  analyses: Map<string, Analysis>;
}
const roundSets = memoPer<Analysis, string, RoundSet>();
/**
 * The latest scenarios run on each baseline, newest last: switching back and forth is instant, and
 * at 100,000 firms a dozen tried scenarios do not each keep a whole analysis alive.
 */
const SCENARIO_CACHE = 3;
const scenarioCache = new WeakMap<Analysis, Map<string, Analysis>>();
function scenarioRun(base: Analysis, scenario: Scenario): Analysis {
  const key = scenarioParam(scenario);
  let runs = scenarioCache.get(base);
  if (!runs) {
    runs = new Map();
    scenarioCache.set(base, runs);
  }
  const hit = runs.get(key);
  if (hit) {
    runs.delete(key);
    runs.set(key, hit);
    return hit;
  }
  const run = runScenario(base, scenario);
  runs.set(key, run);
  for (const old of runs.keys()) {
    if (runs.size <= SCENARIO_CACHE) break;
    runs.delete(old);
  }
  return run;
}
const comparisons = memoPer<Analysis, string, Comparison>();

/**
 * The rounds of a loaded analysis with the browser's follow-up edits, and each round's analysis
 * (round 1 is the loaded analysis itself; later rounds are analysed once, on first use).
 */
function roundSetOf(baseline: Analysis, edits: StatusEdits): RoundSet {
  return roundSets(baseline, stableKey(edits), () => ({
    rounds: buildRounds(baseline.index.dataset, edits),
    analyses: new Map([['1', baseline]]),
  }));
}

function roundAnalysis(set: RoundSet, id: string, baseline: Analysis): Analysis | null {
  const cached = set.analyses.get(id);
  if (cached) return cached;
  const round = set.rounds.find((r) => r.id === id);
  if (!round) return null;
  // A round adds lines to a few firms: only those are analysed again.
  const analysis = reanalyzeDataset(baseline, round.dataset);
  set.analyses.set(id, analysis);
  return analysis;
}

/**
 * The rounds a dataset has, without analysing them (for the round picker).
 * @example roundsOf(demoAnalysis, {}).map((r) => r.id) // ['1', '2']
 */
export const roundsOf = (baseline: Analysis, edits: StatusEdits): Round[] =>
  roundSetOf(baseline, edits).rounds;

/**
 * A saved dataset's list entry as a round, before it is analysed.
 * @example savedRoundOf({ id: 'import-sep', name: '九月', asOf: '2025-09-30' }).analysis // null
 */
export const savedRoundOf = (info: { id: string; name: string; asOf: string }): SavedRound => ({
  datasetId: info.id,
  name: info.name,
  asOf: info.asOf,
  analysis: null,
  error: null,
});

/**
 * The saved rounds (their dataset ids) that a comparison of `pair` needs analysed.
 * @example savedRoundsNeeded(demoAnalysis, {}, [roundA, roundB], { from: '1', to: '4' }) // [roundB.datasetId]
 */
export function savedRoundsNeeded(
  baseline: Analysis,
  edits: StatusEdits,
  saved: readonly SavedRound[],
  pair: RoundPair | null,
): string[] {
  if (!pair) return [];
  const choices = roundChoices(roundsOf(baseline, edits), saved);
  return [pair.from, pair.to].flatMap((id) => {
    const datasetId = choices.find((r) => r.id === id)?.datasetId;
    return datasetId ? [datasetId] : [];
  });
}

/**
 * The state of the Atlas for the URL's comparison and scenario. A scenario is laid over the later
 * round of the comparison when there is one, else over the data as loaded, and compared with it.
 * An unknown round or an id the dataset lacks leaves the data as loaded and says why.
 * @example buildCompareState(demo, { chainId: 'nev', compare: { from: '1', to: '2' }, scenario: null, edits: {} }).mode // 'rounds'
 */
export function buildCompareState(
  baseline: Analysis,
  opts: {
    chainId: string;
    compare: RoundPair | null;
    scenario: Scenario | null;
    edits: StatusEdits;
    /** The saved rounds of the loaded dataset, oldest first (savedRoundsOf). */
    saved?: readonly SavedRound[];
  },
): CompareState {
  const set = roundSetOf(baseline, opts.edits);
  const saved = opts.saved ?? [];
  const rounds = roundChoices(set.rounds, saved);
  const none: CompareState = {
    mode: 'none',
    shown: baseline,
    before: null,
    comparison: null,
    rounds,
    waiting: null,
    pair: null,
    scenario: null,
    problem: null,
  };
  let base = baseline;
  let pair: RoundPair | null = null;
  let before: Analysis | null = null;
  let problem: string | null = null;
  let waiting: string | null = null;
  /** A round's analysis; undefined while a saved round loads, null when there is no such round. */
  const analysisOf = (id: string): Analysis | null | undefined => {
    const choice = rounds.find((r) => r.id === id);
    if (choice?.kind !== 'saved') return roundAnalysis(set, id, baseline);
    const s = saved.find((x) => x.datasetId === choice.datasetId);
    if (s?.error) {
      problem = `round ${id} (${s.name}): ${s.error}`;
      return null;
    }
    return s?.analysis ?? undefined;
  };
  if (opts.compare) {
    const from = analysisOf(opts.compare.from);
    const to = analysisOf(opts.compare.to);
    if (from && to) {
      pair = opts.compare;
      before = from;
      base = to;
    } else if (from === null || to === null) {
      problem ??= `unknown round: ${from === null ? opts.compare.from : opts.compare.to}`;
    } else {
      waiting = from === undefined ? opts.compare.from : opts.compare.to;
    }
  }
  none.waiting = waiting;
  if (opts.scenario) {
    const scenarioIssue = scenarioProblem(base.index.dataset, opts.scenario);
    if (scenarioIssue) {
      problem = scenarioIssue;
    } else {
      const scenario = opts.scenario;
      const shown = scenarioRun(base, scenario);
      return {
        ...none,
        mode: 'scenario',
        shown,
        before: base,
        comparison: compareWith(base, shown, opts.chainId, `scn:${scenarioParam(scenario)}`),
        pair,
        scenario,
        problem,
      };
    }
  }
  if (pair && before) {
    return {
      ...none,
      mode: 'rounds',
      shown: base,
      before,
      comparison: compareWith(
        before,
        base,
        opts.chainId,
        `r:${pair.from}:${before.index.dataset.meta.datasetId}`,
      ),
      pair,
      problem,
    };
  }
  return { ...none, problem };
}

const compareWith = (before: Analysis, after: Analysis, chainId: string, key: string) =>
  comparisons(after, `${key}|${chainId}`, () => compareAnalyses(before, after, { chainId }));

/**
 * The change lines of each link's card: the Δ gap in one unit for the whole diagram, and a second
 * line when the verdict changed. Links whose figures did not move get none.
 * @example deltaCardFigures([t.mid (Δgap −1000, verdict changed)], 'zh').get('t.mid') // '−1,000万元\n判定变化'
 */
export function deltaCardFigures(rows: readonly ComparisonRow[], lang: Lang): Map<string, string> {
  const f = columnFormatter(
    rows.map((r) => r.delta.gap),
    lang,
  );
  const out = new Map<string, string>();
  for (const r of rows) {
    if (r.delta.gap === 0 && !r.verdictChanged) continue;
    // The amount alone: a card is a few em wide, and the bar's legend says it is the gap's change.
    const gap = signedAmount(r.delta.gap, f.format);
    out.set(
      r.key,
      r.verdictChanged ? `${gap}\n${lang === 'zh' ? '判定变化' : 'verdict changed'}` : gap,
    );
  }
  return out;
}

/**
 * A change with its sign in front of the amount and its unit (+, − or none for 0), in a column's
 * formatter: '−1.8亿元', '+CNY 3.0m'.
 * @example signedAmount(-18060, (x) => formatWan(x, 'zh')) // '−1.8亿元'
 */
export function signedAmount(delta: number, format: (wan: number) => string): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  return `${sign}${format(Math.abs(delta))}`;
}

function recolour(
  groups: ReadonlyMap<string, MapGroup>,
  rows: readonly ComparisonRow[],
  big: number,
  lang: Lang,
): Map<string, MapGroup> {
  const delta = new Map(rows.map((r) => [r.key, r.delta.gap]));
  const out = new Map<string, MapGroup>();
  for (const [key, g] of groups) {
    const d = delta.get(key) ?? 0;
    const cls = deltaClass(d, big);
    const label = `${lang === 'zh' ? '缺口变化' : 'Δ gap'} ${signedAmount(d, (x) => formatWan(x, lang))}`;
    out.set(key, { ...g, cls, color: DELTA_COLORS[cls], label });
  }
  return out;
}

/**
 * The map input with cities and provinces coloured by their Δ gap on the diverging palette (firms
 * keep the overlay's colours, so a link's verdict still reads on its firms). A change is “big” from
 * half the largest change among the chain's cities (for cities) or provinces (for provinces).
 * @example withDeltaChoropleth(input, comparison).cityGroups.get('changzhou')?.cls // 'down_big'
 */
export function withDeltaChoropleth(
  input: MapInput,
  comparison: Pick<Comparison, 'cities' | 'provinces'>,
): MapInput {
  const bigCity = bigDelta(comparison.cities.map((r) => r.delta.gap));
  const bigProvince = bigDelta(comparison.provinces.map((r) => r.delta.gap));
  return {
    ...input,
    cityGroups: recolour(input.cityGroups, comparison.cities, bigCity, input.lang),
    provinceGroups: recolour(input.provinceGroups, comparison.provinces, bigProvince, input.lang),
  };
}

/**
 * The scenario in one sentence of the UI language, naming institutions as the perspective allows.
 * @example scenarioText({ kind: 'withdraw_city', bankId: 'b-jsb-a', cityId: 'changzhou' }, index, 'zh', GOV_DISCLOSURE)
 * // '股份制商业银行A（示例） 退出 常州'
 */
export function scenarioText(
  scenario: Scenario,
  index: DatasetIndex,
  lang: Lang,
  disclosure: Disclosure,
): string {
  const t = (key: MessageKey, vars: Record<string, string | number>) => translate(lang, key, vars);
  const named = <T extends { nameZh: string; nameEn: string }>(x: T | undefined, id: string) =>
    x ? (lang === 'zh' ? x.nameZh : x.nameEn) : id;
  const bank = (id: string) => institutionLabel(disclosure, index.bankById.get(id), lang);
  switch (scenario.kind) {
    case 'terms': {
      const leader = index.enterpriseById.get(scenario.leaderId);
      const name = hidesEnterpriseNames(disclosure)
        ? lang === 'zh'
          ? '（名称隐去）'
          : '(name hidden)'
        : leader
          ? lang === 'zh'
            ? leader.nameZh
            : (leader.nameEn ?? leader.nameZh)
          : scenario.leaderId;
      return t('scenario.text.terms', { leader: name, days: scenario.days });
    }
    case 'withdraw_city':
      return t('scenario.text.withdraw_city', {
        bank: bank(scenario.bankId),
        city: named(index.cityById.get(scenario.cityId), scenario.cityId),
      });
    case 'withdraw_type':
      return t('scenario.text.withdraw_type', {
        // 'Every joint-stock bank leaves …': the type is a common noun inside the sentence.
        type:
          lang === 'zh'
            ? INSTITUTION_LABELS[scenario.bankType].zh
            : INSTITUTION_LABELS[scenario.bankType].en.toLowerCase(),
        chain: named(index.chainById.get(scenario.chainId), scenario.chainId),
      });
    case 'enter':
      return t('scenario.text.enter', {
        bank: bank(scenario.bankId),
        link: named(index.linkById.get(scenario.linkId), scenario.linkId),
        product: productName(index, scenario.product, lang),
        budget: formatWan(scenario.budget, lang),
      });
  }
}

/** A product's name from the dataset's catalogue, else its code. */
export function productName(index: DatasetIndex, code: ProductCode, lang: Lang): string {
  const p = index.dataset.products.find((x) => x.code === code);
  return p ? (lang === 'zh' ? p.nameZh : p.nameEn) : code;
}

/**
 * What an export made while comparing must say first, in the UI language: the scenario (情景模拟 /
 * Scenario) or the rounds compared; null when nothing is compared.
 * @example comparisonLabel(scenarioState, 'zh', GOV_DISCLOSURE) // '情景模拟：股份制商业银行（全部）退出新能源汽车及动力电池'
 * @example comparisonLabel(roundsState, 'en', GOV_DISCLOSURE) // 'Round comparison: Round 1 → round 2'
 */
export function comparisonLabel(
  cmp: CompareState,
  lang: Lang,
  disclosure: Disclosure,
): string | null {
  const sep = lang === 'zh' ? '：' : ': ';
  if (cmp.mode === 'scenario' && cmp.scenario) {
    const text = scenarioText(cmp.scenario, cmp.shown.index, lang, disclosure);
    return `${translate(lang, 'scenario.label', {})}${sep}${text}`;
  }
  if (cmp.mode === 'rounds' && cmp.pair) {
    const pair = translate(lang, 'rounds.pair', { from: cmp.pair.from, to: cmp.pair.to });
    return `${translate(lang, 'rounds.title', {})}${sep}${pair}`;
  }
  return null;
}

/**
 * The map's Δ gap colours as legend entries for an exported image.
 * @example deltaLegend('en')[0] // { label: 'Δ gap: Gap smaller (large)', color: '#2166ac' }
 */
export function deltaLegend(lang: Lang): { label: string; color: string }[] {
  const words: Record<DeltaClass, MessageKey> = {
    down_big: 'compare.legend.down',
    down: 'compare.legend.down',
    same: 'compare.legend.same',
    up: 'compare.legend.up',
    up_big: 'compare.legend.up',
  };
  const prefix = lang === 'zh' ? '缺口变化：' : 'Δ gap: ';
  const big = lang === 'zh' ? '（大）' : ' (large)';
  return DELTA_CLASSES.map((cls) => ({
    label: `${prefix}${translate(lang, words[cls], {})}${cls.endsWith('_big') ? big : ''}`,
    color: DELTA_COLORS[cls],
  }));
}
