/**
 * The Coverage view model: pure functions from the analysis and the user's choices (chain, region,
 * my bank, orders, map link) to what the matrix, the lists, the map and the export draw. The view
 * calls these through `$derived`; nothing here touches the DOM.
 */
import {
  coverageBy,
  rankUncoveredLinks,
  UNCOVERED_VERDICTS,
  VERDICTS,
  type GroupCoverage,
  type UncoveredLink,
  type Verdict,
} from '../../analysis/coverage';
import {
  buildCoverageMatrix,
  cellKey,
  isSmallCount,
  scopeEnterprises,
  sortMatrixColumns,
  sortMatrixRows,
  type ColumnOrder,
  type CoverageMatrix,
  type MatrixColumn,
  type RowOrder,
} from '../../analysis/coverage-view';
import { enterpriseAliases } from '../../analysis/present';
import type { Scope } from '../../analysis/scope';
import type { Analysis } from '../../analysis/types';
import {
  bankWhiteSpace,
  whiteSpaceFirms,
  type TargetFirm,
  type WhiteSpaceEntry,
} from '../../analysis/white-space';
import {
  presenceCell,
  presenceLegend,
  type MatrixChartInput,
  type MatrixDims,
} from '../../charts/matrix';
import {
  isLenderType,
  LENDER_TYPES,
  type Bank,
  type Chain,
  type Enterprise,
  type InstitutionType,
  type Link,
} from '../../domain/schema';
import { columnFormatter, formatCount, formatShare, formatWan, type Lang } from '../../i18n/format';
import {
  both,
  GOV_DISCLOSURE,
  hidesEnterpriseNames,
  hidesSmallCounts,
  INSTITUTION_LABELS,
  INSTITUTION_SHORT_LABELS,
  VERDICT_LABELS,
  verdictReasonText,
  type Disclosure,
} from '../../i18n/labels';
import { translate, type MessageKey } from '../../i18n/messages';
import type { MapGroup, MapInput } from '../../map/features';
import { productOf } from '../../domain/products';
import { VERDICT_COLORS } from '../../overlays/overlays';

export interface Region {
  province: string | null;
  city: string | null;
}

export interface CoverageModel {
  analysis: Analysis;
  chain: Chain;
  links: Link[];
  scope: Scope;
  /** The chain's enterprises in the region. */
  enterprises: Enterprise[];
  matrix: CoverageMatrix;
  /** §5.2 uncovered links of the scope, by priority. */
  uncovered: UncoveredLink[];
  myBank: Bank | null;
  /** §5.3 white space of my bank in the scope; null without a bank. */
  whiteSpace: WhiteSpaceEntry[] | null;
  /** What may be named and counted out (domain.md §9.3). */
  disclosure: Disclosure;
  /** The strategist's target list: my bank's white-space firms; null without a bank. */
  targets: TargetFirm[] | null;
}

/** The view's choices beyond chain, region and bank. */
export interface CoverageViewOptions {
  /** The perspective; without it, every bank is named and the columns are banks (legacy). */
  disclosure?: Disclosure;
  /** Institution types the user expanded into their banks (named only where the perspective allows). */
  expandTypes?: readonly InstitutionType[];
}

/** The region filters as an analysis scope (a city implies its province). */
export function scopeOf(chainId: string, region: Region): Scope {
  return {
    chainId,
    ...(region.province ? { provinceZh: region.province } : {}),
    ...(region.city ? { cityId: region.city } : {}),
  };
}

/** The bank a URL names, if it is a lender of the dataset (white space is about credit). */
export function resolveMyBank(analysis: Analysis, bankId: string | null): Bank | null {
  const bank = bankId ? analysis.index.bankById.get(bankId) : undefined;
  return bank && isLenderType(bank.type) ? bank : null;
}

/**
 * Everything the view draws. With a disclosure, the matrix has one column per institution type
 * (issue 11): in bank perspective my bank first and the others by type only; for the department,
 * the expanded types followed by their banks; on a public screen types only and no bank at all.
 */
