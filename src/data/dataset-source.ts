import type { z } from 'zod';
import { DatasetSchema, type Dataset } from '../domain/schema';

export type LoadErrorKind = 'fetch' | 'json' | 'schema';

/** What went wrong loading a dataset, with the failing paths for the error panel. */
export class DatasetLoadError extends Error {
  constructor(
    readonly kind: LoadErrorKind,
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'DatasetLoadError';
  }
}

const MAX_ISSUES = 20;

/** `enterprises.12.financingNeed` style path of a zod issue. */
const pathOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.') || '(root)';

/**
 * Parses untrusted JSON into a Dataset, or throws a DatasetLoadError listing the first issues.
 * @example parseDataset({}) // throws: schema error at meta: expected object …
 */
export function parseDataset(json: unknown): Dataset {
  const result = DatasetSchema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, MAX_ISSUES)
    .map((i) => ({ path: pathOf(i), message: i.message }));
  throw new DatasetLoadError(
    'schema',
    `dataset does not match the schema (${result.error.issues.length} issues)`,
    issues,
  );
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
 * Where a dataset comes from. Views never know: the demo file today, an IndexedDB import or an API
 * later (product.md “Beyond one machine”) only change the source.
 */
export interface DatasetSource {
  readonly id: string;
  load(): Promise<Dataset>;
  /**
   * Starts the download now, before it is known whether this source will be loaded (the app asks
   * the browser's store for the active dataset meanwhile); the next `load()` takes the response.
   */
  prefetch?(): void;
}

/** A dataset served as a static JSON file next to the app. */
export function createUrlSource(
  id: string,
  url: string,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
): DatasetSource {
  let early: Promise<Response> | null = null;
  return {
    id,
    prefetch() {
      early ??= fetchImpl(url);
      // Not reported here: load() fetches again after a failed early download.
      early.catch(() => {});
    },
    load() {
      const response = early;
      early = null;
      return fetchDataset(url, response ? () => response.catch(() => fetchImpl(url)) : fetchImpl);
    },
  };
}
