import { createContext } from 'svelte';
import { EMPTY_FILTERS, type Filters } from '../analysis/filters';
import type { Scenario } from '../analysis/scenarios';
import type { Lang } from '../i18n/format';
import type { Disclosure } from '../i18n/labels';
import { translate, type MessageKey } from '../i18n/messages';
import type { Overlay } from '../overlays/overlays';
import {
  decodeUrlState,
  DEFAULT_OVERLAY,
  encodeUrlState,
  type MapViewport,
  type Perspective,
  type RoundPair,
  type UrlNotice,
  type UrlState,
  type View,
} from './url-state';

/**
 * What the user has chosen. The only writers are its methods; the URL mirrors it (`url`), and
 * `restore()` brings it back from the URL on load and on back/forward.
 */
export class AppState {
  lang = $state<Lang>('zh');
  view = $state<View>('overview');
  chain = $state<string | null>(null);
  overlay = $state<Overlay>(DEFAULT_OVERLAY);
  filters = $state.raw<Filters>(EMPTY_FILTERS);
  link = $state<string | null>(null);
  enterprise = $state<string | null>(null);
  /** Last map viewport the user settled on; restored on reload. */
  map = $state.raw<MapViewport | null>(null);
  perspective = $state<Perspective>('gov');
  bank = $state<string | null>(null);
  meeting = $state<string | null>(null);
  scene = $state(1);
  names = $state(false);
  /** Two rounds compared, before → after (the Atlas shows the deltas); null = no comparison. */
  compare = $state.raw<RoundPair | null>(null);
  /** A what-if scenario laid over the data (情景模拟); null = the data as it is. */
  scenario = $state.raw<Scenario | null>(null);
  /** URL parameters that could not be used, shown once as a notice. */
  notices = $state.raw<UrlNotice[]>([]);
  /**
   * True when the latest change should replace the history entry instead of adding one (map pans,
   * corrections of invalid ids), so back/forward walk through the user's real steps.
   */
  replaceHistory = false;

  readonly urlState: UrlState = $derived({
    lang: this.lang,
    view: this.view,
    chain: this.chain,
    overlay: this.overlay,
    filters: this.filters,
    link: this.link,
    enterprise: this.enterprise,
    map: this.map,
    perspective: this.perspective,
    bank: this.bank,
    meeting: this.meeting,
    scene: this.scene,
    names: this.names,
    compare: this.compare,
    scenario: this.scenario,
  });
  /** What this perspective may name (domain.md §9.3); every view and export reads it. */
  readonly disclosure: Disclosure = $derived({
    perspective: this.perspective,
    myBankId: this.perspective === 'bank' ? this.bank : null,
  });
  /** The state as a query string; an effect pushes it into `history`. */
  readonly url = $derived(encodeUrlState(this.urlState));

  constructor(search = '') {
    this.restore(search);
  }

  restore(search: string): void {
    const { state, notices } = decodeUrlState(search);
    this.lang = state.lang;
    this.view = state.view;
    this.chain = state.chain;
    this.overlay = state.overlay;
    this.filters = state.filters;
    this.link = state.link;
    this.enterprise = state.enterprise;
    this.map = state.map;
    this.perspective = state.perspective;
    this.bank = state.bank;
    this.meeting = state.meeting;
    this.scene = state.scene;
    this.names = state.names;
    this.compare = state.compare;
    this.scenario = state.scenario;
    this.notices = notices;
  }

  private step(replace = false): void {
    this.replaceHistory = replace;
  }

  toggleLang(): void {
    this.step();
    this.lang = this.lang === 'zh' ? 'en' : 'zh';
  }

  showOverview(): void {
    this.step();
    this.view = 'overview';
  }

  /** Switches view, keeping chain, region and bank so the views tell one story. */
  showView(view: View): void {
    this.step();
    this.view = view;
  }

