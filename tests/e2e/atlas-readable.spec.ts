/**
 * Issue 10: the Atlas read at a glance, measured in the running app at the two screens people use
 * (a 1366 × 768 office laptop, a 1920 × 1080 meeting projector), in both languages:
 * - every link label's rendered size (cytoscape font size × zoom), for all eight chains;
 * - the canvases' share of the window; the map fitted to the chain's firms;
 * - a click on Jiangsu moves the map to Jiangsu and scopes to it;
 * - maximise and restore work for both canvases (nothing lies over the restore button);
 * - a search result hidden by a filter is shown the same way by panel, graph and map;
 * - the presentation's chain scene at projector size.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { analyzeDataset } from '../../src/analysis/analyze';
import { buildChainContext, EMPTY_FILTERS, filterEnterprises } from '../../src/analysis/filters';
import { DatasetSchema } from '../../src/domain/schema';
import { expect, test } from './fixtures';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const analysis = analyzeDataset(demo);
const CHAINS = demo.chains.map((c) => c.id);

// Each screen also runs the map, layout and search tests in one of the two languages (the label
// test runs both languages at both sizes).
const SCREENS = [
  { width: 1366, height: 768, minLabelPx: 12, lang: 'zh' },
  { width: 1920, height: 1080, minLabelPx: 14, lang: 'en' },
] as const;

test.use({ reducedMotion: 'reduce' });

async function waitDrawn(page: Page) {
  await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

/** The provinces whose scope outline is drawn on the map (sorted, each once). */
function scopeOutline(map: import('@playwright/test').Locator): Promise<string[]> {
  return map.evaluate((el) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    const drawn = m.queryRenderedFeatures({ layers: ['province-scope'] });
    return [...new Set(drawn.map((f) => String(f.properties['provinceZh'])))].sort();
  });
}

/** The rendered font size of the badges (卡脖子, 链主×2 …) and the stage headers (上游 …). */
function measureWords(page: Page) {
  return page.getByTestId('chain-graph').evaluate((el) => {
    const cy = (el as unknown as { chainAtlasCy: import('cytoscape').Core }).chainAtlasCy;
    return cy.nodes('.badge, .stage').map((n) => ({
      id: n.id(),
      px: Number.parseFloat(String(n.style('font-size'))) * cy.zoom(),
    }));
  });
}

/**
 * Every link card's rendered font size, and its text measured by the browser (canvas measureText
 * in the card's font, line by line) against the card's size.
 */
function measureCards(page: Page) {
  return page.getByTestId('chain-graph').evaluate((el) => {
    const cy = (el as unknown as { chainAtlasCy: import('cytoscape').Core }).chainAtlasCy;
    const ctx = document.createElement('canvas').getContext('2d')!;
    return cy.nodes('.link').map((n) => {
      const font = Number.parseFloat(String(n.style('font-size')));
      const weight = String(n.style('font-weight'));
      ctx.font = `${weight} ${font}px ${String(n.style('font-family'))}`;
      const lines = String(n.data('label')).split('\n');
      return {
        id: n.id(),
        px: font * cy.zoom(),
        labelWidth: Math.max(...lines.map((line) => ctx.measureText(line).width)),
        cardWidth: n.width(),
        labelHeight: lines.length * font * 1.25,
        cardHeight: n.height(),
      };
    });
  });
}

