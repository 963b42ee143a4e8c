import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../domain/uscc';
import { benchUscc, makeLargeEnterprisesCsv } from './make-large-csv';
import { readCsv } from './read';
import { loadDemoReference } from './test-support';
import { validateWorkbook } from './validate';

const reference = loadDemoReference();
const NOW = '2025-06-30';

describe('benchUscc()', () => {
  it('builds valid, distinct codes', () => {
    const codes = [0, 1, 30, 31, 887_503_680].map((n) => benchUscc('320400', n));
    expect(codes.every(isValidUscc)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes[0]?.slice(0, 16)).toBe('91320400BM000000');
  });
});

describe('makeLargeEnterprisesCsv()', () => {
  it('is deterministic', () => {
    expect(makeLargeEnterprisesCsv(50, reference)).toBe(makeLargeEnterprisesCsv(50, reference));
  });

  it('makes 1,000 rows that validate with 0 errors', async () => {
    const { rows } = await readCsv(
      new TextEncoder().encode(makeLargeEnterprisesCsv(1000, reference)),
    );
    expect(rows).toHaveLength(1001);
    const r = validateWorkbook({ enterprises: rows }, reference, { now: NOW });
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(r.summary.enterprises).toEqual({
      rows: 1000,
      imported: 1000,
      rejected: 0,
      withWarnings: 0,
      emptySkipped: 0,
    });
    expect(r.supplyEdges.length).toBeGreaterThan(300); // every third row from row 8 on names a customer
  });

  // Performance sanity, not a timing assertion: 20,000 rows must go through in a test's time budget,
  // which a quadratic step (per-row scans of all rows) would not.
  it('validates 20,000 rows', async () => {
    const { rows } = await readCsv(
      new TextEncoder().encode(makeLargeEnterprisesCsv(20_000, reference)),
    );
    const r = validateWorkbook({ enterprises: rows }, reference, { now: NOW });
    expect(r.summary.enterprises.imported).toBe(20_000);
    expect(r.enterprises).toHaveLength(20_000);
  });
});
