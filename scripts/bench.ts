/**
 * npm run bench — measures the built app in Debian's Chromium (headless, software WebGL), in the page.
 *
 *   npm run bench                       demo + generated 10k and 100k enterprises, 5 runs each
 *   npm run bench -- --sizes demo,10000 --runs 3
 *   npm run bench -- --smoke            demo only, one run: the `npm test` smoke that keeps this alive
 *   npm run bench -- --import 100000    also the import path: CSV of 100k rows → report → save → Atlas
 *                                       (on by default when the sizes include 100000)
 *   npm run bench -- --no-scenarios     without the scenario and round timings (scripts/bench-scenarios.ts,
 *                                       run after the browser bench on the sizes demo and 100000)
 *
 * Each navigation is measured cold (a new browser profile) and warm (a second tab of the same
 * profile: files revalidated from the HTTP cache).
 * The generated datasets (same generator and distributions as the demo, written as the app's
 * columnar .bin) are written to a temporary
 * folder and served in place of the demo file by intercepting its request; nothing is committed and
 * the app has no benchmark-only code path. Prints one table with the product targets beside the
 * figures and writes the same as JSON to .bench/results.json. Timings are never test assertions.
 */
import type { Browser, Page } from '@playwright/test';
import { launchChromium, startPreview, waitForServer } from './preview';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CHAINS_PATH, serializeDataset } from '../data/generate-demo';
import { encodeDataset } from '../src/data/columnar';
import { makeLargeEnterprisesCsv } from '../src/import/make-large-csv';
import { loadDemoReference } from '../src/import/test-support';
import { analyzeDataset } from '../src/analysis/analyze';
import { DatasetSchema, type Dataset } from '../src/domain/schema';
import { generateDemo, parseChainsSource } from '../data/generator/generate';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const PORT = Number(process.env.BENCH_PORT ?? 4188);
const BASE = `http://127.0.0.1:${PORT}/`;

const TARGETS = {
  demo: { ready: 800, interaction: 50, heapMb: 150 },
  large: { ready: 2500, interaction: 100, heapMb: 500 },
  firstViewJsGzipKb: 600,
};

interface SizeResult {
  dataset: string;
  enterprises: number;
  runs: number;
  readyMs: number[];
  /** The same cold navigations: when the graph and when the map (with its labels) was drawn. */
  loadGraphMs: number[];
  loadMapMs: number[];
  /** The same navigation again in the same browser profile (HTTP cache warm: 304s). */
  warmReadyMs: number[];
  overlayMs: number[];
  filterMs: number[];
  /** A province chosen: the filter applied and the map moved to the province and drawn. */
  scopeMs: number[];
  selectMs: number[];
  heapAfterLoadMb: number;
  heapAfterSwitchesMb: number | null;
  error?: string;
}

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? Number.NaN;
}

/**
 * Records, per view, when its readiness flag last turned true and last turned false. A view that an
 * action does not need to redraw (an overlay change that only updates feature state) never clears
 * its flag; it counts as done at once.
 */
const READY_PROBE = `(() => {
  if (window.__benchReady) return;
  const log = { graph: 0, map: 0, graphBusy: 0, mapBusy: 0, inputs: [] };
  window.__benchReady = log;
  // The user's action starts with its first input event (a press, a key, a choice in a list):
  // its timestamp, not the moment the driver was asked to act, is where a measurement starts.
  for (const type of ['pointerdown', 'mousedown', 'keydown', 'input', 'change', 'click']) {
    document.addEventListener(type, (e) => log.inputs.push(e.timeStamp), true);
  }
  const watch = () => {
    for (const [key, id] of [['graph', 'chain-graph'], ['map', 'map']]) {
      const el = document.querySelector('[data-testid="' + id + '"]');
      if (!el || el.__benchWatched) continue;
      el.__benchWatched = true;
      const note = (attribute) => {
        const now = performance.now();
        if (attribute === 'data-labels') {
          if (el.getAttribute('data-labels') === 'placed') log.labels = now;
        } else if (el.getAttribute('data-ready') === 'true') log[key] = now;
        else log[key + 'Busy'] = now;
      };
      note('data-ready');
      new MutationObserver((records) => {
        for (const r of records) note(r.attributeName);
      }).observe(el, { attributes: true, attributeFilter: ['data-ready', 'data-labels'] });
    }
  };
  new MutationObserver(watch).observe(document, { subtree: true, childList: true });
  watch();
})()`;

