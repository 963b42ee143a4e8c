import { DatasetSchema, type Dataset } from '../domain/schema';
import { decodeDataset } from './columnar';
import { DatasetLoadError, toSchemaError } from './load-error';

export { DatasetLoadError, type LoadErrorKind, type LoadIssue } from './load-error';

/**
 * Parses untrusted JSON into a Dataset, or throws a DatasetLoadError listing the first issues.
 * @example parseDataset({}) // throws: schema error at meta: expected object …
 */
export function parseDataset(json: unknown): Dataset {
  const result = DatasetSchema.safeParse(json);
  if (result.success) return result.data;
  throw toSchemaError(result.error.issues);
}

/** Fetches and parses a dataset file; every failure becomes a DatasetLoadError. */
export async function fetchDataset(url: string, fetchImpl: typeof fetch = fetch): Promise<Dataset> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (err) {
    throw new DatasetLoadError('fetch', `${url}: ${String(err)}`);
  }
  if (!response.ok) throw new DatasetLoadError('fetch', `${url}: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch (err) {
    throw new DatasetLoadError('json', `${url}: ${String(err)}`);
  }
  return parseDataset(json);
}

/**
 * Fetches a columnar dataset file (`.bin`, columnar.ts) and validates it column by column; every
 * failure becomes a DatasetLoadError: 'fetch', 'format' (damaged, truncated, not ours, newer) or
 * 'schema' (the same issues parseDataset would list).
 * @example await fetchColumnarDataset('/assets/demo.v1.bin') // Dataset
 */
export async function fetchColumnarDataset(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Dataset> {
  return decodeDataset(await fetchColumnarBytes(url, fetchImpl));
}

/** The bytes of a columnar file, not yet read; a failed download is a DatasetLoadError('fetch'). */
export async function fetchColumnarBytes(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Uint8Array> {
  try {
    const response = await fetchImpl(url);
    if (!response.ok) throw new DatasetLoadError('fetch', `${url}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch (err) {
    if (err instanceof DatasetLoadError) throw err;
    throw new DatasetLoadError('fetch', `${url}: ${String(err)}`);
  }
}

/** `.bin` files are columnar (columnar.ts), anything else JSON. Query and hash are ignored. */
export const isColumnarUrl = (url: string): boolean => /\.bin(?:[?#]|$)/.test(url);

/**
 * Where a dataset comes from. Views never know: the demo file today, an IndexedDB import or an API
 * later (product.md “Beyond one machine”) only change the source.
 */
export interface DatasetSource {
  readonly id: string;
  load(): Promise<Dataset>;
  /**
   * The source's columnar file (columnar.ts), not yet validated, when it has one: the app then
   * validates and analyses it in a worker and reads it on the page without copying objects
   * (analysis-client.ts). A server-backed source can later stream the same bytes.
   */
  loadBytes?(): Promise<Uint8Array>;
  /**
   * The URL of that columnar file when it is a plain file on the app's own server: the analysis
   * worker then downloads it itself (analysis-client.ts), so that neither the download nor the
   * analysis waits for the page's thread, busy loading the first view's code.
   */
  readonly columnarUrl?: string;
  /**
   * Starts the download now, before it is known whether this source will be loaded (the app asks
   * the browser's store for the active dataset meanwhile); the next `load()` takes the response.
   */
  prefetch?(): void;
}

/** A dataset served as a static file next to the app: columnar when the URL ends in `.bin`, else JSON. */
export function createUrlSource(
  id: string,
  url: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): DatasetSource {
  let early: Promise<Response> | null = null;
  /** The early response once (a second load fetches again); a failed early download is retried. */
  const takeFetch = (): typeof fetch => {
    const response = early;
    early = null;
    return response ? () => response.catch(() => fetchImpl(url)) : fetchImpl;
  };
  return {
    id,
    prefetch() {
      early ??= fetchImpl(url);
      // Not reported here: load() fetches again after a failed early download.
      early.catch(() => {});
    },
    load() {
      const fetchOnce = takeFetch();
      return isColumnarUrl(url)
        ? fetchColumnarDataset(url, fetchOnce)
        : fetchDataset(url, fetchOnce);
    },
    ...(isColumnarUrl(url)
      ? { loadBytes: () => fetchColumnarBytes(url, takeFetch()), columnarUrl: url }
      : {}),
  };
}