for (const screen of SCREENS) {
  for (const lang of ['zh', 'en'] as const) {
    test(`every link label of all eight chains renders at ≥ ${screen.minLabelPx} px at ${screen.width}×${screen.height} (${lang})`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.goto(`./?view=atlas&chain=${CHAINS[0]}&lang=${lang}`);
      for (const chainId of CHAINS) {
        if (chainId !== CHAINS[0]) {
          await page.getByTestId('chain-select').selectOption(chainId);
        }
        await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-ready', 'true');
        const cards = await measureCards(page);
        const chain = demo.chains.find((c) => c.id === chainId)!;
        expect(cards.map((c) => c.id).sort()).toEqual([...chain.linkIds].sort());
        const words = await measureWords(page);
        expect(words.some((w) => w.id.startsWith('stage:'))).toBe(true);
        for (const w of words) {
          expect(w.px, `${chainId} ${w.id} px`).toBeGreaterThanOrEqual(screen.minLabelPx);
        }
        for (const card of cards) {
          expect(card.px, `${chainId} ${card.id} label px`).toBeGreaterThanOrEqual(
            screen.minLabelPx,
          );
          // The text fits its card: nothing spills over the edge into the edges or a neighbour.
          expect(card.labelWidth, `${chainId} ${card.id} label width`).toBeLessThanOrEqual(
            card.cardWidth,
          );
          expect(card.labelHeight, `${chainId} ${card.id} label height`).toBeLessThanOrEqual(
            card.cardHeight,
          );
        }
      }
    });
  }

  test(`the canvases have the room and the map is fitted to each of the eight chains at ${screen.width}×${screen.height} (${screen.lang})`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await page.goto(`./?view=atlas&chain=${CHAINS[0]}&lang=${screen.lang}`);
    await waitDrawn(page);
    const area = await page.evaluate(() => {
      const box = (id: string) =>
        document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
      const g = box('graph-body');
      const m = box('map-body');
      return (g.width * g.height + m.width * m.height) / (innerWidth * innerHeight);
    });
    if (screen.width < 1600) {
      // On a laptop the graph and the map take at least 70 % of the window; the legend starts folded.
      expect(area).toBeGreaterThanOrEqual(0.7);
      await expect(page.getByTestId('legend')).not.toHaveAttribute('open');
    } else {
      // On a large screen the filters, the canvases and the panel are all visible.
      await expect(page.getByTestId('filters')).toBeVisible();
      await expect(page.getByTestId('side-panel')).toBeVisible();
      expect((await page.getByTestId('side-panel').boundingBox())!.width).toBeGreaterThan(300);
    }

    // The map opens on the chain's firms: every city with a firm of the chain is inside the
    // panel, and their extent fills at least 70 % of its width or height.
    for (const chainId of CHAINS) {
      if (chainId !== CHAINS[0]) {
        await page.getByTestId('chain-select').selectOption(chainId);
      }
      // The map has moved to this chain (the camera's key) and drawn it.
      await expect(page.getByTestId('map')).toHaveAttribute('data-camera', `chain:${chainId}`);
      await waitDrawn(page);
      const cities = [
        ...new Set(buildChainContext(analysis, chainId).enterprises.map((e) => e.cityId)),
      ].map((id) => analysis.index.cityById.get(id)!);
      // The national view shows the South China Sea islands in an inset (with the islands drawn).
      await expect(page.getByTestId('south-sea-inset')).toBeVisible();
      // Hainan's 18 rings: the island itself, the Xisha and the Nansha Islands.
      const rings = await page
        .getByTestId('south-sea-inset')
        .locator('path')
        .evaluateAll((paths) =>
          paths.reduce((n, p) => n + (p.getAttribute('d')?.match(/M/g)?.length ?? 0), 0),
        );
      expect(rings).toBeGreaterThanOrEqual(18);
      const fit = await page.getByTestId('map').evaluate(
        (el, points) => {
          const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
          const xy = points.map((p) => m.project([p.lon, p.lat]));
          const xs = xy.map((p) => p.x);
          const ys = xy.map((p) => p.y);
          // Neither the legend nor the inset lies over a city with firms.
          const frame = el.getBoundingClientRect();
          const covers = ['legend', 'south-sea-inset'].flatMap((id) => {
            const r = document.querySelector(`[data-testid="${id}"]`)?.getBoundingClientRect();
            return r ? [{ id, r }] : [];
          });
          const covered = xy.flatMap((p, i) =>
            covers
              .filter(
                ({ r }) =>
                  p.x + frame.left >= r.left &&
                  p.x + frame.left <= r.right &&
                  p.y + frame.top >= r.top &&
                  p.y + frame.top <= r.bottom,
              )
              .map(({ id }) => `city ${i} under the ${id}`),
          );
          return {
            width: el.clientWidth,
            height: el.clientHeight,
            minX: Math.min(...xs),
            maxX: Math.max(...xs),
            minY: Math.min(...ys),
            maxY: Math.max(...ys),
            covered,
          };
        },
        cities.map((c) => ({ lon: c.lon, lat: c.lat })),
      );
      expect(fit.covered, chainId).toEqual([]);
      expect(fit.minX, chainId).toBeGreaterThanOrEqual(0);
      expect(fit.minY, chainId).toBeGreaterThanOrEqual(0);
      expect(fit.maxX, chainId).toBeLessThanOrEqual(fit.width);
      expect(fit.maxY, chainId).toBeLessThanOrEqual(fit.height);
      const share = Math.max((fit.maxX - fit.minX) / fit.width, (fit.maxY - fit.minY) / fit.height);
      expect(share, chainId).toBeGreaterThanOrEqual(0.7);
    }
  });

  test(`a click on Jiangsu moves the map to Jiangsu at ${screen.width}×${screen.height} (${screen.lang})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: screen.width, height: screen.height });
    await page.goto(`./?view=atlas&chain=nev&lang=${screen.lang}`);
    await waitDrawn(page);
    const map = page.getByTestId('map');
    const startZoom = await map.evaluate((el) =>
      (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap.getZoom(),
    );
    // A point of Jiangsu's polygon under which no city bubble lies: the province is what is hit.
    const target = await map.evaluate((el) => {
      const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
      // Central Jiangsu (Huai'an, Yancheng), far from its borders with Anhui and Shandong.
      for (let lon = 119.0; lon <= 120.2; lon += 0.2) {
        for (let lat = 32.8; lat <= 33.8; lat += 0.2) {
          const p = m.project([lon, lat]);
          const box: [[number, number], [number, number]] = [
            [p.x - 8, p.y - 8],
            [p.x + 8, p.y + 8],
          ];
          const marks = m.queryRenderedFeatures(box, {
            layers: ['city-bubbles', 'enterprise-circles'],
          });
          const province = m.queryRenderedFeatures([p.x, p.y], {
            layers: ['province-choropleth'],
          })[0];
          if (marks.length === 0 && province?.properties['provinceZh'] === '江苏') {
            return { x: p.x, y: p.y };
          }
        }
      }
      return null;
    });
    expect(target, 'a free point inside Jiangsu').not.toBeNull();
    expect(await scopeOutline(map), 'no scope outline before a province is chosen').toEqual([]);
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + target!.x, box.y + target!.y);
    await expect(page).toHaveURL(/prov=%E6%B1%9F%E8%8B%8F|prov=江苏/);
    await expect(page.getByTestId('region')).toContainText(/江苏|Jiangsu/);
    await waitDrawn(page);

    // Jiangsu's extent from the basemap file (its mainland polygons), projected into the panel.
    const jiangsu = await map.evaluate(async (el) => {
      const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
      const geo = (await (await fetch('basemap/china-provinces.geojson')).json()) as {
        features: {
          properties: { provinceZh: string };
          geometry: { type: string; coordinates: number[][][][] | number[][][] };
        }[];
      };
      const f = geo.features.find((x) => x.properties.provinceZh === '江苏')!;
      const polygons = (
        f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
      ) as number[][][][];
      const pts = polygons.flatMap((poly) => poly[0]!).map(([lon, lat]) => m.project([lon!, lat!]));
      const xs = pts.map((p) => p.x);
      const ys = pts.map((p) => p.y);
      return {
        width: el.clientWidth,
        height: el.clientHeight,
        minX: Math.min(...xs),
        maxX: Math.max(...xs),
        minY: Math.min(...ys),
        maxY: Math.max(...ys),
      };
    });
    // The map shows all of Jiangsu, large: ≥ 50 % of the panel's width or height.
    expect(jiangsu.minX).toBeGreaterThanOrEqual(-1);
    expect(jiangsu.minY).toBeGreaterThanOrEqual(-1);
    expect(jiangsu.maxX).toBeLessThanOrEqual(jiangsu.width + 1);
    expect(jiangsu.maxY).toBeLessThanOrEqual(jiangsu.height + 1);
    expect(
      Math.max(
        (jiangsu.maxX - jiangsu.minX) / jiangsu.width,
        (jiangsu.maxY - jiangsu.minY) / jiangsu.height,
      ),
    ).toBeGreaterThanOrEqual(0.5);
    // The scope outline (a layer filter) draws Jiangsu's border and no other province's.
    expect(await scopeOutline(map)).toEqual(['江苏']);

    // 全国 brings the chain's view back, without a scope outline.
    await page.getByTestId('region-reset').click();
    await expect(page).not.toHaveURL(/prov=/);
    await waitDrawn(page);
    const back = await map.evaluate((el) =>
      (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap.getZoom(),
    );
    expect(back).toBeCloseTo(startZoom, 1);
    expect(await scopeOutline(map)).toEqual([]);
  });

  for (const pane of ['graph', 'map'] as const) {
    test(`the ${pane} maximises and restores at ${screen.width}×${screen.height} (${screen.lang})`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.goto(`./?view=atlas&chain=nev&lang=${screen.lang}`);
      await waitDrawn(page);
      const button = page.getByTestId(`${pane}-max`);
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      const other = pane === 'graph' ? 'map-body' : 'graph-body';
      await expect(page.getByTestId(other)).toBeHidden();
      // The restore button is the element under its own centre: nothing lies over it.
      const onTop = await button.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return hit === el || el.contains(hit);
      });
      expect(onTop).toBe(true);
      const body = page.getByTestId(`${pane}-body`);
      const big = (await body.boundingBox())!;
      expect(big.width * big.height).toBeGreaterThan(screen.width * screen.height * 0.5);
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'false');
      await expect(page.getByTestId(other)).toBeVisible();
      await waitDrawn(page);
    });
  }
}

test('a search result hidden by a filter: the filter is cleared with a notice, and panel, graph and map show the firm', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const nev = buildChainContext(analysis, 'nev');
  const fill = new Set(filterEnterprises(nev, { ...EMPTY_FILTERS, role: 'fill' }).map((e) => e.id));
  // A separator maker that the 补链 filter hides.
  const firm = nev.enterprises.find((e) => e.primaryLinkId === 'nev.separator' && !fill.has(e.id))!;
  expect(firm).toBeDefined();
  await page.goto('./?view=atlas&chain=nev&role=fill');
  await waitDrawn(page);
  await expect(page.getByTestId('filter-chips')).toContainText('补链');

  await page.getByTestId('search').fill(firm.nameZh);
  await page.getByTestId('search').press('Enter');

  await expect(page.getByTestId('filters-cleared')).toContainText('链上角色');
  await expect(page.getByTestId('filters-cleared')).toContainText('补链');
  await expect(page).not.toHaveURL(/role=/);
  await expect(page.getByTestId('enterprise-panel')).toHaveAttribute('data-enterprise', firm.id);
  await waitDrawn(page);
  const highlighted =
    (await page.getByTestId('chain-graph').getAttribute('data-highlighted')) ?? '';
  expect(highlighted.split(' ')).toContain('nev.separator');
  const onMap = await page.getByTestId('map').evaluate((el, id) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    const f = m
      .queryRenderedFeatures({ layers: ['enterprise-circles'] })
      .find((x) => x.properties['id'] === id);
    if (!f) return null;
    const [lon, lat] = (f.geometry as { coordinates: [number, number] }).coordinates;
    const p = m.project([lon, lat]);
    const state = f.state as { shown?: boolean; selected?: boolean };
    return {
      inside: p.x >= 0 && p.y >= 0 && p.x <= el.clientWidth && p.y <= el.clientHeight,
      shown: state.shown !== false,
      selected: state.selected === true,
    };
  }, firm.id);
  expect(onMap).toEqual({ inside: true, shown: true, selected: true });
});

for (const lang of ['zh', 'en'] as const) {
  test(`the presentation draws the chain at ≥ 20 px at 1920×1080 (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`./?view=present&meeting=m-nev-ningde&scene=1&lang=${lang}`);
    await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-ready', 'true');
    const cards = await measureCards(page);
    expect(cards.length).toBe(17);
    for (const card of cards) {
      expect(card.px, card.id).toBeGreaterThanOrEqual(20);
      expect(card.labelWidth, `${card.id} label width`).toBeLessThanOrEqual(card.cardWidth);
    }
  });
}

test('the presentation map labels render at ≥ 18 px at 1920×1080', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./?view=present&meeting=m-nev-ningde&scene=2');
  const map = page.getByTestId('map');
  await expect(map).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(map).toHaveAttribute('data-labels', 'placed');
  const sizes = await map.evaluate((el) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    const layers = [
      'city-labels',
      'city-counts',
      'province-labels',
      'province-labels-priority',
      'sea-labels',
    ];
    return m.queryRenderedFeatures({ layers }).map((f) => ({
      layer: f.layer.id,
      name: String(
        f.properties['label'] ?? f.properties['provinceZh'] ?? f.properties['nameZh'] ?? '',
      ),
      px: Number((f.layer.layout as Record<string, unknown> | undefined)?.['text-size']),
    }));
  });
  expect(sizes.filter((s) => s.layer === 'city-labels').length).toBeGreaterThan(5);
  for (const s of sizes) expect(s.px, `${s.layer} ${s.name}`).toBeGreaterThanOrEqual(18);
});
