import { createContext } from 'svelte';
import type { Lang } from '../i18n/format';
import { translate, type MessageKey } from '../i18n/messages';
import {
  decodeUrlState,
  encodeUrlState,
  type UrlNotice,
  type UrlState,
  type View,
} from './url-state';

/**
 * What the user has chosen. The only writers are its methods; the URL mirrors it (see `url`), and
 * `restore()` brings it back from the URL on load and on back/forward.
 */
export class AppState {
  lang = $state<Lang>('zh');
  view = $state<View>('overview');
  chain = $state<string | null>(null);
  /** URL parameters that could not be used, shown once as a notice. */
  notices = $state.raw<UrlNotice[]>([]);

  /** The state as a query string; an effect pushes it into `history`. */
  readonly url = $derived(encodeUrlState({ lang: this.lang, view: this.view, chain: this.chain }));

  constructor(search = '') {
    this.restore(search);
  }

  restore(search: string): void {
    const { state, notices } = decodeUrlState(search);
    this.apply(state);
    this.notices = notices;
  }

  private apply(s: UrlState): void {
    this.lang = s.lang;
    this.view = s.view;
    this.chain = s.chain;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  toggleLang(): void {
    this.lang = this.lang === 'zh' ? 'en' : 'zh';
  }

  dismissNotices(): void {
    this.notices = [];
  }

  /** A UI string in the current language. */
  t = (key: MessageKey, vars?: Record<string, string | number>): string =>
    translate(this.lang, key, vars);
}

export const [getAppState, setAppState] = createContext<AppState>();