export function buildCoverageModel(
  analysis: Analysis,
  chainId: string,
  region: Region,
  myBankId: string | null,
  view: CoverageViewOptions = {},
): CoverageModel {
  const chain = analysis.index.chainById.get(chainId);
  if (!chain) throw new Error(`unknown chain: ${chainId}`);
  const scope = scopeOf(chainId, region);
  const enterprises = scopeEnterprises(analysis, scope);
  const d = view.disclosure;
  const myBank =
    d?.perspective === 'public'
      ? null
      : resolveMyBank(analysis, d?.perspective === 'bank' ? d.myBankId : myBankId);
  const matrixOpts = !d
    ? { myBankId: myBank?.id ?? null }
    : d.perspective === 'bank'
      ? { myBankId: myBank?.id ?? null, byType: true }
      : d.perspective === 'public'
        ? { byType: true }
        : { byType: true, expandTypes: view.expandTypes ?? [] };
  return {
    disclosure: d ?? GOV_DISCLOSURE,
    analysis,
    chain,
    links: chain.linkIds.flatMap((id) => analysis.index.linkById.get(id) ?? []),
    scope,
    enterprises,
    matrix: buildCoverageMatrix(analysis, scope, matrixOpts),
    uncovered: rankUncoveredLinks(analysis, enterprises, 'link'),
    myBank,
    whiteSpace: myBank ? bankWhiteSpace(analysis, myBank.id, scope) : null,
    targets: myBank ? whiteSpaceFirms(analysis, myBank.id, scope) : null,
  };
}

/** The link the map shows: the chosen one if it is in the chain, else the top uncovered link. */
export function mapLinkOf(model: CoverageModel, chosen: string | null): string | null {
  if (chosen && model.chain.linkIds.includes(chosen)) return chosen;
  return model.uncovered[0]?.linkId ?? model.chain.linkIds[0] ?? null;
}

const nameOf = (x: { nameZh: string; nameEn?: string }, lang: Lang) =>
  lang === 'zh' ? x.nameZh : (x.nameEn ?? x.nameZh);

export function linkName(model: CoverageModel, linkId: string, lang: Lang): string {
  const l = model.analysis.index.linkById.get(linkId);
  return l ? nameOf(l, lang) : linkId;
}

/** A count as shown to a bank: “<3” for one or two (§9.3). */
export const discreetCount = (n: number, lang: Lang): string =>
  isSmallCount(n) ? '<3' : formatCount(n, lang);

/**
 * Must this column's small counts be hidden? Always on a public screen; in bank perspective for
 * every column but the bank's own (its own clients are no secret to it); never for the department.
 */
export const hidesSmallIn = (model: CoverageModel, c: MatrixColumn): boolean =>
  hidesSmallCounts(model.disclosure) && c.kind !== 'mine';

/** Column heading: a bank's name, or the count of lenders an aggregate stands for. */
export function columnLabel(model: CoverageModel, c: MatrixColumn, lang: Lang): string {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  switch (c.kind) {
    case 'bank':
    case 'mine': {
      const bank = c.bankId ? model.analysis.index.bankById.get(c.bankId) : undefined;
      const name = bank ? nameOf(bank, lang) : (c.bankId ?? c.key);
      return c.kind === 'mine' ? t('coverage.matrix.mine', { name }) : name;
    }
    case 'others':
      return t('coverage.matrix.others', { n: c.banks });
    case 'type':
      return t('coverage.matrix.type', {
        type: c.type ? INSTITUTION_LABELS[c.type][lang] : '',
        n: c.banks,
      });
  }
}

/**
 * A column's header as drawn: a short label that wraps into the column, a last line, and the full
 * text for hover.
 * @example columnHeader(model, typeColumn, 'zh') // { label: '股份制', sublabel: '2家', title: '股份制商业银行（2家合计）' }
 */
export function columnHeader(
  model: CoverageModel,
  c: MatrixColumn,
  lang: Lang,
): { label: string; sublabel?: string; title: string } {
  const title = columnLabel(model, c, lang);
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  switch (c.kind) {
    case 'type':
      return {
        label: c.type ? INSTITUTION_SHORT_LABELS[c.type][lang] : '',
        sublabel:
          c.banks === 1 ? t('coverage.matrix.bank1') : t('coverage.matrix.banksN', { n: c.banks }),
        title,
      };
    case 'mine': {
      const bank = c.bankId ? model.analysis.index.bankById.get(c.bankId) : undefined;
      return {
        label: bank ? nameOf(bank, lang) : (c.bankId ?? c.key),
        sublabel: t('coverage.matrix.mineShort'),
        title,
      };
    }
    case 'others':
      return {
        label: t('coverage.matrix.othersShort'),
        sublabel: t('coverage.matrix.banksN', { n: c.banks }),
        title,
      };
    case 'bank':
      return { label: title, title };
  }
}

