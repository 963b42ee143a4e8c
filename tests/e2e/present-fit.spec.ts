import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { DatasetSchema } from '../../src/domain/schema';
import { expect, test } from './fixtures';

/**
 * Issue 11, item 8: at 1920 × 1080 no text of any presentation scene is cut, in either language,
 * with enterprise names shown or hidden: no element's content is wider than its box.
 */
const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const meeting = demo.meetings.find((m) => m.chainIds.includes('nev'))!;

/** Elements of the presentation whose content is wider than their box (1 px of rounding allowed). */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="view-present"]') ?? document.body;
    const out: string[] = [];
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (!(el instanceof HTMLElement) || el.clientWidth === 0) continue;
      // The map's canvas and its controls are drawn by maplibre, not text.
      if (el.closest('.maplibregl-map')) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        const id = el.dataset['testid'] ?? el.className ?? el.tagName;
        out.push(
          `${el.tagName}.${String(id)} ${el.scrollWidth}>${el.clientWidth}: ${(el.textContent ?? '').slice(0, 60)}`,
        );
      }
    }
    return out;
  });
}

test.use({ viewport: { width: 1920, height: 1080 } });

for (const lang of ['zh', 'en'] as const) {
  for (const names of [false, true]) {
    test(`every scene fits at 1920 × 1080 — ${lang}, names ${names ? 'shown' : 'hidden'}`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const problems: string[] = [];
      for (let scene = 1; scene <= 6; scene++) {
        await page.goto(
          `./?view=present&meeting=${meeting.id}&scene=${scene}${lang === 'en' ? '&lang=en' : ''}${names ? '&names=1' : ''}`,
        );
        const view = page.getByTestId('view-present');
        await expect(view).toBeVisible();
        await expect(page.getByTestId('scene')).toHaveAttribute('data-scene-ready', 'true', {
          timeout: 30_000,
        });
        for (const p of await clipped(page)) problems.push(`scene ${scene}: ${p}`);
      }
      expect(problems).toEqual([]);
    });
  }
}
