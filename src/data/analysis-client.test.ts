import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../analysis/analyze';
import { DatasetSchema, type Dataset } from '../domain/schema';
import { analyseColumnar, analyseColumnarUrl } from './analysis-client';
import { encodeDataset } from './columnar';
import { DatasetLoadError } from './load-error';

// Node has no Worker: these run the page's fallback (everything on this thread). The worker path
// itself runs in the browser tests (load-order.spec.ts, overview.spec.ts).
const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));

describe('analyseColumnar()', () => {
  it('analyseColumnar() gives the analysis of the file’s dataset', async () => {
    const analysis = await analyseColumnar(encodeDataset(demo));
    expect(analysis.index.dataset).toStrictEqual(demo);
    expect(analysis.byEnterprise).toEqual(analyzeDataset(demo).byEnterprise);
  });

  it('analyseColumnar() rejects an invalid file with the schema error naming the value', async () => {
    const bad = structuredClone(demo) as Dataset;
    bad.enterprises[3]!.financingNeed = -50;
    const err = await analyseColumnar(encodeDataset(bad)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetLoadError);
    expect((err as DatasetLoadError).kind).toBe('schema');
    expect((err as DatasetLoadError).issues[0]?.path).toBe('enterprises.3.financingNeed');
  });

  it('analyseColumnarUrl() without a worker downloads the file on the page and analyses it', async () => {
    let downloads = 0;
    const analysis = await analyseColumnarUrl('demo.v1.bin', async () => {
      downloads++;
      return encodeDataset(demo);
    });
    expect(downloads).toBe(1);
    expect(analysis.index.dataset).toStrictEqual(demo);
    expect(analysis.byEnterprise).toEqual(analyzeDataset(demo).byEnterprise);
  });

  it('analyseColumnarUrl() passes a failed download on as it came', async () => {
    const failed = new DatasetLoadError('fetch', 'demo.v1.bin: HTTP 404');
    const err = await analyseColumnarUrl('demo.v1.bin', () => Promise.reject(failed)).catch(
      (e: unknown) => e,
    );
    expect(err).toBe(failed);
  });
});
