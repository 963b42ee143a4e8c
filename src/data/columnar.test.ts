import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemo, parseChainsSource } from '../../data/generator/generate';
import {
  createBank,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
  createSupplyEdge,
} from '../analysis/test-fixtures';
import { IsoDateSchema, WanSchema, type Dataset } from '../domain/schema';
import {
  COLUMNAR_MAGIC,
  COLUMNAR_VERSION,
  decodeDataset,
  encodeDataset,
  fastCheckOf,
  utf8Strings,
} from './columnar';
import { columnFromArray, utf8, type Column } from '@uwdata/flechette';
import { DatasetLoadError, parseDataset } from './dataset-source';

const DEMO_PATH = new URL('../../data/demo.v1.json', import.meta.url);
const CHAINS_PATH = new URL('../../data/chains.json', import.meta.url);

/** A small valid dataset touching every big table, with optional fields both set and absent. */
function createValidDataset(): Dataset {
  return createDataset({
    enterprises: [
      createEnterprise({ id: 'e1', nameEn: 'Demo One', needPurposes: ['rnd'], lat: 31.8 }),
      createEnterprise({
        id: 'e2',
        uscc: '91320400DE00000J9X',
        techBreakthrough: { kind: 'first_set' },
      }),
      createLeader({ extras: { note: '链主' } }),
    ],
    creditRelations: [
      createRelation({ startDate: '2025-01-02', tenorMonths: 12 }),
      createRelation({ id: 'r2', enterpriseId: 'e2', ratePct: 3.45 }),
    ],
    supplyEdges: [
      createSupplyEdge(),
      createSupplyEdge({ id: 's2', supplierId: 'e2', paymentTermDays: 90 }),
    ],
    banks: [createBank(), createBank({ id: 'b2', cityIds: ['a'] })],
    batches: [
      {
        id: 'bt1',
        bankId: 'b1',
        chainId: 't',
        createdAt: '2025-06-18',
        ruleVersion: 'batch-v1',
        items: [
          {
            enterpriseId: 'e1',
            rank: 1,
            score: 0.8,
            recommendedProducts: ['WC_LOAN'],
            reasonCodes: ['M-CAPEX'],
            gap: 700,
            status: 'pushed',
          },
        ],
      },
    ],
  });
}