/**
 * Waits until both views show the state set at `since` and returns when that happened: the last
 * redraw's end, or — when neither view had to redraw — the first frame after the action.
 */
interface ReadyAt {
  /** When the action's first input event happened (`since` when there was none). */
  start: number;
  /** When both views showed the state: the later redraw's end, or the first frame after. */
  at: number;
  /** When the map's labels were placed for it (the map syncs them after drawing the marks). */
  labels: number;
  /** When each view finished (the action's start when it did not need to redraw). */
  graph: number;
  map: number;
}

async function bothReadyAfter(page: Page, since: number, timeout = 120_000): Promise<ReadyAt> {
  const handle = await page.waitForFunction(
    (t) => {
      type Log = {
        graph: number;
        map: number;
        graphBusy: number;
        mapBusy: number;
        inputs: number[];
        labels?: number;
      };
      const log = (window as unknown as { __benchReady?: Log }).__benchReady;
      const graph = document.querySelector('[data-testid="chain-graph"]');
      const map = document.querySelector('[data-testid="map"]');
      if (!log || !graph || !map) return null;
      if (
        graph.getAttribute('data-ready') !== 'true' ||
        map.getAttribute('data-ready') !== 'true'
      ) {
        return null;
      }
      // On first load (t = 0) both must have drawn; later, a view that never went busy is done.
      // (No helper functions in here: the bundler would wrap them in a name helper the page lacks.)
      const graphDone = log.graph > t || (t > 0 && log.graphBusy < t);
      const mapDone = log.map > t || (t > 0 && log.mapBusy < t);
      if (!graphDone || !mapDone) return null;
      if (map.getAttribute('data-labels') === 'pending') return null;
      const now = performance.now();
      const start = Math.min(...log.inputs.filter((x) => x >= t), now);
      return {
        start: t > 0 ? start : 0,
        labels: log.labels !== undefined && log.labels > t ? log.labels : 0,
        at: Math.max(log.graph > t ? log.graph : 0, log.map > t ? log.map : 0) || now,
        graph: log.graph > t ? log.graph : t,
        map: log.map > t ? log.map : t,
      };
    },
    since,
    { timeout, polling: 'raf' },
  );
  return (await handle.jsonValue()) as ReadyAt;
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1e6;
}

/** Per-view breakdown of every timed action: which view the time went to. */
const breakdown: {
  action: string;
  graphMs: number;
  mapMs: number;
  /** When the map's labels were re-placed (null: the action moved none). */
  labelsMs: number | null;
}[] = [];

/**
 * Time from a user action's first input event to both views drawn again. The labels the map
 * places after its marks are waited for (so the next action starts on an idle page) and their
 * time is kept in the breakdown.
 */
async function timeAction(page: Page, act: () => Promise<unknown>, label = ''): Promise<number> {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  const r = await bothReadyAfter(page, t0);
  if (label) {
    breakdown.push({
      action: label,
      graphMs: Math.max(0, r.graph - r.start),
      mapMs: Math.max(0, r.map - r.start),
      labelsMs: r.labels > 0 ? Math.max(0, r.labels - r.start) : null,
    });
  }
  return r.at - r.start;
}

