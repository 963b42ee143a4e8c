/**
 * What a map needs before there is one, started early and shared: maplibre's worker, the map
 * configuration, the province file (fetched and checked once per page, by URL) and the handler
 * that fails every request the gate refused (request-gate.ts).
 *
 * The worker file is imported with `?url`; vite.config.ts emits it as `.js`, not `.mjs`, so that
 * any static server sends it with a JavaScript type.
 */
import {
  addProtocol,
  clearPrewarmedResources,
  getGlobalDispatcher,
  prewarm,
  setWorkerUrl,
  type ErrorEvent,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { parseProvinceBasemap, type ProvinceBasemap } from './basemap';
import { sharedMapConfig } from './load-config';
import { BLOCKED_PROTOCOL, refuseBlockedRequest } from './request-gate';

/** Province files read (fetched and checked) once per page, by URL; a failure is not kept. */
const provinceFiles = new Map<string, Promise<ProvinceBasemap>>();

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reads a province file; every failure names the file first (`<url>: why`). */
async function readProvinces(url: string): Promise<ProvinceBasemap> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`${url}: ${message(e)}`, { cause: e });
  }
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  let raw: unknown;
  try {
    raw = await res.json();
  } catch (e) {
    throw new Error(`${url}: not valid JSON (${message(e)})`, { cause: e });
  }
  const parsed = parseProvinceBasemap(raw);
  if (parsed.error !== null) throw new Error(`${url}: ${parsed.error}`);
  return parsed.basemap;
}

export function provinceFile(url: string): Promise<ProvinceBasemap> {
  let file = provinceFiles.get(url);
  if (!file) {
    file = readProvinces(url);
    provinceFiles.set(url, file);
    file.catch(() => provinceFiles.delete(url));
  }
  return file;
}

let warmed = false;

/** Why maplibre's shared workers failed to start (their script did not load), or null. */
let workerError: string | null = null;
const workerErrorListeners = new Set<(message: string) => void>();

/**
 * Calls `listener` when maplibre's workers fail to start, at once if they already have.
 * maplibre reports it on its global dispatcher only, often before any map exists.
 * @returns the unsubscribe function
 */
export function onMapWorkerError(listener: (message: string) => void): () => void {
  if (workerError !== null) listener(workerError);
  workerErrorListeners.add(listener);
  return () => workerErrorListeners.delete(listener);
}

function reportWorkerError(e: ErrorEvent): void {
  workerError = e.error instanceof Error ? e.error.message : String(e.error);
  for (const listener of workerErrorListeners) listener(workerError);
}

/**
 * Starts what a map needs before there is one: maplibre's worker, the map configuration and the
 * province file. Called when a map view's code is loaded, so all of it runs while the dataset is
 * still being downloaded and parsed.
 */
export function warmUpMap(): void {
  if (warmed) return;
  warmed = true;
  addProtocol(BLOCKED_PROTOCOL, refuseBlockedRequest);
  // Listening before the workers start: a worker whose script fails to load is reported once.
  getGlobalDispatcher().on('error', reportWorkerError);
  setWorkerUrl(workerUrl);
  prewarm();
  void sharedMapConfig().then(({ config }) => {
    const url =
      config.basemap.type === 'geojson' ? config.basemap.url : config.basemap.provincesUrl;
    if (url) provinceFile(url).catch(() => {});
  });
}

/**
 * Replaces maplibre's shared workers (for a retry after they failed to load). Call when no map is
 * on the page: the pool is only dropped once the last map using it has been removed.
 */
export function restartMapWorkers(): void {
  warmUpMap();
  workerError = null;
  clearPrewarmedResources();
  setWorkerUrl(workerUrl);
  prewarm();
}
