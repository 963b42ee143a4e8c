/**
 * The words the chain diagram writes besides link names and figures: stage headers, badges and
 * the leaders' count. Their own small module: the diagram's elements draw them, and the page's
 * first chunk preloads the font faces for them (fonts.ts) without loading the diagram's code.
 */
import type { Stage } from '../domain/schema';
import type { Lang } from '../i18n/format';

export const STAGE_TEXT: Record<Stage, Record<Lang, string>> = {
  upstream: { zh: '上游', en: 'Upstream' },
  midstream: { zh: '中游', en: 'Midstream' },
  downstream: { zh: '下游', en: 'Downstream' },
};

export const BADGE_TEXT: Record<
  'choke' | 'weak' | 'advantage' | 'extension',
  Record<Lang, string>
> = {
  choke: { zh: '卡脖子', en: 'Choke point' },
  weak: { zh: '短板', en: 'Weak link' },
  advantage: { zh: '长板', en: 'Advantage' },
  extension: { zh: '延链', en: 'Extension' },
};

/** Before the number of chain leaders in a link's badge: 链主×2, Leaders×2. */
export const LEADERS_TEXT: Record<Lang, string> = { zh: '链主×', en: 'Leaders×' };
