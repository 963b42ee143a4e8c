import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, PRESENT_THEME, TEXT_COLORS, themeStyle } from './theme';

describe('contrastRatio()', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0b1220', '#0b1220')).toBe(1);
  });

  it('gives 4.5:1 for #767676 on white (the AA grey)', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('rejects a colour that is not #rrggbb', () => {
    expect(() => luminance('red')).toThrow('invalid colour: red');
  });
});

describe('PRESENT_THEME', () => {
  const t = PRESENT_THEME;
  it.each(TEXT_COLORS)('text colour %s reaches 7:1 on the ground and on panels', (name) => {
    expect(contrastRatio(t[name], t.ground)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(t[name], t.panel)).toBeGreaterThanOrEqual(7);
  });

  it('draws bars and funnel stages at 3:1 or more against the ground and the bar track', () => {
    for (const c of [t.coverage, t.gap, ...t.funnel]) {
      expect(contrastRatio(c, t.ground)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(c, t.track)).toBeGreaterThanOrEqual(3);
    }
  });

  it('is exposed as CSS custom properties', () => {
    expect(themeStyle()).toContain('--p-ground:#0b1220');
    expect(themeStyle()).toContain('--funnel-3:#2fb36f');
  });
});
