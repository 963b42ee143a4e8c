import { describe, expect, it } from 'vitest';
import { createDataset, createEnterprise } from '../analysis/test-fixtures';
import { DatasetLoadError, fetchDataset, parseDataset } from './dataset-source';

const response = (body: string, status = 200) =>
  Promise.resolve(new Response(body, { status, headers: { 'content-type': 'application/json' } }));

describe('parseDataset()', () => {
  it('accepts a valid dataset', () => {
    const ds = createDataset({ enterprises: [createEnterprise()] });
    expect(parseDataset(JSON.parse(JSON.stringify(ds))).enterprises).toHaveLength(1);
  });

  it('names the path and problem of a negative amount', () => {
    const ds = createDataset({ enterprises: [createEnterprise({ financingNeed: -5 })] });
    const err = (() => {
      try {
        parseDataset(JSON.parse(JSON.stringify(ds)));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DatasetLoadError);
    expect((err as DatasetLoadError).kind).toBe('schema');
    expect((err as DatasetLoadError).issues[0]?.path).toBe('enterprises.0.financingNeed');
  });
});

describe('fetchDataset()', () => {
  it('reports HTTP failures as fetch errors', async () => {
    await expect(fetchDataset('/x.json', () => response('nope', 404))).rejects.toMatchObject({
      kind: 'fetch',
    });
  });

  it('reports a truncated file as a JSON error', async () => {
    await expect(fetchDataset('/x.json', () => response('{"meta":'))).rejects.toMatchObject({
      kind: 'json',
    });
  });

  it('reports a well-formed but wrong document as a schema error', async () => {
    await expect(fetchDataset('/x.json', () => response('{"meta":{}}'))).rejects.toMatchObject({
      kind: 'schema',
    });
  });
});
