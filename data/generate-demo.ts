/**
 * npm run data:demo                      → data/demo.v1.json + data/demo.v1.json.sha256 and the
 *                                          columnar data/demo.v1.bin + data/demo.v1.bin.sha256 (committed)
 * npm run data:demo -- --enterprises 100000 --out /tmp/demo-100k.json   → a large benchmark dataset,
 *                                          also as /tmp/demo-100k.bin (columnar, src/data/columnar.ts)
 *
 * Deterministic (domain.md §8.1): running it twice gives byte-identical files.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeDataset } from '../src/data/columnar';
import { DatasetSchema } from '../src/domain/schema';
import { DEMO_ENTERPRISES, generateDemo, parseChainsSource } from './generator/generate';

export const DEMO_PATH = resolve(import.meta.dirname, 'demo.v1.json');
export const DEMO_BIN_PATH = resolve(import.meta.dirname, 'demo.v1.bin');
export const CHAINS_PATH = resolve(import.meta.dirname, 'chains.json');

/** The dataset as the committed file: compact JSON plus a trailing newline. */
export function serializeDataset(data: unknown): string {
  return `${JSON.stringify(data)}\n`;
}

export const sha256 = (data: string | Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

/**
 * The columnar twin of a JSON output path: same folder and name, `.bin` (every static server serves
 * it as application/octet-stream).
 * @example binPathOf('/tmp/demo-100k.json') // '/tmp/demo-100k.bin'
 */
export const binPathOf = (jsonPath: string): string => jsonPath.replace(/(\.json)?$/, '.bin');

function main() {
  const { values } = parseArgs({
    options: { enterprises: { type: 'string' }, out: { type: 'string' } },
  });
  const enterprises = values.enterprises ? Number(values.enterprises) : DEMO_ENTERPRISES;
  if (!Number.isInteger(enterprises) || enterprises < 100) {
    throw new Error(`--enterprises must be a whole number ≥ 100, got ${values.enterprises}`);
  }
  const out = values.out ? resolve(values.out) : DEMO_PATH;
  const started = performance.now();
  const source = parseChainsSource(JSON.parse(readFileSync(CHAINS_PATH, 'utf8')));
  const dataset = DatasetSchema.parse(generateDemo(source, { enterprises }));
  const text = serializeDataset(dataset);
  const hash = sha256(text);
  writeFileSync(out, text);
  writeFileSync(`${out}.sha256`, `${hash}  ${out === DEMO_PATH ? 'demo.v1.json' : out}\n`);
  const binOut = binPathOf(out);
  // Encoded from the JSON text, so the two files hold the same values (JSON writes -0 as 0).
  const bin = encodeDataset(DatasetSchema.parse(JSON.parse(text)));
  const binHash = sha256(bin);
  writeFileSync(binOut, bin);
  writeFileSync(`${binOut}.sha256`, `${binHash}  ${out === DEMO_PATH ? 'demo.v1.bin' : binOut}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${out}: ${dataset.enterprises.length} enterprises, ${dataset.banks.length} institutions, ` +
      `${dataset.creditRelations.length} credit relations, ${dataset.supplyEdges.length} supply edges, ` +
      `${(text.length / 1e6).toFixed(1)} MB, sha256 ${hash.slice(0, 12)}…, ${seconds} s; ` +
      `${binOut}: ${(bin.length / 1e6).toFixed(1)} MB, sha256 ${binHash.slice(0, 12)}…`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
