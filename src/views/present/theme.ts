/**
 * The presentation's high-contrast theme: light text on a near-black ground, for projectors in lit
 * rooms. Every text colour keeps a contrast ratio of at least 7:1 (WCAG AAA) on the ground and on
 * the panels; bars and marks at least 3:1 (WCAG non-text). theme.test.ts checks both.
 */
export const PRESENT_THEME = {
  ground: '#0b1220',
  panel: '#152033',
  line: '#3a4a63',
  ink: '#f5f8fc',
  soft: '#c9d4e2',
  gap: '#ffb95a',
  good: '#6ee7a0',
  bad: '#ff9d9d',
  coverage: '#7cc0ff',
  focus: '#ffd166',
  /** Funnel stages: pushed, contacted, approved, disbursed. */
  funnel: ['#8fa9c8', '#5aa9f0', '#4fd18b', '#2fb36f'],
  track: '#24324a',
} as const;

/** Text colours (checked at 7:1) and mark colours (checked at 3:1). */
export const TEXT_COLORS = ['ink', 'soft', 'gap', 'good', 'bad', 'focus'] as const;

/** The theme as CSS custom properties for `style:` bindings. */
export function themeStyle(): string {
  const t = PRESENT_THEME;
  return [
    `--p-ground:${t.ground}`,
    `--p-panel:${t.panel}`,
    `--p-line:${t.line}`,
    `--p-ink:${t.ink}`,
    `--p-soft:${t.soft}`,
    `--p-gap:${t.gap}`,
    `--p-good:${t.good}`,
    `--p-bad:${t.bad}`,
    `--p-coverage:${t.coverage}`,
    `--p-focus:${t.focus}`,
    `--p-track:${t.track}`,
    `--funnel-ink:${t.ink}`,
    `--funnel-soft:${t.soft}`,
    `--funnel-track:${t.track}`,
    `--funnel-declined:${t.bad}`,
    ...t.funnel.map((c, i) => `--funnel-${i}:${c}`),
  ].join(';');
}

/** sRGB relative luminance of a #rrggbb colour (WCAG 2.x). */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`invalid colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h ?? '0', 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * WCAG contrast ratio of two colours, 1–21.
 * @example contrastRatio('#000000', '#ffffff') // 21
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