/** The matrix as the chart draws it, in the chosen orders, every string in the user's language. */
export function buildMatrixChart(
  model: CoverageModel,
  opts: {
    lang: Lang;
    rowOrder: RowOrder;
    columnOrder: ColumnOrder;
    selectedLinkId: string | null;
    /** Types shown with their banks (the department's perspective only). */
    expandedTypes?: readonly InstitutionType[];
  },
): MatrixChartInput {
  const { lang } = opts;
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const { matrix } = model;
  const columnsByKey = new Map(matrix.columns.map((c) => [c.key, c]));
  // One unit for the whole gap column, chosen from its largest figure (issue 11 item 4).
  const gap = columnFormatter(
    matrix.rows.map((r) => r.gap),
    lang,
  );
  const canExpand = model.disclosure.perspective === 'gov';
  const expanded = new Set(opts.expandedTypes ?? []);
  const hasTypes = matrix.columns.some((c) => c.kind === 'type');
  return {
    rows: sortMatrixRows(matrix.rows, opts.rowOrder).map((r) => ({
      key: r.linkId,
      label: linkName(model, r.linkId, lang),
      chipColor: VERDICT_COLORS[r.verdict],
      title: `${linkName(model, r.linkId, lang)} · ${both(VERDICT_LABELS[r.verdict], lang)}: ${verdictReasonText(r.reason, lang)}`,
      totals: [formatCount(r.lenders, lang), formatShare(r.share, lang), gap.bare(r.gap)],
      selected: r.linkId === opts.selectedLinkId,
    })),
    columns: sortMatrixColumns(matrix.columns, opts.columnOrder).map((c) => {
      const head = columnHeader(model, c, lang);
      const hide = hidesSmallIn(model, c);
      return {
        key: c.key,
        ...head,
        totals: [
          hide ? discreetCount(c.smesServed, lang) : formatCount(c.smesServed, lang),
          formatCount(c.links, lang),
        ],
        emphasis: c.kind === 'mine',
        ...(hasTypes && c.kind === 'bank' ? { child: true } : {}),
        ...(canExpand && c.kind === 'type' && c.type
          ? { toggle: expanded.has(c.type) ? ('collapse' as const) : ('expand' as const) }
          : {}),
      };
    }),
    cell: (linkId, key) => {
      const cell = matrix.cells.get(cellKey(linkId, key));
      const column = columnsByKey.get(key);
      return presenceCell(cell?.smesServed ?? 0, cell?.share ?? null, {
        hideSmall: column ? hidesSmallIn(model, column) : true,
        shareText: formatShare(cell?.share ?? null, lang),
      });
    },
    rowHeader: t('coverage.matrix.rowHeader'),
    rowTotalHeaders: [
      t('coverage.matrix.lenders'),
      t('coverage.matrix.served'),
      t('coverage.matrix.gapIn', { unit: gap.unit }),
    ],
    columnTotalHeaders: [t('coverage.matrix.colSmes'), t('coverage.matrix.colLinks')],
  };
}

/**
 * One sentence on a cell, for hover and keyboard focus: who, which link, how many of its SMEs.
 * Fewer than three are never counted out (§9.3).
 * @example cellExplanation(model, 'nev.cell', 'b-lsb-a', 'en')
 * // → 'Large State-owned Bank A (demo) · Battery cells: serves 6 of 30 SMEs (20.0%)'
 */
export function cellExplanation(
  model: CoverageModel,
  linkId: string,
  columnKey: string,
  lang: Lang,
): string {
  const column = model.matrix.columns.find((c) => c.key === columnKey);
  const cell = model.matrix.cells.get(cellKey(linkId, columnKey));
  if (!column || !cell) return '';
  const vars = {
    who: columnLabel(model, column, lang),
    link: linkName(model, linkId, lang),
    n: formatCount(cell.smesServed, lang),
    total: formatCount(cell.smes, lang),
    share: formatShare(cell.share, lang),
  };
  const key: MessageKey =
    cell.smes === 0
      ? 'coverage.cell.noSmes'
      : cell.smesServed === 0
        ? 'coverage.cell.none'
        : isSmallCount(cell.smesServed) && hidesSmallIn(model, column)
          ? 'coverage.cell.small'
          : 'coverage.cell.serves';
  return translate(lang, key, vars);
}

