import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { analyzeDataset } from '../../src/analysis/analyze';
import { flowsForLink } from '../../src/analysis/atlas';
import { buildChainContext, EMPTY_FILTERS, filterEnterprises } from '../../src/analysis/filters';
import { DatasetSchema } from '../../src/domain/schema';
import { routeEditedDemo } from './demo-route';
import { expect, test } from './fixtures';

const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
const analysis = analyzeDataset(demo);
const nev = buildChainContext(analysis, 'nev');

// A large screen: the filters and the detail panel are open beside the canvases (at 1366 they
// fold; atlas-readable.spec.ts covers the laptop layout).
test.use({ viewport: { width: 1680, height: 1050 } });

/** Both views drawn for the current state (they clear data-ready while redrawing). */
async function waitDrawn(page: Page) {
  await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

/** Clicks a link node where cytoscape drew it. */
async function clickGraphNode(page: Page, id: string) {
  const graph = page.getByTestId('chain-graph');
  const pos = await graph.evaluate((el, nodeId) => {
    const cy = (el as unknown as { chainAtlasCy: import('cytoscape').Core }).chainAtlasCy;
    return cy.getElementById(nodeId).renderedPosition();
  }, id);
  const box = (await graph.boundingBox())!;
  await page.mouse.click(box.x + pos.x, box.y + pos.y);
}

test('a user opens NEV, clicks a link and sees the same count in the panel, on the map and in the analysis', async ({
  page,
}) => {
  await page.goto('./');
  await page.locator('tr[data-chain="nev"] button.open').click();
  await expect(page).toHaveURL(/view=atlas&chain=nev/);
  await waitDrawn(page);

  await clickGraphNode(page, 'nev.cell');
  await expect(page).toHaveURL(/link=nev\.cell/);
  await waitDrawn(page);
  const expected = nev.enterprises.filter((e) => e.linkIds.includes('nev.cell')).length;
  expect(expected).toBeGreaterThan(10);
  await expect(page.getByTestId('link-enterprise-count')).toHaveText(String(expected));
  await expect(page.getByTestId('map')).toHaveAttribute('data-highlighted-count', String(expected));
  await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-selected', 'nev.cell');

  // The link's supply flows are drawn, and only those: one line per city pair and direction.
  const lines = flowsForLink(analysis.index, nev.enterprises, 'nev.cell').length;
  expect(lines).toBeGreaterThan(3);
  await expect(page.getByTestId('map')).toHaveAttribute('data-flow-lines', String(lines));
  const drawn = await page.getByTestId('map').evaluate((el) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    const shown = m
      .queryRenderedFeatures({ layers: ['flows-in', 'flows-out'] })
      .filter((f) => (f.state as { shown?: boolean }).shown === true);
    return {
      ids: new Set(shown.map((f) => f.id)).size,
      links: [...new Set(shown.map((f) => String(f.properties['linkId'])))],
    };
  });
  expect(drawn).toEqual({ ids: lines, links: ['nev.cell'] });
});

test('clicking an enterprise on the map highlights its link, suppliers and buyers in the graph', async ({
  page,
}) => {
  // A cell maker that sells to buyers downstream: its neighbourhood spans several links.
  const target = nev.enterprises.find(
    (e) =>
      e.primaryLinkId === 'nev.cell' &&
      !e.isChainLeader &&
      (analysis.index.edgesBySupplier.get(e.id)?.length ?? 0) > 0,
  )!;
  const city = analysis.index.cityById.get(target.cityId)!;
  await page.goto(`./?view=atlas&chain=nev&map=${city.lon},${city.lat},10`);
  await waitDrawn(page);

  const map = page.getByTestId('map');
  const point = await map.evaluate((el, id) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    const f = m
      .queryRenderedFeatures()
      .find((x) => x.properties?.['id'] === id && x.geometry.type === 'Point');
    if (!f || f.geometry.type !== 'Point') return null;
    const [lon, lat] = f.geometry.coordinates as [number, number];
    return m.project([lon, lat]);
  }, target.id);
  expect(point, `enterprise ${target.id} drawn on the map`).not.toBeNull();
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + point!.x, box.y + point!.y);

  await expect(page.getByTestId('enterprise-panel')).toHaveAttribute('data-enterprise', target.id);
  await waitDrawn(page);
  const highlighted =
    (await page.getByTestId('chain-graph').getAttribute('data-highlighted')) ?? '';
  expect(highlighted.split(' ')).toContain('nev.cell');
  const buyerLinks = (analysis.index.edgesBySupplier.get(target.id) ?? []).map((e) => e.toLinkId);
  for (const l of buyerLinks) expect(highlighted.split(' ')).toContain(l);
});

