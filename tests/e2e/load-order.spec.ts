import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

/**
 * Issue 12, “the map before the data”: a page opening on the Atlas starts its map (configuration,
 * worker, basemap) at navigation, in parallel with the dataset, and the view adopts that map
 * instead of creating a second one.
 */
test('the Atlas starts its map before the dataset has arrived, and the view adopts that map', async ({
  page,
}) => {
  // Which canvases got a WebGL 2 context: maplibre's carry the class maplibregl-canvas.
  await page.addInitScript(() => {
    const made: string[] = [];
    (window as unknown as { __webgl2: string[] }).__webgl2 = made;
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      ...args: Parameters<typeof original>
    ) {
      if (args[0] === 'webgl2') made.push(this.className);
      return original.apply(this, args);
    } as typeof original;
  });
  // The dataset is held back until the map has started.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held: string[] = [];
  await page.route(/\/demo\.v1-[^/]*$/, async (route) => {
    held.push(route.request().url());
    await released;
    await route.continue();
  });
  const provinceRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('china-provinces')) provinceRequests.push(r.url());
  });

  await page.goto('./?view=atlas&chain=nev');
  // No data yet: the map exists already, out of sight, with its basemap on the way.
  await expect(page.locator('[data-early-map] canvas.maplibregl-canvas')).toHaveCount(1);
  await expect.poll(() => provinceRequests.length).toBeGreaterThan(0);
  expect(held.length).toBe(1);
  await expect(page.getByTestId('map')).toHaveCount(0);

  release();
  await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  // The same map, now in the view: one maplibre canvas was ever made, and it sits in the pane.
  await expect(page.locator('[data-early-map]')).toHaveCount(0);
  await expect(page.locator('[data-testid="map"] .map-host canvas.maplibregl-canvas')).toHaveCount(
    1,
  );
  const made = await page.evaluate(() => (window as unknown as { __webgl2: string[] }).__webgl2);
  expect(made.filter((c) => c.includes('maplibregl-canvas'))).toHaveLength(1);
  // It fills the pane it was moved into.
  const sizes = await page.evaluate(() => {
    const pane = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
    const canvas = document
      .querySelector('[data-testid="map"] canvas.maplibregl-canvas')!
      .getBoundingClientRect();
    return { pane: [pane.width, pane.height], canvas: [canvas.width, canvas.height] };
  });
  // (to the pixel: the canvas has whole pixels, the pane may not)
  for (const i of [0, 1]) expect(Math.abs(sizes.canvas[i]! - sizes.pane[i]!)).toBeLessThan(1);
});

test('a page opening on the overview starts no map', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('chain-table')).toBeVisible();
  await expect(page.locator('canvas.maplibregl-canvas')).toHaveCount(0);
  await expect(page.locator('[data-early-map]')).toHaveCount(0);
});

test('the dataset is downloaded, validated and analysed in the analysis worker, and the page reads the columnar file', async ({
  page,
}) => {
  const scripts: string[] = [];
  const data: string[] = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    if (name.startsWith('analysis.worker-')) scripts.push(name);
    if (name.startsWith('demo.v1-')) data.push(name);
  });
  await page.goto('./');
  await expect(page.getByTestId('chain-table')).toBeVisible();
  // One worker script and one download of the demo, the columnar file (not the JSON).
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/\.js$/);
  expect(data).toHaveLength(1);
  expect(data[0]).toMatch(/\.bin$/);
  expect(page.workers().some((w) => w.url().includes('analysis.worker-'))).toBe(true);
  // The worker downloaded it (the page's thread is busy with the first view's code meanwhile):
  // the page's own resource timeline has no entry for it.
  const downloadedByPage = await page.evaluate(
    () =>
      performance.getEntriesByType('resource').filter((e) => e.name.includes('/demo.v1-')).length,
  );
  expect(downloadedByPage).toBe(0);
});

/**
 * Issue 12: the chain diagram draws its labels on a canvas only once the web font's faces for them
 * are loaded. The page asks for them as soon as it has read the dataset, while the analysis worker
 * is still at work: when the worker's answer arrives (before any view is drawn), every face that
 * covers a character of the chain's link names is already loading or loaded.
 */
test('the chain diagram’s font faces are requested before the analysis has arrived', async ({
  page,
}) => {
  // The browser's store answers which dataset is active only after the worker's analysis has
  // arrived (a slow disk): the page reads the prefetched file when its copy arrives all the same.
  await page.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<typeof open>) {
      const request = open.apply(this, args);
      const add = request.addEventListener.bind(request);
      request.addEventListener = ((type: string, listener: EventListener, options?: unknown) =>
        add(
          type,
          type === 'success' ? (e: Event) => setTimeout(() => listener(e), 2_000) : listener,
          options as AddEventListenerOptions,
        )) as typeof request.addEventListener;
      return request;
    };
  });
  await page.addInitScript(() => {
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (!String(url).includes('analysis.worker')) return;
        // Registered before the page's own handler: runs first, before the analysis is used
        // (the worker sends the page its copy of the file before that).
        this.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
          if (event.data.type !== 'analysed') return;
          (window as unknown as { __faces: unknown }).__faces = [...document.fonts].map((f) => ({
            family: f.family.replace(/["']/g, ''),
            weight: f.weight,
            range: f.unicodeRange,
            status: f.status,
          }));
        });
      }
    };
  });
  const demo = JSON.parse(readFileSync('data/demo.v1.json', 'utf8')) as {
    links: { chainId: string; nameZh: string }[];
  };
  const text = demo.links
    .filter((l) => l.chainId === 'nev')
    .map((l) => l.nameZh)
    .join('');
  await page.goto('./?view=atlas&chain=nev');
  await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-ready', 'true');
  const faces = await page.evaluate(
    () =>
      (
        window as unknown as {
          __faces?: { family: string; weight: string; range: string; status: string }[];
        }
      ).__faces ?? [],
  );
  const sc = faces.filter((f) => f.family === 'Noto Sans SC');
  expect(sc.length).toBeGreaterThan(100);
  const covers = (range: string, code: number) =>
    range.split(',').some((part) => {
      const [lo, hi = lo] = part.trim().replace(/^U\+/i, '').split('-');
      return code >= parseInt(lo!, 16) && code <= parseInt(hi!, 16);
    });
  const unloaded = new Set<string>();
  for (const ch of new Set(text)) {
    if (ch.charCodeAt(0) < 0x80) continue;
    for (const weight of ['400', '700']) {
      const face = sc.find((f) => f.weight === weight && covers(f.range, ch.codePointAt(0)!));
      expect(face, `a ${weight} face for ${ch}`).toBeDefined();
      if (face!.status === 'unloaded') unloaded.add(`${ch} ${weight}`);
    }
  }
  expect([...unloaded]).toEqual([]);
});
