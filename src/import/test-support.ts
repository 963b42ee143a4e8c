/**
 * Helpers for the import tests and the fixture script (Node only: reads files). Not used by the app.
 */
import { readFileSync } from 'node:fs';
import { DatasetSchema, type Dataset } from '../domain/schema';
import { orgCodeCheckChar, usccCheckChar } from '../domain/uscc';
import type { ImportReference } from './validate';

/** tests/fixtures/import/ */
export const FIXTURE_DIR = new URL('../../tests/fixtures/import/', import.meta.url);

let demo: Dataset | undefined;

/** The demo dataset, parsed once (the tests never mutate it; validate-tests check that). */
function demoDataset(): Dataset {
  demo ??= DatasetSchema.parse(
    JSON.parse(readFileSync(new URL('../../data/demo.v1.json', import.meta.url), 'utf8')),
  );
  return demo;
}

/**
 * The reference catalogue of the app: chains, links, cities and banks of data/demo.v1.json, in
 * fresh arrays.
 * @example loadDemoReference().cities.length // 52
 */
export function loadDemoReference(): ImportReference {
  const ds = demoDataset();
  return {
    chains: [...ds.chains],
    links: [...ds.links],
    cities: [...ds.cities],
    banks: [...ds.banks],
  };
}

/** The bytes of a fixture file. */
export const readFixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(name, FIXTURE_DIR)));

/**
 * An invented but valid USCC: `91` + region + an 8-character organisation body + its GB 11714
 * check + the GB 32100 check.
 * @example makeUscc('320412', 'MA1N2P3Q') // '91320412MA1N2P3Q' + 2 check characters
 */
export function makeUscc(region: string, body8: string): string {
  const first17 = `91${region}${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}

let gbkTable: Map<string, [number, number]> | undefined;

/**
 * Encodes text as GBK bytes (ASCII as is, other characters as their two-byte GBK code), by inverting
 * the platform's GBK decoder over every two-byte sequence. Throws for characters GBK lacks.
 * @example encodeGbk('常州') // Uint8Array [0xb3, 0xa3, 0xd6, 0xdd]
 */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch))
          gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = gbkTable.get(ch);
    if (!pair) throw new RangeError(`character not in GBK: ${ch}`);
    out.push(...pair);
  }
  return new Uint8Array(out);
}
