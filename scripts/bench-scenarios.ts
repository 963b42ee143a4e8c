/**
 * npx tsx scripts/bench-scenarios.ts [--sizes demo,100000] [--runs 5]
 *
 * Times what the app does when a scenario is switched on (issue 14), in Node: apply the scenario to
 * the dataset, analyse the result (the firms it touches again, `reanalyzeDataset`) and compare it
 * with the baseline for the chain shown (`runScenario` + `compareAnalyses`). Also times deriving,
 * analysing and comparing round 2 (what the compare view does). The demo is read from data/; larger sets come from the demo's generator with
 * the same distributions. Prints one table (the first, cold run, then median and worst of the
 * others, ms); targets from the issue: ≤ 200 ms on the demo, ≤ 2 s at 100k. Timings are never test
 * assertions. Writes the same as JSON to .bench/scenarios.json. `npm run bench` runs it after the
 * browser bench, on the sizes of that run that are the demo or 100,000.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHAINS_PATH } from '../data/generate-demo';
import { generateDemo, parseChainsSource } from '../data/generator/generate';
import { analyzeDataset } from '../src/analysis/analyze';
import { compareAnalyses } from '../src/analysis/compare';
import { isLenderRelation, isLiveRelation } from '../src/analysis/dataset-index';
import { reanalyzeDataset } from '../src/analysis/reanalyze';
import { buildRounds } from '../src/analysis/rounds';
import { runScenario, type Scenario } from '../src/analysis/scenarios';
import type { Analysis } from '../src/analysis/types';
import { bankWhiteSpace } from '../src/analysis/white-space';
import { DatasetSchema, type Dataset } from '../src/domain/schema';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'demo,100000' },
    runs: { type: 'string', default: '5' },
    chain: { type: 'string', default: 'nev' },
  },
});
const RUNS = Number(values.runs);
const CHAIN = values.chain;
const TARGET_MS = { demo: 200, large: 2000 };

function loadDataset(size: string): Dataset {
  if (size === 'demo') {
    return DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
  }
  const source = parseChainsSource(JSON.parse(readFileSync(CHAINS_PATH, 'utf8')));
  return generateDemo(source, { enterprises: Number(size) });
}

/** One scenario of each kind, chosen from the data so that each changes something. */
function pickScenarios(baseline: Analysis): Scenario[] {
  const { index } = baseline;
  const firms = index.enterprisesByChain.get(CHAIN) ?? [];
  const leader = [...firms]
    .filter((e) => e.isChainLeader)
    .sort(
      (a, b) =>
        (index.edgesByBuyer.get(b.id)?.length ?? 0) - (index.edgesByBuyer.get(a.id)?.length ?? 0),
    )[0];
  const live = new Map<string, number>();
  for (const e of firms) {
    for (const r of index.relationsByEnterprise.get(e.id) ?? []) {
      if (!isLiveRelation(r) || !isLenderRelation(index, r)) continue;
      const key = `${r.bankId}|${e.cityId}`;
      live.set(key, (live.get(key) ?? 0) + 1);
    }
  }
  const [bankCity = '|'] = [...live].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  const [bankId = '', cityId = ''] = bankCity.split('|');
  const entrant = index.dataset.banks.find(
    (b) => b.level === 'national' && bankWhiteSpace(baseline, b.id, { chainId: CHAIN }).length > 0,
  );
  const space = entrant ? bankWhiteSpace(baseline, entrant.id, { chainId: CHAIN })[0] : undefined;
  const out: Scenario[] = [];
  if (leader) out.push({ kind: 'terms', leaderId: leader.id, days: 30 });
  out.push({ kind: 'withdraw_city', bankId, cityId });
  out.push({ kind: 'withdraw_type', bankType: 'joint_stock_bank', chainId: CHAIN });
  if (entrant && space) {
    out.push({
      kind: 'enter',
      bankId: entrant.id,
      linkId: space.linkId,
      product: space.fitProducts[0] ?? entrant.products[0] ?? 'WC_LOAN',
      budget: 20_000,
    });
  }
  return out;
}

/**
 * The first run (cold: JIT, and the baseline's unchanged groups not yet computed) on its own, then
 * the median and worst of RUNS more.
 */
function time(fn: () => void): { first: number; median: number; worst: number } {
  const t0 = performance.now();
  fn();
  const first = performance.now() - t0;
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { first, median: ms[Math.floor(ms.length / 2)] ?? 0, worst: ms[ms.length - 1] ?? 0 };
}

const rows: string[][] = [];
for (const size of (values.sizes ?? 'demo').split(',')) {
  const started = performance.now();
  const dataset = loadDataset(size);
  const baseline = analyzeDataset(dataset);
  console.error(
    `${size}: ${dataset.enterprises.length} enterprises loaded and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const target = size === 'demo' ? TARGET_MS.demo : TARGET_MS.large;
  for (const scenario of pickScenarios(baseline)) {
    let changed = 0;
    const t = time(() => {
      const after = runScenario(baseline, scenario);
      const cmp = compareAnalyses(baseline, after, { chainId: CHAIN });
      changed = cmp.links.filter((r) => r.verdictChanged).length;
    });
    rows.push([
      size,
      String(dataset.enterprises.length),
      scenario.kind,
      t.first.toFixed(0),
      t.median.toFixed(0),
      t.worst.toFixed(0),
      String(target),
      String(changed),
    ]);
  }
  const r = time(() => {
    const rounds = buildRounds(dataset);
    const last = rounds[rounds.length - 1];
    if (last && last.id !== '1') {
      compareAnalyses(baseline, reanalyzeDataset(baseline, last.dataset), { chainId: CHAIN });
    }
  });
  rows.push([
    size,
    String(dataset.enterprises.length),
    'round 2',
    r.first.toFixed(0),
    r.median.toFixed(0),
    r.worst.toFixed(0),
    String(target),
    '',
  ]);
}

const header = [
  'dataset',
  'firms',
  'scenario',
  'first ms',
  'median ms',
  'worst ms',
  'target ms',
  'verdicts changed',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
console.log('\nScenarios and rounds (Node, ms: first run, then median and worst of the others):');
console.log(line(header));
for (const r of rows) console.log(line(r));
mkdirSync('.bench', { recursive: true });
writeFileSync(
  '.bench/scenarios.json',
  `${JSON.stringify(
    {
      runs: RUNS,
      chain: CHAIN,
      rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))),
    },
    null,
    2,
  )}\n`,
);