function verdictGroup(key: string, label: string, g: GroupCoverage, lang: Lang): MapGroup {
  return {
    key,
    // The tooltip shows this as the colour's meaning: the verdict and the figure behind it.
    label: `${label} · ${VERDICT_LABELS[g.verdict][lang]}: ${verdictReasonText(g.reason, lang)}`,
    enterprises: g.enterprises,
    gap: g.gap,
    cls: g.verdict,
    color: VERDICT_COLORS[g.verdict],
  };
}

/**
 * The map for one link: city bubbles and provinces coloured by the verdict of the link × city and
 * link × province groups (§5.2), the link's enterprises in scope on their cities, coloured by their
 * city's verdict, with their gap and whether any bank serves them.
 */
export function buildCoverageMapInput(
  model: CoverageModel,
  opts: {
    lang: Lang;
    linkId: string | null;
    /** Only these cities (my bank's footprint, after a white-space click); null = the whole scope. */
    cityIds?: readonly string[] | null;
  },
): MapInput {
  const { index } = model.analysis;
  const { lang, linkId } = opts;
  const only = opts.cityIds ? new Set(opts.cityIds) : null;
  const members = linkId
    ? model.enterprises.filter(
        (e) => e.linkIds.includes(linkId) && (only === null || only.has(e.cityId)),
      )
    : [];
  const byCity = coverageBy(model.analysis, members, 'city');
  // §9.3: a public screen labels firms “企业 #17”.
  const aliases = hidesEnterpriseNames(model.disclosure)
    ? enterpriseAliases(index.enterprisesByChain.get(model.chain.id) ?? [])
    : null;
  const byProvince = coverageBy(model.analysis, members, 'province');

  const cityGroups = new Map<string, MapGroup>();
  for (const [cityId, g] of byCity) {
    const city = index.cityById.get(cityId);
    cityGroups.set(cityId, verdictGroup(cityId, city ? nameOf(city, lang) : cityId, g, lang));
  }
  const provinceGroups = new Map<string, MapGroup>();
  for (const [provinceZh, g] of byProvince) {
    const city = index.dataset.cities.find((c) => c.provinceZh === provinceZh);
    const label = lang === 'zh' ? provinceZh : (city?.provinceEn ?? provinceZh);
    provinceGroups.set(provinceZh, verdictGroup(provinceZh, label, g, lang));
  }
  return {
    lang,
    cities: index.dataset.cities,
    enterprises: members.map((e) => {
      const verdict = byCity.get(e.cityId)?.verdict ?? 'insufficient_data';
      const a = model.analysis.byEnterprise.get(e.id);
      const detail = a
        ? translate(lang, a.covered ? 'coverage.map.ent.served' : 'coverage.map.ent.unserved', {
            gap: formatWan(a.gap, lang),
          })
        : undefined;
      return {
        id: e.id,
        cityId: e.cityId,
        ...(e.lat !== undefined && e.lon !== undefined ? { lat: e.lat, lon: e.lon } : {}),
        label: aliases
          ? translate(lang, 'present.alias', { n: aliases.get(e.id) ?? '?' })
          : nameOf(e, lang),
        cls: verdict,
        color: VERDICT_COLORS[verdict],
        linkId: e.primaryLinkId,
        ...(detail ? { detail } : {}),
      };
    }),
    cityGroups,
    provinceGroups,
    highlightIds: null,
    selectedEnterpriseId: null,
    flowsByLink: () => new Map(),
    flowLink: null,
    scope: {
      ...(model.scope.provinceZh ? { provinceZh: model.scope.provinceZh } : {}),
      ...(model.scope.cityId ? { cityId: model.scope.cityId } : {}),
    },
    // The map moves to the cities it shows: the link's, or only my bank's after a white-space click.
    camera: {
      key: `coverage:${linkId ?? ''}:${only ? [...only].join(',') : 'all'}:${model.scope.provinceZh ?? ''}:${model.scope.cityId ?? ''}`,
      kind: 'cities',
      cityIds: only ? [...only] : [...new Set(members.map((e) => e.cityId))],
    },
  };
}