test('two filters change the counts exactly as the analysis says, and the URL restores the view', async ({
  page,
  context,
}) => {
  await page.goto('./?view=atlas&chain=nev');
  await waitDrawn(page);
  await page.locator('select[data-facet="province"]').selectOption('江苏');
  await page.locator('select[data-facet="role"]').selectOption('stabilize');
  await waitDrawn(page);

  const want = filterEnterprises(nev, { ...EMPTY_FILTERS, province: '江苏', role: 'stabilize' });
  expect(want.length).toBeGreaterThan(0);
  expect(want.length).toBeLessThan(nev.enterprises.length);
  await expect(page.getByTestId('shown-count')).toContainText(`显示 ${want.length} /`);

  await page.getByTestId('overlay-select').locator('[data-overlay="role"]').click();
  await clickGraphNode(page, 'nev.pack');
  await expect(page).toHaveURL(/link=nev\.pack/);
  const url = page.url();

  // The same link in a new page gives the same view.
  const other = await context.newPage();
  await other.goto(url);
  await waitDrawn(other);
  await expect(other.locator('select[data-facet="province"]')).toHaveValue('江苏');
  await expect(other.locator('select[data-facet="role"]')).toHaveValue('stabilize');
  await expect(
    other.getByTestId('overlay-select').locator('[data-overlay="role"]'),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(other.getByTestId('link-panel')).toHaveAttribute('data-link', 'nev.pack');
  await expect(other.getByTestId('shown-count')).toContainText(`显示 ${want.length} /`);

  // Back walks through the user's steps: before the link was selected.
  await page.goBack();
  await expect(page.getByTestId('link-panel')).toHaveCount(0);
  await page.goForward();
  await expect(page.getByTestId('link-panel')).toHaveAttribute('data-link', 'nev.pack');
});

test('a filter hides marks in place: filtered-out firms vanish, the others keep their position, labels follow', async ({
  page,
}) => {
  // Zoomed in on Changzhou, where the rings of several links' firms are drawn one by one.
  const changzhou = analysis.index.cityById.get('changzhou')!;
  await page.goto(`./?view=atlas&chain=nev&map=${changzhou.lon},${changzhou.lat},10`);
  await waitDrawn(page);
  const map = page.getByTestId('map');
  type Mark = { id: string; x: number; y: number; shown: boolean };
  const marks = () =>
    map.evaluate((el) => {
      const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
      return m.queryRenderedFeatures({ layers: ['enterprise-circles'] }).map((f) => {
        const [lon, lat] = (f.geometry as { coordinates: [number, number] }).coordinates;
        const p = m.project([lon, lat]);
        return {
          id: String(f.properties['id']),
          x: Math.round(p.x),
          y: Math.round(p.y),
          shown: (f.state as { shown?: boolean }).shown !== false,
        };
      });
    }) as Promise<Mark[]>;
  const before = new Map((await marks()).map((m) => [m.id, m]));
  const inCity = nev.enterprises.filter((e) => e.cityId === 'changzhou');
  expect(inCity.length).toBeGreaterThan(5);
  for (const e of inCity) expect(before.get(e.id)?.shown, e.id).toBe(true);

  await page.locator('select[data-facet="role"]').selectOption('stabilize');
  await waitDrawn(page);
  const keep = new Set(
    filterEnterprises(nev, { ...EMPTY_FILTERS, role: 'stabilize' }).map((e) => e.id),
  );
  const after = new Map((await marks()).map((m) => [m.id, m]));
  const kept = inCity.filter((e) => keep.has(e.id));
  const dropped = inCity.filter((e) => !keep.has(e.id));
  expect(kept.length).toBeGreaterThan(0);
  expect(dropped.length).toBeGreaterThan(0);
  for (const e of kept) {
    // same place on the screen as before the filter
    expect(after.get(e.id), e.id).toEqual({ ...before.get(e.id), shown: true });
  }
  for (const e of dropped) expect(after.get(e.id)?.shown, e.id).toBe(false);

  // A click where a hidden firm is drawn selects nothing.
  const hidden = after.get(dropped[0]!.id)!;
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + hidden.x, box.y + hidden.y);
  await expect(page).not.toHaveURL(new RegExp(`ent=${dropped[0]!.id}`));
  // (The click fell through to the province under it, which it scoped: back to all of China.)
  if (page.url().includes('prov=')) await page.getByTestId('region-reset').click();
  await expect(page).not.toHaveURL(/prov=/);
  await waitDrawn(page);

  // Cities outside the chosen province lose their label once the labels are placed again.
  await page.evaluate(() => {
    const m = (
      document.querySelector('[data-testid="map"]') as unknown as {
        chainAtlasMap: import('maplibre-gl').Map;
      }
    ).chainAtlasMap;
    m.jumpTo({ center: [119.5, 32.5], zoom: 5 });
  });
  await waitDrawn(page);
  const labelledBefore = await map.evaluate((el) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    return m
      .queryRenderedFeatures({ layers: ['city-labels'] })
      .map((f) => String(f.properties['cityId']));
  });
  // the view shows neighbours of Jiangsu too (Shanghai, Zhejiang, Anhui …)
  expect(labelledBefore.some((id) => analysis.index.cityById.get(id)?.provinceZh !== '江苏')).toBe(
    true,
  );
  await page.locator('select[data-facet="province"]').selectOption('江苏');
  await waitDrawn(page);
  await expect(map).toHaveAttribute('data-labels', 'placed');
  const labelled = await map.evaluate((el) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    return [
      ...new Set(
        m
          .queryRenderedFeatures({ layers: ['city-labels'] })
          .map((f) => String(f.properties['cityId'])),
      ),
    ];
  });
  expect(labelled.length).toBeGreaterThan(0);
  for (const cityId of labelled) {
    expect(analysis.index.cityById.get(cityId)?.provinceZh, cityId).toBe('江苏');
  }
});

