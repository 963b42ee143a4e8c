import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDatasetIndex } from '../analysis/dataset-index';
import { DatasetSchema } from '../domain/schema';
import { diagramText, fontReady } from './fonts';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const index = buildDatasetIndex(demo);

describe('diagramText()', () => {
  it('holds every link name of the chain, in the language, and none of another chain', () => {
    const zh = diagramText(index, 'nev', 'zh');
    for (const name of ['负极材料', '整车制造', '正极材料', '电芯', '充换电设施']) {
      expect(zh).toContain(name);
    }
    const nev = demo.links.filter((l) => l.chainId === 'nev');
    expect(nev).toHaveLength(17);
    for (const link of nev) expect(zh).toContain(link.nameZh);
    // photovoltaics' 背板与接线盒 and 封装胶膜 are not NEV links
    expect(zh).not.toContain('背板与接线盒');
    expect(zh).not.toContain('封装胶膜');

    const en = diagramText(index, 'nev', 'en');
    expect(en).toContain('Anode materials');
    expect(en).toContain('Vehicle assembly');
    expect(en).not.toContain('负极材料');
  });

  it('adds the words every diagram writes: stages, badges, counts and figures', () => {
    const zh = diagramText(index, 'nev', 'zh');
    for (const word of [
      '上游',
      '中游',
      '下游',
      '卡脖子',
      '短板',
      '长板',
      '延链',
      '链主×',
      '家',
      '亿元',
    ]) {
      expect(zh).toContain(word);
    }
    const en = diagramText(index, 'nev', 'en');
    for (const word of ['Upstream', 'Choke point', 'Leaders×', 'firms', 'CNY']) {
      expect(en).toContain(word);
    }
  });

  it('is only the fixed words for a chain the dataset does not have', () => {
    const fixed = diagramText(index, 'nope', 'zh');
    expect(fixed).not.toContain('电芯');
    // the fixed words come first in every chain's text, then its link names
    const nev = diagramText(index, 'nev', 'zh');
    expect(nev.startsWith(fixed)).toBe(true);
    expect(nev.length).toBeGreaterThan(fixed.length);
  });
});

describe('fontReady()', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** The browser's font set, stubbed: `loaded` says which characters have their faces loaded. */
  function stubFonts(loaded: string) {
    const calls: string[] = [];
    const fonts = {
      check: (spec: string, text: string) => {
        calls.push(`${spec.startsWith('bold') ? 'bold' : 'regular'}:${text}`);
        return [...text].every((c) => loaded.includes(c));
      },
    };
    vi.stubGlobal('document', { fonts });
    return calls;
  }

  it('asks the browser only about characters not yet found loaded, in both weights', () => {
    const calls = stubFonts('电芯整车');
    // One element: one font family for all three calls.
    const el = {} as Element;
    vi.stubGlobal('getComputedStyle', () => ({ fontFamily: 'Test A' }));
    expect(fontReady(el, '电芯电芯')).toBe(true);
    expect(calls).toEqual(['regular:电芯', 'bold:电芯']);
    expect(fontReady(el, '芯电')).toBe(true);
    expect(calls).toHaveLength(2);
    expect(fontReady(el, '整车电芯')).toBe(true);
    expect(calls.slice(2)).toEqual(['regular:整车', 'bold:整车']);
  });

  it('does not remember characters whose faces are not loaded yet', () => {
    const calls = stubFonts('电');
    const el = {} as Element;
    vi.stubGlobal('getComputedStyle', () => ({ fontFamily: 'Test B' }));
    expect(fontReady(el, '电芯')).toBe(false);
    expect(fontReady(el, '电芯')).toBe(false);
    expect(calls).toEqual(['regular:电芯', 'regular:电芯']);
  });
});