/**
 * The cities a bank serves in the scope, for the map after a white-space click: a local bank's
 * footprint (within the region), or null for a national bank (everywhere).
 * @example footprintCities(model) // ['changzhou'] for 常州城商行
 */
export function footprintCities(model: CoverageModel): string[] | null {
  const bank = model.myBank;
  if (!bank || bank.level === 'national') return null;
  const inScope = new Set(model.enterprises.map((e) => e.cityId));
  const ids = bank.cityIds.filter((id) => inScope.has(id));
  return ids.length > 0 ? ids : [...bank.cityIds];
}

/** The region in words: “全国”, “江苏”, “江苏 › 常州”. */
export function regionLabel(model: CoverageModel, lang: Lang): string {
  const { index } = model.analysis;
  const { provinceZh, cityId } = model.scope;
  const parts: string[] = [];
  if (provinceZh) {
    const c = index.dataset.cities.find((x) => x.provinceZh === provinceZh);
    parts.push(lang === 'zh' ? provinceZh : (c?.provinceEn ?? provinceZh));
  }
  if (cityId) {
    const c = index.cityById.get(cityId);
    parts.push(c ? nameOf(c, lang) : cityId);
  }
  return parts.length > 0 ? parts.join(' › ') : translate(lang, 'coverage.region.all');
}

export interface LegendEntry {
  label: string;
  color: string;
}

/** Verdict colours (links, cities, provinces), with bilingual verdict names (§2 first appearance). */
export function verdictLegend(lang: Lang): LegendEntry[] {
  return VERDICTS.map((v) => ({ label: both(VERDICT_LABELS[v], lang), color: VERDICT_COLORS[v] }));
}

/** The presence ramp of the matrix cells, then the “<3” class. */
export function presenceLegendEntries(lang: Lang): LegendEntry[] {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return [
    ...presenceLegend().map((e, i, all) => ({
      label:
        i === 0
          ? `< ${pct(e.to)}`
          : i === all.length - 1
            ? `≥ ${pct(e.from)}`
            : `${pct(e.from)}–${pct(e.to)}`,
      color: e.color,
    })),
    { label: translate(lang, 'coverage.legend.small'), color: presenceCell(1, 1).fill },
  ];
}

/** The texts of the PNG export of the view. */
export function coverageExportText(
  model: CoverageModel,
  opts: {
    lang: Lang;
    rowOrder: RowOrder;
    columnOrder: ColumnOrder;
    mapLinkId: string | null;
  },
): { title: string; subtitle: string; legend: LegendEntry[]; filters: string[] } {
  const { lang } = opts;
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const chain = nameOf(model.chain, lang);
  const region = regionLabel(model, lang);
  return {
    title: t('coverage.export.title', { chain }),
    subtitle: t('coverage.export.subtitle', {
      region,
      asOf: model.analysis.index.dataset.meta.asOf,
    }),
    legend: [
      ...verdictLegend(lang),
      ...presenceLegendEntries(lang).map((e) => ({
        ...e,
        label: `${t('coverage.legend.presenceShort')} ${e.label}`,
      })),
    ],
    filters: [
      `${t('coverage.chain')}: ${chain}`,
      `${t('coverage.region')}: ${region}`,
      `${t('coverage.myBank')}: ${model.myBank ? nameOf(model.myBank, lang) : t('coverage.myBank.none')}`,
      `${t('coverage.sort.rows')}: ${t(`coverage.sort.rows.${opts.rowOrder}`)}`,
      `${t('coverage.sort.columns')}: ${t(`coverage.sort.columns.${opts.columnOrder}`)}`,
      ...(opts.mapLinkId
        ? [`${t('coverage.map.link')}: ${linkName(model, opts.mapLinkId, lang)}`]
        : []),
    ],
  };
}

export interface RegionChoices {
  provinces: { zh: string; label: string }[];
  /** Cities of the chosen province (all cities of the chain without one). */
  cities: { id: string; label: string; provinceZh: string }[];
}

/**
 * The provinces and cities where the chain has enterprises, for the region selectors; names in the
 * user's language, sorted by the Chinese names (pinyin order in zh-CN collation).
 */
