/**
 * npm run data:demo                      → data/demo.v1.json + data/demo.v1.json.sha256 (committed)
 * npm run data:demo -- --enterprises 100000 --out /tmp/demo-100k.json   → a large benchmark dataset
 *
 * Deterministic (domain.md §8.1): running it twice gives byte-identical files.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetSchema } from '../src/domain/schema';
import { DEMO_ENTERPRISES, generateDemo, parseChainsSource } from './generator/generate';

export const DEMO_PATH = resolve(import.meta.dirname, 'demo.v1.json');
export const CHAINS_PATH = resolve(import.meta.dirname, 'chains.json');

/** The dataset as the committed file: compact JSON plus a trailing newline. */
export function serializeDataset(data: unknown): string {
  return `${JSON.stringify(data)}\n`;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

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
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `${out}: ${dataset.enterprises.length} enterprises, ${dataset.banks.length} institutions, ` +
      `${dataset.creditRelations.length} credit relations, ${dataset.supplyEdges.length} supply edges, ` +
      `${(text.length / 1e6).toFixed(1)} MB, sha256 ${hash.slice(0, 12)}…, ${seconds} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
