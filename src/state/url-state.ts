/**
 * The query string is the app's shareable state. Decoding is the edge where untrusted text enters:
 * each parameter is parsed on its own, and a malformed one falls back to its default with a notice
 * instead of breaking the page.
 */
import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/format';

export const VIEWS = ['overview'] as const;
export type View = (typeof VIEWS)[number];

export interface UrlState {
  lang: Lang;
  view: View;
  /** Chain id; validated against the dataset by the views, not here. */
  chain: string | null;
}

export const DEFAULT_URL_STATE: UrlState = { lang: 'zh', view: 'overview', chain: null };

/** A parameter that could not be used, for the notice bar. */
export interface UrlNotice {
  param: string;
  value: string;
}

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const FIELDS = {
  lang: z.enum(LANGS as [Lang, ...Lang[]]),
  view: z.enum(VIEWS),
  chain: z.string().regex(ID),
} as const;

/**
 * @example decodeUrlState('?lang=en&view=oops') // { state: { lang: 'en', view: 'overview', … },
 *   notices: [{ param: 'view', value: 'oops' }] }
 */
export function decodeUrlState(search: string): { state: UrlState; notices: UrlNotice[] } {
  const params = new URLSearchParams(search);
  const state: UrlState = { ...DEFAULT_URL_STATE };
  const notices: UrlNotice[] = [];
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = FIELDS[key].safeParse(raw);
    if (!parsed.success) {
      notices.push({ param: key, value: raw });
      continue;
    }
    if (key === 'lang') state.lang = parsed.data as Lang;
    else if (key === 'view') state.view = parsed.data as View;
    else state.chain = parsed.data;
  }
  return { state, notices };
}

/** The query string for a state, defaults omitted, keys in a fixed order. */
export function encodeUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.lang !== DEFAULT_URL_STATE.lang) params.set('lang', state.lang);
  if (state.view !== DEFAULT_URL_STATE.view) params.set('view', state.view);
  if (state.chain) params.set('chain', state.chain);
  const s = params.toString();
  return s ? `?${s}` : '';
}
