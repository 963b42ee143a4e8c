import { describe, expect, it } from 'vitest';
import { createDataset, createEnterprise } from '../analysis/test-fixtures';
import { encodeDataset } from './columnar';
import {
  createUrlSource,
  DatasetLoadError,
  fetchColumnarDataset,
  fetchDataset,
  isColumnarUrl,
  parseDataset,
} from './dataset-source';

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

describe('createUrlSource()', () => {
  const good = JSON.stringify(createDataset({ enterprises: [createEnterprise()] }));

  it('a prefetch downloads once; the next load takes that response, a later load fetches anew', async () => {
    const calls: string[] = [];
    const source = createUrlSource('x', '/x.json', (url) => {
      calls.push(String(url));
      return Promise.resolve(response(good));
    });
    source.prefetch?.();
    expect(calls).toEqual(['/x.json']);
    const first = await source.load();
    expect(first.enterprises).toHaveLength(1);
    expect(calls).toHaveLength(1);
    await source.load();
    expect(calls).toHaveLength(2);
  });

  it('after a failed prefetch, load downloads again', async () => {
    let n = 0;
    const source = createUrlSource('x', '/x.json', () =>
      ++n === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(response(good)),
    );
    source.prefetch?.();
    const data = await source.load();
    expect(data.enterprises).toHaveLength(1);
    expect(n).toBe(2);
  });
});

const binary = (bytes: Uint8Array<ArrayBuffer>, status = 200) =>
  Promise.resolve(
    new Response(bytes, { status, headers: { 'content-type': 'application/octet-stream' } }),
  );

describe('fetchColumnarDataset()', () => {
  const good = () => encodeDataset(createDataset({ enterprises: [createEnterprise()] }));

  it('reads a columnar file', async () => {
    const ds = await fetchColumnarDataset('/x.bin', () => binary(good()));
    expect(ds.enterprises.map((e) => e.id)).toEqual(['e1']);
  });

  it('reports HTTP failures and network errors as fetch errors', async () => {
    await expect(fetchColumnarDataset('/x.bin', () => binary(good(), 404))).rejects.toMatchObject({
      kind: 'fetch',
      message: '/x.bin: HTTP 404',
    });
    await expect(
      fetchColumnarDataset('/x.bin', () => Promise.reject(new Error('offline'))),
    ).rejects.toMatchObject({ kind: 'fetch', message: '/x.bin: Error: offline' });
  });

  it('reports a truncated file as a format error', async () => {
    const bytes = good();
    await expect(
      fetchColumnarDataset('/x.bin', () => binary(bytes.subarray(0, 40))),
    ).rejects.toMatchObject({ kind: 'format' });
  });

  it('reports bad data as a schema error naming table, row and field', async () => {
    const bytes = encodeDataset(
      createDataset({ enterprises: [createEnterprise(), createEnterprise({ financingNeed: -5 })] }),
    );
    await expect(fetchColumnarDataset('/x.bin', () => binary(bytes))).rejects.toMatchObject({
      kind: 'schema',
      issues: [
        { path: 'enterprises.1.financingNeed', message: 'Too small: expected number to be >=0' },
      ],
    });
  });
});

describe('isColumnarUrl()', () => {
  it.each([
    ['/assets/demo.v1-3f2a.bin', true],
    ['/assets/demo.v1.bin?v=2', true],
    ['/assets/demo.v1.json', false],
    ['/assets/demo.bin.json', false],
  ])('isColumnarUrl(%s) is %s', (url, expected) => {
    expect(isColumnarUrl(url)).toBe(expected);
  });
});

describe('createUrlSource() on a .bin URL', () => {
  it('loads the columnar file, prefetched or not', async () => {
    const bytes = encodeDataset(createDataset({ enterprises: [createEnterprise()] }));
    let calls = 0;
    const source = createUrlSource('x', '/x.bin', () => {
      calls++;
      return binary(bytes);
    });
    source.prefetch?.();
    expect((await source.load()).enterprises).toHaveLength(1);
    expect((await source.load()).enterprises).toHaveLength(1);
    expect(calls).toBe(2);
  });
});