export function regionChoices(
  analysis: Analysis,
  chainId: string,
  province: string | null,
  lang: Lang,
): RegionChoices {
  const { index } = analysis;
  const cityIds = new Set((index.enterprisesByChain.get(chainId) ?? []).map((e) => e.cityId));
  const cities = [...cityIds]
    .flatMap((id) => index.cityById.get(id) ?? [])
    .sort((a, b) => a.nameZh.localeCompare(b.nameZh, 'zh-CN'));
  const provinces = new Map<string, string>();
  for (const c of [...cities].sort((a, b) => a.provinceZh.localeCompare(b.provinceZh, 'zh-CN'))) {
    provinces.set(c.provinceZh, lang === 'zh' ? c.provinceZh : c.provinceEn);
  }
  return {
    provinces: [...provinces].map(([zh, label]) => ({ zh, label })),
    cities: cities
      .filter((c) => province === null || c.provinceZh === province)
      .map((c) => ({ id: c.id, label: nameOf(c, lang), provinceZh: c.provinceZh })),
  };
}

/**
 * How many cities the map colours for the link, and how many of them are uncovered (§5.2 verdict
 * blind spot, uncovered or underfunded).
 * @example citySummary(input) // { cities: 7, uncovered: 3 }
 */
export function citySummary(input: Pick<MapInput, 'cityGroups'>): {
  cities: number;
  uncovered: number;
} {
  const groups = [...input.cityGroups.values()];
  return {
    cities: groups.length,
    uncovered: groups.filter((g) => UNCOVERED_VERDICTS.has(g.cls as Verdict)).length,
  };
}

/**
 * Cell and label sizes that fit the matrix into the width it has (no horizontal scrolling at
 * 1366 px with one column per institution type): cells share what the labels and totals leave,
 * between 44 and 80 px; only many expanded banks make the matrix wider than its box.
 * @example matrixDims(9, 'zh', 900).cellWidth // 61 = floor((900 − 6 − 150 − 176 − 14) / 9)
 */
export function matrixDims(
  columns: number,
  lang: Lang,
  available = 900,
): Pick<
  MatrixDims,
  | 'cellWidth'
  | 'childCellWidth'
  | 'cellHeight'
  | 'labelWidth'
  | 'totalWidths'
  | 'columnLabelLines'
  | 'padding'
> {
  const labelWidth = lang === 'en' ? 190 : 150;
  const totalWidths = [46, 56, 74];
  const fixed = 6 + labelWidth + totalWidths.reduce((a, b) => a + b, 0) + 8 + 6;
  const cellWidth = Math.max(
    44,
    Math.min(80, Math.floor((available - fixed) / Math.max(1, columns))),
  );
  return {
    cellWidth,
    // A bank opened from its type needs room for its name (the matrix may scroll in its box then).
    childCellWidth: Math.max(cellWidth, 76),
    cellHeight: 34,
    labelWidth,
    totalWidths,
    columnLabelLines: 3,
    padding: 0.08,
  };
}

/** The first `n` entries unless `all`, and how many are left out. */
export function firstEntries<T>(
  items: readonly T[],
  n: number,
  all: boolean,
): {
  shown: T[];
  hidden: number;
} {
  const shown = all ? [...items] : items.slice(0, n);
  return { shown, hidden: items.length - shown.length };
}

/**
 * Competitors of a white-space link as counts by institution type (§9.3: never names).
 * @example competitorTypesText({ large_state_bank: 6, rural_commercial_bank: 1 }, 'zh')
 * // → '（国有大型商业银行 6、农村商业银行 1）'
 */
export function competitorTypesText(
  byType: WhiteSpaceEntry['competitors']['byType'],
  lang: Lang,
): string {
  const list = LENDER_TYPES.flatMap((type) => {
    const n = byType[type];
    return n === undefined ? [] : [`${INSTITUTION_LABELS[type][lang]} ${formatCount(n, lang)}`];
  });
  return list.length === 0
    ? ''
    : translate(lang, 'coverage.ws.competitors.types', {
        list: list.join(lang === 'zh' ? '、' : ', '),
      });
}

export const TARGET_SORTS = ['gap', 'need', 'link', 'city', 'name'] as const;
export type TargetSort = (typeof TARGET_SORTS)[number];