test('a filter chosen on the national map holds when the map zooms in to the firms', async ({
  page,
}) => {
  // Zoomed out, the firms' features and states reach the map after its marks are drawn (issue 12);
  // zooming in must find them there, with the filter's shown/hidden state on every firm.
  await page.goto('./?view=atlas&chain=nev');
  await waitDrawn(page);
  const map = page.getByTestId('map');
  await page.locator('select[data-facet="role"]').selectOption('stabilize');
  await waitDrawn(page);
  const changzhou = analysis.index.cityById.get('changzhou')!;
  const drawn = (await map.evaluate(async (el, at) => {
    const m = (el as unknown as { chainAtlasMap: import('maplibre-gl').Map }).chainAtlasMap;
    m.jumpTo({ center: [at.lon, at.lat], zoom: 10 });
    await new Promise((resolve) => m.once('idle', resolve));
    return m.queryRenderedFeatures({ layers: ['enterprise-circles'] }).map((f) => ({
      id: String(f.properties['id']),
      shown: (f.state as { shown?: boolean }).shown !== false,
    }));
  }, changzhou)) as { id: string; shown: boolean }[];
  const keep = new Set(
    filterEnterprises(nev, { ...EMPTY_FILTERS, role: 'stabilize' }).map((e) => e.id),
  );
  const inCity = nev.enterprises.filter((e) => e.cityId === 'changzhou');
  const byId = new Map(drawn.map((d) => [d.id, d.shown]));
  expect(inCity.some((e) => keep.has(e.id))).toBe(true);
  expect(inCity.some((e) => !keep.has(e.id))).toBe(true);
  for (const e of inCity) expect(byId.get(e.id), e.id).toBe(keep.has(e.id));
});

test('a link chosen right after a filter shows the flows of the filtered firms', async ({
  page,
}) => {
  await page.goto('./?view=atlas&chain=nev');
  await waitDrawn(page);
  // The click comes in the next task, before the map has drawn the filter (its flows wait).
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const select = document.querySelector<HTMLSelectElement>('select[data-facet="province"]')!;
        select.value = '江苏';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        setTimeout(() => {
          document
            .querySelector<HTMLElement>('[data-testid="link-list"] [data-link="nev.cell"]')!
            .click();
          done();
        }, 0);
      }),
  );
  await waitDrawn(page);
  const shown = filterEnterprises(nev, { ...EMPTY_FILTERS, province: '江苏' });
  const lines = flowsForLink(analysis.index, shown, 'nev.cell').length;
  // fewer lines than for the whole country, but some
  expect(lines).toBeGreaterThan(0);
  expect(lines).toBeLessThan(flowsForLink(analysis.index, nev.enterprises, 'nev.cell').length);
  const map = page.getByTestId('map');
  // read at once, not polled: once the map says it is drawn, its lines are the filtered ones
  expect(await map.getAttribute('data-flow-lines')).toBe(String(lines));
  await expect(map).toHaveAttribute('data-labels', 'placed');
});