/** What a function throws, or a failure when it returns. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

const summary = (err: unknown) =>
  err instanceof DatasetLoadError
    ? { kind: err.kind, message: err.message, issues: err.issues }
    : { kind: 'not a DatasetLoadError', message: String(err), issues: [] };

// Untyped access, so that a case can break the data the way a hostile or broken file would.
type LooseRow = Record<string, unknown>;
interface Loose {
  [table: string]: unknown;
  meta: LooseRow;
  cities: LooseRow[];
  enterprises: LooseRow[];
  banks: LooseRow[];
  creditRelations: LooseRow[];
  supplyEdges: LooseRow[];
  batches: LooseRow[];
  products?: unknown;
  offers?: unknown;
}
const BAD_VALUES: [string, (ds: Loose) => void][] = [
  ['a negative amount', (ds) => void (ds.enterprises[1]!.financingNeed = -5)],
  ['NaN', (ds) => void (ds.enterprises[0]!.revenue = NaN)],
  ['Infinity', (ds) => void (ds.supplyEdges[0]!.annualValue = Infinity)],
  ['an amount with 3 decimals', (ds) => void (ds.creditRelations[1]!.creditLine = 1.234)],
  ['a value outside an enum', (ds) => void (ds.enterprises[2]!.sizeClass = 'huge')],
  ['an empty id', (ds) => void (ds.creditRelations[0]!.id = '')],
  ['a date that does not exist', (ds) => void (ds.creditRelations[0]!.startDate = '2025-13-01')],
  ['a non-integer employee count', (ds) => void (ds.enterprises[0]!.employees = 12.5)],
  ['a share over 1', (ds) => void (ds.supplyEdges[1]!.shareOfSupplierSales = 1.2)],
  ['a percentage over 100', (ds) => void (ds.enterprises[0]!.rdIntensityPct = 101)],
  ['a tenor of 0 months (must be positive)', (ds) => void (ds.creditRelations[0]!.tenorMonths = 0)],
  ['a missing required field', (ds) => void delete ds.enterprises[1]!.nameZh],
  ['a number given as text', (ds) => void (ds.enterprises[0]!.employees = '100')],
  ['null in a required text field', (ds) => void (ds.banks[0]!.nameEn = null)],
  ['text where a boolean belongs', (ds) => void (ds.enterprises[2]!.isSynthetic = 'yes')],
  ['a non-finite optional coordinate', (ds) => void (ds.enterprises[0]!.lat = -Infinity)],
  ['a city code that is not 6 digits', (ds) => void (ds.cities[0]!.gbCode = '32040')],
  ['an empty list that needs one entry', (ds) => void (ds.enterprises[0]!.chainIds = [])],
  ['an unknown entry in an enum list', (ds) => void (ds.enterprises[0]!.needPurposes = ['bogus'])],
  [
    'a nested object of the wrong kind',
    (ds) => void (ds.enterprises[1]!.techBreakthrough = { kind: 'x' }),
  ],
  ['a bad value deep in a small table', (ds) => void (ds.batches[0]!.items = [{ rank: 0 }])],
  [
    'a number where an enterprise id belongs',
    (ds) => void (ds.creditRelations[1]!.enterpriseId = 5),
  ],
  ['a wrong literal in meta', (ds) => void (ds.meta.currency = 'USD')],
  ['a table that is not a list', (ds) => void (ds.offers = {})],
  ['a missing table', (ds) => void delete ds.products],
  ['a row that is not an object', (ds) => void (ds.enterprises[1] = null as unknown as LooseRow)],
  [
    'several bad values across tables, reported in zod’s order',
    (ds) => {
      ds.supplyEdges[0]!.buyerAlternatives = -1;
      ds.enterprises[2]!.employees = -3;
      ds.enterprises[0]!.srdiTier = 'giant';
      ds.enterprises[0]!.revenue = -1;
      ds.cities[0]!.lat = NaN;
    },
  ],
  [
    'more than 20 bad values (the first 20 listed, all counted)',
    (ds) => {
      ds.enterprises = Array.from({ length: 25 }, (_, i) => ({
        ...createEnterprise({ id: `e${i}` }),
        financingNeed: -i - 1,
      }));
    },
  ],
];

describe('decodeDataset() validation', () => {
  it.each(BAD_VALUES)('rejects %s with exactly the issues parseDataset gives', (_, breakIt) => {
    const ds = createValidDataset() as unknown as Loose;
    breakIt(ds);
    const fromJsonPath = summary(thrown(() => parseDataset(ds)));
    expect(fromJsonPath.kind).toBe('schema');
    const bytes = encodeDataset(ds as unknown as Dataset);
    expect(summary(thrown(() => decodeDataset(bytes)))).toEqual(fromJsonPath);
  });

  it('the >20 case lists 20 issues and counts 25, in row order', () => {
    const ds = createValidDataset() as unknown as Loose;
    BAD_VALUES.at(-1)?.[1](ds);
    const err = summary(thrown(() => decodeDataset(encodeDataset(ds as unknown as Dataset))));
    expect(err.message).toBe('dataset does not match the schema (25 issues)');
    expect(err.issues).toHaveLength(20);
    expect(err.issues[0]).toEqual({
      path: 'enterprises.0.financingNeed',
      message: 'Too small: expected number to be >=0',
    });
    expect(err.issues[19]?.path).toBe('enterprises.19.financingNeed');
  });

  it('fastCheckOf(WanSchema) accepts 12.34 and 0, rejects -1, 1.234, NaN and text', () => {
    const check = fastCheckOf(WanSchema);
    expect([12.34, 0, -1, 1.234, NaN, '5'].map((v) => check?.(v))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('fastCheckOf() leaves ISO dates to zod (no fast check)', () => {
    expect(fastCheckOf(IsoDateSchema)).toBeNull();
  });
});

describe('decodeDataset() on a damaged file', () => {
  const bytes = () => encodeDataset(createValidDataset());
  const formatMessage = (b: Uint8Array) => {
    const err = thrown(() => decodeDataset(b));
    expect(err).toBeInstanceOf(DatasetLoadError);
    expect((err as DatasetLoadError).kind).toBe('format');
    return (err as DatasetLoadError).message;
  };

  it('a truncated file names its length and the expected one', () => {
    const whole = bytes();
    expect(formatMessage(whole.subarray(0, whole.length - 100))).toBe(
      `columnar file: truncated or damaged (${whole.length - 100} bytes, expected ${whole.length})`,
    );
  });

  it('a file shorter than its preamble is truncated', () => {
    expect(formatMessage(new Uint8Array(4))).toBe('columnar file: truncated (4 bytes)');
  });

  it('a file with another magic is not ours (a JSON file, say)', () => {
    const json = new TextEncoder().encode('{"meta":{"schemaVersion":"1.0"}}');
    expect(formatMessage(json)).toBe(
      'columnar file: not a ChainAtlas dataset file (magic "{\\"meta\\":")',
    );
  });

  it('a file from a newer version asks for an update', () => {
    const b = bytes();
    new DataView(b.buffer, b.byteOffset).setUint32(8, COLUMNAR_VERSION + 1, true);
    expect(formatMessage(b)).toBe(
      `columnar file: format version ${COLUMNAR_VERSION + 1} is newer than this app reads (${COLUMNAR_VERSION}): update the app`,
    );
  });

  it('the file starts with the magic bytes and the version', () => {
    const b = bytes();
    expect(new TextDecoder().decode(b.subarray(0, 8))).toBe(COLUMNAR_MAGIC);
    expect(new DataView(b.buffer, b.byteOffset).getUint32(8, true)).toBe(1);
  });
});

describe('encodeDataset() → decodeDataset() round trip', () => {
  it('gives back a small dataset exactly, absent optional fields still absent', () => {
    const ds = createValidDataset();
    const before = JSON.stringify(ds);
    const back = decodeDataset(encodeDataset(ds));
    expect(JSON.stringify(ds)).toBe(before); // the input is not mutated
    expect(back).toStrictEqual(ds);
    expect(Object.keys(back.enterprises[1] ?? {})).not.toContain('nameEn');
    expect('lat' in (back.enterprises[1] ?? {})).toBe(false);
    expect(back.enterprises[0]?.lat).toBe(31.8);
  });

  it('rows that share a list get their own copy', () => {
    const back = decodeDataset(encodeDataset(createValidDataset()));
    const [a, b] = back.enterprises;
    expect(a?.chainIds).toEqual(b?.chainIds);
    expect(a?.chainIds).not.toBe(b?.chainIds);
  });

  it('an empty dataset (no rows anywhere) round-trips', () => {
    const ds = createDataset({ cities: [], chains: [], links: [], banks: [] });
    expect(decodeDataset(encodeDataset(ds))).toStrictEqual(ds);
  });

  it('reads a file handed over at an unaligned offset', () => {
    const b = encodeDataset(createValidDataset());
    const shifted = new Uint8Array(b.length + 3);
    shifted.set(b, 3);
    expect(decodeDataset(shifted.subarray(3))).toStrictEqual(createValidDataset());
  });

  it('is lossless on the demo: same objects and the same JSON text', () => {
    const text = readFileSync(DEMO_PATH, 'utf8');
    const demo = parseDataset(JSON.parse(text));
    const back = decodeDataset(encodeDataset(demo));
    expect(back).toStrictEqual(demo);
    expect(`${JSON.stringify(back)}\n`).toBe(text);
  });

  it('is lossless on a generated 10k dataset', { timeout: 120_000 }, () => {
    const source = parseChainsSource(JSON.parse(readFileSync(CHAINS_PATH, 'utf8')));
    const ds = parseDataset(generateDemo(source, { enterprises: 10_000 }));
    expect(ds.enterprises).toHaveLength(10_000);
    const back = decodeDataset(encodeDataset(ds));
    expect(back).toStrictEqual(ds);
    expect(JSON.stringify(back)).toBe(JSON.stringify(ds));
  });
});

describe('decodeDataset(bytes, { validate: false })', () => {
  it('reads a valid file to the same dataset as with validation (the demo)', () => {
    const bytes = encodeDataset(parseDataset(JSON.parse(readFileSync(DEMO_PATH, 'utf8'))));
    expect(decodeDataset(bytes, { validate: false })).toStrictEqual(decodeDataset(bytes));
  });

  it('gives rows that share a list their own copy, as with validation', () => {
    const back = decodeDataset(encodeDataset(createValidDataset()), { validate: false });
    const [a, b] = back.enterprises;
    expect(a?.chainIds).toEqual(b?.chainIds);
    expect(a?.chainIds).not.toBe(b?.chainIds);
  });

  it('does not check values (the worker has), but still refuses a damaged file', () => {
    const ds = createValidDataset();
    const bad = { ...ds, enterprises: [{ ...ds.enterprises[0]!, financingNeed: -5 }] };
    const bytes = encodeDataset(bad as Dataset);
    expect(() => decodeDataset(bytes)).toThrow(DatasetLoadError);
    expect(decodeDataset(bytes, { validate: false }).enterprises[0]?.financingNeed).toBe(-5);
    expect(() => decodeDataset(bytes.subarray(0, 40), { validate: false })).toThrow('truncated');
  });
});

describe('utf8Strings()', () => {
  // ASCII, CJK (3 bytes a character), an emoji (4 bytes, two UTF-16 units), empty, null.
  const values = [
    'nev.cell',
    '常州锂源新材料',
    'a😀b',
    '',
    null,
    '示例·常州·隔膜企业017（演示）',
    'z',
  ];

  it('reads every value of a UTF-8 column as the value-by-value reader does, batch by batch', () => {
    const column = columnFromArray(values, utf8(), { maxBatchRows: 3 });
    expect(column.data.length).toBe(3);
    expect(utf8Strings(column)).toEqual(values);
    expect(utf8Strings(column)).toEqual(column.toArray());
    const ascii = columnFromArray(['a', 'bc', '', 'def'], utf8());
    expect(utf8Strings(ascii)).toEqual(['a', 'bc', '', 'def']);
  });

  it('gives up (null) on bytes that are not UTF-8, so the reader decodes them one by one', () => {
    // "中" is E4 B8 AD: as one text the bytes are valid, but the first value ends inside the
    // character and the second starts with its last byte.
    const damaged = {
      length: 2,
      data: [
        {
          length: 2,
          nullCount: 0,
          validity: null,
          offsets: Int32Array.from([0, 2, 3]),
          values: Uint8Array.from([0xe4, 0xb8, 0xad]),
        },
      ],
    } as unknown as Column<unknown>;
    // A continuation byte with no lead: not UTF-8 at all.
    const lone = {
      length: 1,
      data: [
        {
          length: 1,
          nullCount: 0,
          validity: null,
          offsets: Int32Array.from([0, 2]),
          values: Uint8Array.from([0x80, 0x41]),
        },
      ],
    } as unknown as Column<unknown>;
    expect(utf8Strings(lone)).toBeNull();
    expect(utf8Strings(damaged)).toBeNull();
  });
});