/**
 * The target list in the chosen order, as a new array: amounts largest first (or smallest with
 * `asc`), names in zh-CN collation; ties by largest gap, then id.
 * @example sortTargets(rows, 'need', false) // the firm with the largest need first
 */
export function sortTargets(
  model: CoverageModel,
  rows: readonly TargetFirm[],
  key: TargetSort,
  asc: boolean,
  lang: Lang,
): TargetFirm[] {
  const { index } = model.analysis;
  const text = (r: TargetFirm): string => {
    if (key === 'link') return linkName(model, r.linkId, lang);
    if (key === 'city') {
      const c = index.cityById.get(r.cityId);
      return c ? nameOf(c, lang) : r.cityId;
    }
    return lang === 'zh' ? r.nameZh : r.nameEn;
  };
  // Descending by default (amounts largest first, names Z→A); `asc` turns it round.
  const primary = (a: TargetFirm, b: TargetFirm): number =>
    key === 'gap' || key === 'need'
      ? b[key] - a[key]
      : text(b).localeCompare(text(a), lang === 'zh' ? 'zh-CN' : 'en');
  return [...rows].sort(
    (a, b) =>
      (asc ? -1 : 1) * primary(a, b) ||
      b.gap - a.gap ||
      (a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0),
  );
}

/**
 * The target list as the PNG draws it: one unit for need and gap (from the largest need), product
 * names, flags in words; at most `max` rows.
 */
export function targetTableStrings(
  model: CoverageModel,
  rows: readonly TargetFirm[],
  lang: Lang,
  max = 25,
): { headers: string[]; rows: string[][] } {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const { index } = model.analysis;
  const money = columnFormatter(
    rows.map((r) => r.need),
    lang,
  );
  return {
    headers: [
      t('coverage.targets.col.firm'),
      t('coverage.targets.col.link'),
      t('coverage.targets.col.city'),
      t('coverage.targets.col.needIn', { unit: money.unit }),
      t('coverage.targets.col.gapIn', { unit: money.unit }),
      t('coverage.targets.col.products'),
      t('coverage.targets.col.flags'),
    ],
    rows: rows.slice(0, max).map((r) => {
      const c = index.cityById.get(r.cityId);
      return [
        lang === 'zh' ? r.nameZh : r.nameEn,
        linkName(model, r.linkId, lang),
        c ? nameOf(c, lang) : r.cityId,
        money.bare(r.need),
        money.bare(r.gap),
        r.products
          .map((code) => (lang === 'zh' ? productOf(code).nameZh : productOf(code).nameEn))
          .join(lang === 'zh' ? '、' : ', '),
        targetFlags(r, lang),
      ];
    }),
  };
}

/** 首贷 / 续贷 flags in words. */
export function targetFlags(r: Pick<TargetFirm, 'firstLoan' | 'renewal'>, lang: Lang): string {
  return [
    r.firstLoan ? translate(lang, 'coverage.targets.firstLoan') : null,
    r.renewal ? translate(lang, 'coverage.targets.renewal') : null,
  ]
    .filter((x): x is string => x !== null)
    .join(lang === 'zh' ? '、' : ', ');
}

/** The white-space links as the PNG draws them: link, gap (one unit), SMEs with a gap, fit, products. */
export function whiteSpaceTableStrings(
  model: CoverageModel,
  entries: readonly WhiteSpaceEntry[],
  lang: Lang,
): { headers: string[]; rows: string[][] } {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const money = columnFormatter(
    entries.map((e) => e.gap),
    lang,
  );
  return {
    headers: [
      t('coverage.targets.col.link'),
      t('coverage.targets.col.gapIn', { unit: money.unit }),
      t('coverage.ws.smes'),
      t('coverage.ws.fit'),
      t('coverage.ws.products'),
    ],
    rows: entries.map((e) => [
      linkName(model, e.linkId, lang),
      money.bare(e.gap),
      t('coverage.ws.smesValue', {
        withGap: formatCount(e.smesWithGap, lang),
        smes: formatCount(e.smes, lang),
      }),
      formatShare(e.fitShare, lang),
      e.fitProducts
        .map((code) => (lang === 'zh' ? productOf(code).nameZh : productOf(code).nameEn))
        .join(lang === 'zh' ? '、' : ', '),
    ]),
  };
}