  /** Chooses the chain for the current view (the Atlas clears its per-chain filters and selection). */
  setChain(chainId: string): void {
    if (this.view === 'atlas') return this.openChain(chainId);
    this.step();
    // A link or enterprise belongs to one chain: the selection does not carry over.
    if (chainId !== this.chain) {
      this.link = null;
      this.enterprise = null;
    }
    this.chain = chainId;
  }

  setBank(bankId: string | null): void {
    this.step();
    this.bank = bankId;
  }

  /** Chooses whose eyes the app is for; a bank perspective keeps the bank already chosen. */
  setPerspective(perspective: Perspective): void {
    this.step();
    this.perspective = perspective;
  }

  setMeeting(meetingId: string | null): void {
    this.step();
    this.meeting = meetingId;
  }

  /** Presentation scene; scenes replace each other in history so back leaves the presentation. */
  setScene(scene: number): void {
    this.step(true);
    this.scene = Math.max(1, Math.round(scene));
  }

  toggleNames(): void {
    this.step(true);
    this.names = !this.names;
  }

  /** Opens a chain in the Atlas with a clean slate (filters and selection belong to a chain). */
  openChain(chainId: string): void {
    this.step();
    this.view = 'atlas';
    if (chainId !== this.chain) {
      this.chain = chainId;
      this.filters = EMPTY_FILTERS;
      this.link = null;
      this.enterprise = null;
    }
  }

  setOverlay(overlay: Overlay): void {
    this.step();
    this.overlay = overlay;
  }

  setFilter<K extends keyof Filters>(key: K, value: Filters[K]): void {
    this.step();
    this.filters = { ...this.filters, [key]: value };
  }

  /** Clears some filters in one step (e.g. those that hide a firm chosen in search). */
  dropFilters(keys: readonly (keyof Filters)[]): void {
    if (keys.length === 0) return;
    this.step();
    this.filters = { ...this.filters, ...Object.fromEntries(keys.map((k) => [k, null])) };
  }

  clearFilters(): void {
    this.step();
    this.filters = EMPTY_FILTERS;
  }

  /** Scopes the Atlas to a province (clears a city in another province). */
  scopeProvince(provinceZh: string | null): void {
    this.step();
    this.filters = { ...this.filters, province: provinceZh, city: null };
  }

  scopeCity(cityId: string | null, provinceZh: string | null): void {
    this.step();
    this.filters = {
      ...this.filters,
      city: cityId,
      province: cityId ? provinceZh : this.filters.province,
    };
  }

  /** Back to all of China. */
  clearRegion(): void {
    this.step();
    this.filters = { ...this.filters, province: null, city: null };
  }

  /** Selects (and expands) a link; the same link again collapses it. */
  selectLink(linkId: string | null): void {
    this.step();
    this.link = linkId === this.link ? null : linkId;
    this.enterprise = null;
  }

  selectEnterprise(enterpriseId: string | null): void {
    this.step();
    this.enterprise = enterpriseId;
  }

  /** Compares two rounds (before → after), or stops comparing (null). */
  setCompare(pair: RoundPair | null): void {
    this.step();
    this.compare = pair;
  }

  /** Opens the Atlas comparing two rounds (the navigation entry). */
  openCompare(pair: RoundPair): void {
    this.step();
    this.view = 'atlas';
    this.compare = pair;
  }

  /** Lays a scenario over the data, or removes it (null). Nothing is saved into the data. */
  setScenario(scenario: Scenario | null): void {
    this.step();
    this.scenario = scenario;
  }

  /** The map settled on a new viewport: remembered without a history step. */
  setMapView(v: MapViewport): void {
    this.step(true);
    this.map = v;
  }

  dismissNotices(): void {
    this.notices = [];
  }

  /** A UI string in the current language. */
  t = (key: MessageKey, vars?: Record<string, string | number>): string =>
    translate(this.lang, key, vars);
}

export const [getAppState, setAppState] = createContext<AppState>();