async function benchSize(
  browser: Browser,
  name: string,
  file: string | null,
  enterprises: number,
  runs: number,
  switches: number,
): Promise<SizeResult> {
  const result: SizeResult = {
    dataset: name,
    enterprises,
    runs,
    readyMs: [],
    loadGraphMs: [],
    loadMapMs: [],
    warmReadyMs: [],
    overlayMs: [],
    filterMs: [],
    scopeMs: [],
    selectMs: [],
    heapAfterLoadMb: Number.NaN,
    heapAfterSwitchesMb: null,
  };
  // A large dataset is served by the preview server itself (copied into dist/bench-data/): pushing
  // 175 MB through Playwright's route.fulfill travels over the DevTools protocol and kills the page.
  let servedUrl: string | null = null;
  if (file) {
    mkdirSync(join(DIST, 'bench-data'), { recursive: true });
    copyFileSync(file, join(DIST, 'bench-data', basename(file)));
    servedUrl = `${BASE}bench-data/${basename(file)}`;
  }
  for (let run = 0; run < runs; run++) {
    // A large screen (filters and panel open beside the canvases); camera moves jump instead of
    // easing (reduced motion), so an action is timed to its drawn state, not to a 0.6 s animation.
    const context = await browser.newContext({
      viewport: { width: 1680, height: 1050 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(180_000);
    if (servedUrl) {
      const url = servedUrl;
      await page.route('**/demo.v1-*.bin', (route) => route.continue({ url }));
    }
    await page.addInitScript(READY_PROBE);
    await page.goto(`${BASE}?view=atlas&chain=nev`);
    const loaded = await bothReadyAfter(page, 0, 300_000);
    result.readyMs.push(loaded.at);
    result.loadGraphMs.push(loaded.graph);
    result.loadMapMs.push(Math.max(loaded.map, loaded.labels));
    // Warm: a second tab of the same profile opens the same URL (files revalidated, not re-sent).
    {
      const warm = await context.newPage();
      warm.setDefaultTimeout(180_000);
      if (servedUrl) {
        const url = servedUrl;
        await warm.route('**/demo.v1-*.bin', (route) => route.continue({ url }));
      }
      await warm.addInitScript(READY_PROBE);
      await warm.goto(`${BASE}?view=atlas&chain=nev`);
      result.warmReadyMs.push((await bothReadyAfter(warm, 0, 300_000)).at);
      await warm.close();
    }

    const overlays = ['role', 'gap', 'verdict'];
    result.overlayMs.push(
      await timeAction(
        page,
        () => page.locator(`[data-overlay="${overlays[run % overlays.length]}"]`).click(),
        `${name} overlay`,
      ),
    );
    // A filter that keeps the map where it is (the role facet), and a province, which since the
    // readable Atlas (issue 10) also moves the map to the province: timed apart.
    const roles = ['stabilize', 'strengthen', 'fill'];
    result.filterMs.push(
      await timeAction(
        page,
        () => page.locator('select[data-facet="role"]').selectOption(roles[run % 3] ?? 'fill'),
        `${name} filter`,
      ),
    );
    await timeAction(page, () => page.locator('select[data-facet="role"]').selectOption(''));
    const provinces = ['江苏', '广东', '福建'];
    result.scopeMs.push(
      await timeAction(
        page,
        () =>
          page.locator('select[data-facet="province"]').selectOption(provinces[run % 3] ?? '江苏'),
        `${name} province`,
      ),
    );
    await timeAction(page, () => page.locator('select[data-facet="province"]').selectOption(''));
    const links = ['nev.cell', 'nev.pack', 'nev.cathode'];
    result.selectMs.push(
      await timeAction(
        page,
        () =>
          page
            .locator(`[data-testid="link-list"] [data-link="${links[run % 3]}"]`)
            .first()
            .click(),
        `${name} select`,
      ),
    );

    if (run === 0) {
      result.heapAfterLoadMb = await heapMb(page);
      if (switches > 0) {
        const chains = ['ic', 'pv', 'cm', 'tex', 'app', 'rail', 'robot', 'nev'];
        for (let i = 0; i < switches; i++) {
          await timeAction(page, () =>
            page.getByTestId('chain-select').selectOption(chains[i % chains.length] ?? 'nev'),
          );
        }
        result.heapAfterSwitchesMb = await heapMb(page);
      }
    }
    await context.close();
  }
  return result;
}

interface ImportResult {
  rows: number;
  /** File chosen and Import pressed → validation report shown (worker: read, check, build). */
  reportMs: number;
  /** Save locally pressed → saved in IndexedDB (columnar bytes) and made active. */
  saveMs: number;
  /** Navigation to the Atlas on the saved dataset → map and graph drawn. */
  atlasMs: number;
  error?: string;
}

/**
 * The path a department takes with its own list: a CSV of `rows` enterprises (the import template,
 * generated deterministically) imported in the Data view, saved locally, then the Atlas opened on it.
 */
async function benchImport(browser: Browser, rows: number, tmp: string): Promise<ImportResult> {
  const csv = join(tmp, `enterprises-${rows}.csv`);
  writeFileSync(csv, makeLargeEnterprisesCsv(rows, loadDemoReference()));
  const context = await browser.newContext({
    viewport: { width: 1680, height: 1050 },
    reducedMotion: 'reduce',
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(300_000);
    await page.goto(`${BASE}?view=data`);
    await page.getByTestId('import-file-input').setInputFiles(csv);
    await page.getByTestId('import-start').waitFor();
    let t = performance.now();
    await page.getByTestId('import-start').click();
    await page.getByTestId('summary-total').waitFor();
    const reportMs = performance.now() - t;
    t = performance.now();
    await page.getByTestId('save-locally').click();
    await page.getByTestId('import-saved').waitFor();
    const saveMs = performance.now() - t;
    await page.addInitScript(READY_PROBE);
    await page.goto(`${BASE}?view=atlas&chain=nev`);
    const atlasMs = (await bothReadyAfter(page, 0, 300_000)).at;
    return { rows, reportMs, saveMs, atlasMs };
  } catch (err) {
    return { rows, reportMs: NaN, saveMs: NaN, atlasMs: NaN, error: String(err).slice(0, 300) };
  } finally {
    await context.close();
  }
}

/**
 * How fast this machine is at the moment, in a unit of our own work: the demo's analysis in Node,
 * median of 9 runs after 3 to warm up. Shared cloud cores vary from day to day (the same build
 * measured 2.3× slower on one day than the day before); two runs' figures compare only with this.
 */
function speedReferenceMs(): number {
  const demo = DatasetSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'data', 'demo.v1.json'), 'utf8')),
  );
  for (let i = 0; i < 3; i++) analyzeDataset(demo);
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const started = performance.now();
    analyzeDataset(demo);
    times.push(performance.now() - started);
  }
  return median(times);
}

