/**
 * The committed demo dataset: it parses, it keeps every invariant, it is exactly what the generator
 * makes (SHA-256), and it passes the acceptance checks of domain.md §4.9.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeDataset, encodeDataset } from '../src/data/columnar';
import { checkDatasetInvariants } from '../src/domain/invariants';
import { DatasetSchema, type Dataset } from '../src/domain/schema';
import { DEMO_USCC_PATTERN, isValidUscc } from '../src/domain/uscc';
import {
  binPathOf,
  CHAINS_PATH,
  DEMO_BIN_PATH,
  DEMO_PATH,
  serializeDataset,
  sha256,
} from './generate-demo';
import { calibrate, type Calibration } from './generator/calibration';
import { generateDemo, parseChainsSource } from './generator/generate';

let text: string;
let demo: Dataset;
let cal: Calibration;

beforeAll(() => {
  text = readFileSync(DEMO_PATH, 'utf8');
  demo = DatasetSchema.parse(JSON.parse(text));
  cal = calibrate(demo);
});

describe('data/demo.v1.json', () => {
  it('is byte-identical to a fresh generation and matches its committed SHA-256', () => {
    const source = parseChainsSource(JSON.parse(readFileSync(CHAINS_PATH, 'utf8')));
    const fresh = serializeDataset(DatasetSchema.parse(generateDemo(source)));
    const committed = readFileSync(`${DEMO_PATH}.sha256`, 'utf8').split(/\s+/)[0];
    expect(sha256(fresh)).toBe(committed);
    expect(sha256(text)).toBe(committed);
  });

  it('keeps every dataset invariant (no errors)', () => {
    const errors = checkDatasetInvariants(demo).filter((v) => v.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('is labelled synthetic (§8.4)', () => {
    expect(demo.meta.isSynthetic).toBe(true);
    expect(demo.meta.kind).toBe('synthetic_demo');
    expect(demo.enterprises.every((e) => e.isSynthetic && e.nameZh.endsWith('（演示）'))).toBe(
      true,
    );
    expect(demo.banks.every((b) => b.isSynthetic && b.nameZh.endsWith('（示例）'))).toBe(true);
  });

  it('has eight chains, 52 cities, one policy per chain and A-tier city, one meeting per chain', () => {
    expect(demo.chains.map((c) => c.id).sort()).toEqual([
      'app',
      'cm',
      'ic',
      'nev',
      'pv',
      'rail',
      'robot',
      'tex',
    ]);
    expect(demo.cities).toHaveLength(52);
    const aTier = demo.chains.flatMap((c) => c.clusters.filter((cl) => cl.tier === 'A'));
    expect(demo.policies).toHaveLength(aTier.length);
    expect(demo.meetings).toHaveLength(8);
    expect(demo.batches.length).toBeGreaterThanOrEqual(8);
    expect(demo.batches.every((b) => b.items.length > 0 && b.items.length <= 12)).toBe(true);
  });
});

describe('data/demo.v1.bin', () => {
  it('is the columnar encoding of the demo and matches its committed SHA-256', () => {
    const bin = new Uint8Array(readFileSync(DEMO_BIN_PATH));
    const committed = readFileSync(`${DEMO_BIN_PATH}.sha256`, 'utf8').split(/\s+/)[0];
    expect(sha256(bin)).toBe(committed);
    expect(sha256(encodeDataset(demo))).toBe(committed);
  });

  it('decodes to exactly the JSON demo', () => {
    expect(decodeDataset(new Uint8Array(readFileSync(DEMO_BIN_PATH)))).toStrictEqual(demo);
  });

  it('binPathOf() puts the columnar file next to the JSON one', () => {
    expect(binPathOf('/tmp/demo-100k.json')).toBe('/tmp/demo-100k.bin');
    expect(binPathOf(DEMO_PATH)).toBe(DEMO_BIN_PATH);
  });
});

describe('§4.9 acceptance checks', () => {
  it('1,680 enterprises of which 90 chain leaders, exactly', () => {
    expect(cal.enterprises).toBe(1680);
    expect(cal.leaders).toBe(90);
  });

  it('SME share with ≥ 1 lender is 50–60%', () => {
    expect(cal.smeCoverage).toBeGreaterThanOrEqual(0.5);
    expect(cal.smeCoverage).toBeLessThanOrEqual(0.6);
  });

  it('coverage decreases strictly from medium to small to micro', () => {
    expect(cal.coverageBySize.medium).toBeGreaterThan(cal.coverageBySize.small);
    expect(cal.coverageBySize.small).toBeGreaterThan(cal.coverageBySize.micro);
  });

  it('aggregate SME gap ÷ need is 38–46%', () => {
    expect(cal.gapShare).toBeGreaterThanOrEqual(0.38);
    expect(cal.gapShare).toBeLessThanOrEqual(0.46);
  });

  it('line-weighted unsecured share of inclusive-sized lines is 27–33%', () => {
    expect(cal.creditShare).toBeGreaterThanOrEqual(0.27);
    expect(cal.creditShare).toBeLessThanOrEqual(0.33);
  });

  it('line-weighted average SME rate is LPR1Y + 30…70 bp', () => {
    expect(cal.avgRateSpreadBp).toBeGreaterThanOrEqual(30);
    expect(cal.avgRateSpreadBp).toBeLessThanOrEqual(70);
  });

  it("large state banks' share of lines ≤ 1,000 万元 is 35–50%", () => {
    expect(cal.largeStateShareSmallLines).toBeGreaterThanOrEqual(0.35);
    expect(cal.largeStateShareSmallLines).toBeLessThanOrEqual(0.5);
  });

  it('little giants are 7–10% of SMEs', () => {
    expect(cal.littleGiantShare).toBeGreaterThanOrEqual(0.07);
    expect(cal.littleGiantShare).toBeLessThanOrEqual(0.1);
  });

  it('roles among non-leaders: strengthen 12–20%, stabilise 10–20%, fill 4–8%, extend 5–10%', () => {
    expect(cal.roles.strengthen).toBeGreaterThanOrEqual(0.12);
    expect(cal.roles.strengthen).toBeLessThanOrEqual(0.2);
    expect(cal.roles.stabilize).toBeGreaterThanOrEqual(0.1);
    expect(cal.roles.stabilize).toBeLessThanOrEqual(0.2);
    expect(cal.roles.fill).toBeGreaterThanOrEqual(0.04);
    expect(cal.roles.fill).toBeLessThanOrEqual(0.08);
    expect(cal.roles.extend).toBeGreaterThanOrEqual(0.05);
    expect(cal.roles.extend).toBeLessThanOrEqual(0.1);
  });

  it('link × city groups include ≥ 1 blind spot and ≥ 10% uncovered', () => {
    expect(cal.blindSpots).toBeGreaterThanOrEqual(1);
    expect(cal.uncoveredShare).toBeGreaterThanOrEqual(0.1);
  });

  it('every USCC is valid, unique and has the demo prefix 91…DE', () => {
    const usccs = demo.enterprises.map((e) => e.uscc);
    expect(new Set(usccs).size).toBe(usccs.length);
    expect(usccs.filter((u) => !isValidUscc(u) || !DEMO_USCC_PATTERN.test(u))).toEqual([]);
  });
});
