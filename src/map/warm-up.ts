/**
 * What a map needs before there is one, started early and shared: maplibre's worker, the map
 * configuration and the province file (fetched and checked once per page, by URL).
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { parseProvinceBasemap, type ProvinceBasemap } from './basemap';
import { sharedMapConfig } from './load-config';

/** Province files read (fetched and checked) once per page, by URL; a failure is not kept. */
const provinceFiles = new Map<string, Promise<ProvinceBasemap>>();

async function readProvinces(url: string): Promise<ProvinceBasemap> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const parsed = parseProvinceBasemap(await res.json());
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

/**
 * Starts what a map needs before there is one: maplibre's worker, the map configuration and the
 * province file. Called when a map view's code is loaded, so all of it runs while the dataset is
 * still being downloaded and parsed.
 */
export function warmUpMap(): void {
  if (warmed) return;
  warmed = true;
  setWorkerUrl(workerUrl);
  prewarm();
  void sharedMapConfig().then(({ config }) => {
    const url =
      config.basemap.type === 'geojson' ? config.basemap.url : config.basemap.provincesUrl;
    if (url) provinceFile(url).catch(() => {});
  });
}