/** JavaScript in dist/assets, raw and gzip, and which chunks the first view loads. */
async function bundleReport(browser: Browser) {
  const assets = join(DIST, 'assets');
  const chunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js') || f.endsWith('.mjs'))
    .map((f) => {
      const bytes = readFileSync(join(assets, f));
      return { file: f, rawKb: bytes.length / 1024, gzipKb: gzipSync(bytes).length / 1024 };
    })
    .sort((a, b) => b.gzipKb - a.gzipKb);
  const page = await browser.newPage();
  const loaded = new Set<string>();
  page.on('request', (r) => {
    const name = r.url().split('/').pop() ?? '';
    if (/\.m?js$/.test(name)) loaded.add(name);
  });
  await page.goto(BASE);
  await page.getByTestId('chain-table').waitFor();
  await page.close();
  const firstView = chunks.filter((c) => loaded.has(c.file));
  return {
    chunks,
    firstViewGzipKb: firstView.reduce((s, c) => s + c.gzipKb, 0),
    firstViewFiles: firstView.map((c) => c.file),
  };
}

function fmt(x: number | null, digits = 0): string {
  return x === null || Number.isNaN(x) ? '—' : x.toFixed(digits);
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'demo,10000,100000' },
    runs: { type: 'string', default: '5' },
    switches: { type: 'string', default: '50' },
    smoke: { type: 'boolean', default: false },
    /** Rows of the CSV import path (0: skip); by default 100,000 when the sizes include 100000. */
    import: { type: 'string' },
    'no-scenarios': { type: 'boolean', default: false },
  },
});