test('switching to English changes the Atlas labels', async ({ page }) => {
  await page.goto('./?view=atlas&chain=nev');
  await waitDrawn(page);
  await expect(page.getByRole('heading', { name: '产业链图谱 · 上游 → 下游' })).toBeVisible();
  await page.getByTestId('lang-toggle').click();
  await expect(
    page.getByRole('heading', { name: 'Chain map · upstream → downstream' }),
  ).toBeVisible();
  await expect(page.getByTestId('chain-select').locator('option:checked')).toHaveText(
    'New-energy vehicles & power batteries',
  );
  await expect(page.locator('[data-link="nev.cell"]').first()).toContainText('Battery cells');
});

test('an enterprise named with HTML shows as literal text and runs nothing', async ({ page }) => {
  const evil = '<img src=x onerror=alert(1)>';
  const victim = nev.enterprises.find((e) => e.primaryLinkId === 'nev.cell' && !e.isChainLeader)!;
  await routeEditedDemo(page, (data) => {
    const e = data.enterprises.find((x) => x.id === victim.id)!;
    e.nameZh = evil;
    e.nameEn = evil;
  });
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await page.goto(`./?view=atlas&chain=nev&ent=${victim.id}`);
  await waitDrawn(page);
  await expect(page.getByTestId('enterprise-name')).toHaveText(evil);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.getByTestId('search').fill('<img');
  await expect(page.locator('#search-results')).toContainText(evil);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('the Atlas exports a PNG of the graph and the map', async ({ page }, testInfo) => {
  await page.goto('./?view=atlas&chain=nev&link=nev.cell');
  await waitDrawn(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-png').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`chainatlas-atlas-nev-${demo.meta.asOf}.png`);
  const path = testInfo.outputPath('atlas.png');
  await download.saveAs(path);
  const bytes = readFileSync(path);
  // PNG signature, then a real picture (both views drawn into it), not an empty canvas.
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(bytes.length).toBeGreaterThan(50_000);
});

test('a link’s firms are listed by city; a closed city’s list is built when the reader opens it', async ({
  page,
}) => {
  // The firms of the cell link, grouped by city as the panel does: most firms first.
  const cell = nev.enterprises.filter((e) => e.linkIds.includes('nev.cell'));
  const byCity = new Map<string, string[]>();
  for (const e of cell) byCity.set(e.cityId, [...(byCity.get(e.cityId) ?? []), e.id]);
  const cities = [...byCity].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  expect(cities.length).toBeGreaterThan(3);
  const [fourth, fourthFirms] = cities[3]!;

  await page.goto('./?view=atlas&chain=nev&link=nev.cell');
  await waitDrawn(page);
  const firms = page.getByTestId('link-firms');
  // The first three cities are open with their firms; the others closed and not built.
  for (const [cityId, ids] of cities.slice(0, 3)) {
    await expect(firms.locator(`details[data-city="${cityId}"] button`)).toHaveCount(ids.length);
  }
  const closed = firms.locator(`details[data-city="${fourth}"]`);
  await expect(closed).not.toHaveAttribute('open');
  await expect(closed.locator('button')).toHaveCount(0);
  // Opened: every firm of the city, each a click away from its panel.
  await closed.locator('summary').click();
  await expect(closed.locator('button')).toHaveCount(fourthFirms.length);
  // Firms by gap, largest first: the first button opens the city's largest gap.
  const gap = (id: string) => analysis.byEnterprise.get(id)?.gap ?? 0;
  const first = [...fourthFirms].sort((a, b) => gap(b) - gap(a) || (a < b ? -1 : 1))[0]!;
  await closed.locator('button').first().click();
  await expect(page.getByTestId('enterprise-panel')).toHaveAttribute('data-enterprise', first);
});