async function main() {
  const sizes = values.smoke ? ['demo'] : (values.sizes ?? 'demo').split(',');
  const runs = values.smoke ? 1 : Number(values.runs);
  const switches = values.smoke ? 2 : Number(values.switches);
  statSync(join(DIST, 'index.html')); // the caller builds first (npm run bench does)

  const speedBefore = speedReferenceMs();
  const tmp = mkdtempSync(join(tmpdir(), 'chainatlas-bench-'));
  const source = parseChainsSource(JSON.parse(readFileSync(CHAINS_PATH, 'utf8')));
  const server = startPreview(ROOT, PORT);
  let browser: Browser | null = null;
  try {
    await waitForServer(BASE);
    browser = await launchChromium();
    const chromiumVersion = browser.version();
    const results: SizeResult[] = [];
    for (const size of sizes) {
      let file: string | null = null;
      let n = 1680;
      if (size !== 'demo') {
        n = Number(size);
        const started = performance.now();
        // The app's columnar file, written from the JSON text like the demo's (-0 becomes 0).
        file = join(tmp, `demo-${n}.bin`);
        const json = serializeDataset(generateDemo(source, { enterprises: n }));
        writeFileSync(file, encodeDataset(JSON.parse(json) as Dataset));
        const mb = statSync(file).size / 1e6;
        console.error(
          `generated ${n} enterprises: ${mb.toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      console.error(`measuring ${size} (${runs} runs)…`);
      try {
        results.push(await benchSize(browser, size, file, n, runs, switches));
      } catch (err) {
        results.push({
          dataset: size,
          enterprises: n,
          runs,
          readyMs: [],
          loadGraphMs: [],
          loadMapMs: [],
          warmReadyMs: [],
          overlayMs: [],
          filterMs: [],
          scopeMs: [],
          selectMs: [],
          heapAfterLoadMb: Number.NaN,
          heapAfterSwitchesMb: null,
          error: String(err).slice(0, 300),
        });
      }
    }
    const importRows = values.smoke
      ? 0
      : Number(values.import ?? (sizes.includes('100000') ? 100_000 : 0));
    let imported: ImportResult | null = null;
    if (importRows > 0) {
      console.error(`measuring the import path (${importRows} rows)…`);
      imported = await benchImport(browser, importRows, tmp);
    }
    const bundle = await bundleReport(browser);

    await browser.close();
    browser = null;
    const speed = { beforeMs: speedBefore, afterMs: speedReferenceMs() };
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium ${chromiumVersion}, software WebGL; speed reference (the demo's analysis in Node, median of 9): ${fmt(speed.beforeMs)} ms before, ${fmt(speed.afterMs)} ms after`;
    const rows: string[][] = [
      ['metric', ...results.map((r) => `${r.dataset} (${r.enterprises})`), 'target demo / 100k'],
    ];
    const line = (label: string, f: (r: SizeResult) => string, target: string) =>
      rows.push([label, ...results.map((r) => (r.error ? 'error' : f(r))), target]);
    line(
      'navigation → map and graph drawn, median ms (cold: new profile)',
      (r) => fmt(median(r.readyMs)),
      '≤ 800 / ≤ 2500',
    );
    line(
      '  of which: graph drawn / map and its labels drawn, median ms (cold)',
      (r) => `${fmt(median(r.loadGraphMs))} / ${fmt(median(r.loadMapMs))}`,
      '–',
    );
    line(
      'navigation → map and graph drawn, median ms (warm: HTTP cache)',
      (r) => fmt(median(r.warmReadyMs)),
      '≤ 800 / ≤ 2500',
    );
    line(
      'overlay change → views updated, p50 / p95 ms',
      (r) => `${fmt(median(r.overlayMs))} / ${fmt(quantile(r.overlayMs, 0.95))}`,
      '≤ 50 / ≤ 100 (p95)',
    );
    line(
      'filter change → views updated, p50 / p95 ms',
      (r) => `${fmt(median(r.filterMs))} / ${fmt(quantile(r.filterMs, 0.95))}`,
      '≤ 50 / ≤ 100 (p95)',
    );
    line(
      'province chosen → map moved there and drawn, p50 / p95 ms',
      (r) => `${fmt(median(r.scopeMs))} / ${fmt(quantile(r.scopeMs, 0.95))}`,
      '–',
    );
    line(
      'select a link → map + panel, p50 / p95 ms',
      (r) => `${fmt(median(r.selectMs))} / ${fmt(quantile(r.selectMs, 0.95))}`,
      '≤ 50 / ≤ 100 (p95)',
    );
    line('JS heap after load, MB', (r) => fmt(r.heapAfterLoadMb, 1), '≤ 150 / ≤ 500');
    line(
      `JS heap after ${switches} chain switches, MB`,
      (r) => fmt(r.heapAfterSwitchesMb, 1),
      'no unbounded growth',
    );
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
    const table = rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')).join('\n');

    console.log(`\nChainAtlas bench — ${machine}\n`);
    console.log(table);
    for (const r of results) if (r.error) console.log(`\n${r.dataset}: ${r.error}`);
    if (imported) {
      console.log(
        imported.error
          ? `\nImport path (${imported.rows} rows): ${imported.error}`
          : `\nImport path, CSV of ${imported.rows.toLocaleString('en')} enterprises: import → report ${fmt(imported.reportMs)} ms, save locally ${fmt(imported.saveMs)} ms, Atlas → map and graph drawn ${fmt(imported.atlasMs)} ms; total ${fmt(imported.reportMs + imported.saveMs + imported.atlasMs)} ms`,
      );
    }
    const actions = [...new Set(breakdown.map((b) => b.action))];
    console.log(
      '\nWhere the time goes (median ms from the input event until each view is drawn; map labels are re-placed after the marks):',
    );
    for (const a of actions) {
      const rows = breakdown.filter((b) => b.action === a);
      const labels = rows.flatMap((b) => (b.labelsMs === null ? [] : [b.labelsMs]));
      console.log(
        `  ${a.padEnd(22)} graph ${fmt(median(rows.map((b) => b.graphMs))).padStart(5)}   map ${fmt(median(rows.map((b) => b.mapMs))).padStart(5)}   map labels ${labels.length > 0 ? fmt(median(labels)).padStart(5) : '    –'}`,
      );
    }
    console.log(
      `\nJavaScript, first view (overview): ${bundle.firstViewGzipKb.toFixed(0)} KB gzip (target ≤ ${TARGETS.firstViewJsGzipKb}) — ${bundle.firstViewFiles.join(', ')}`,
    );
    console.log('Chunks (raw / gzip KB):');
    for (const c of bundle.chunks) {
      console.log(
        `  ${c.file.padEnd(44)} ${c.rawKb.toFixed(0).padStart(6)} / ${c.gzipKb.toFixed(0).padStart(5)}`,
      );
    }
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    writeFileSync(
      join(ROOT, '.bench', values.smoke ? 'smoke.json' : 'results.json'),
      `${JSON.stringify({ machine, speed, targets: TARGETS, results, imported, breakdown, bundle }, null, 2)}\n`,
    );
    if (values.smoke && results.some((r) => r.error || r.readyMs.length === 0)) {
      console.error('bench smoke failed: the benchmark could not drive the app');
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    server.kill();
    rmSync(join(DIST, 'bench-data'), { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();

/** Issue 14's figures: a scenario and a round comparison, timed in Node on the same sizes. */
function benchScenarios(): void {
  if (values.smoke || values['no-scenarios'] || process.exitCode) return;
  const sizes = (values.sizes ?? 'demo').split(',').filter((s) => s === 'demo' || s === '100000');
  if (sizes.length === 0) return;
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'scripts', 'bench-scenarios.ts'),
      '--sizes',
      sizes.join(','),
      '--runs',
      values.runs ?? '5',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (run.status !== 0) process.exitCode = run.status ?? 1;
}
benchScenarios();
