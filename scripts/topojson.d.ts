// The few functions scripts/build-basemap.ts uses. The @types packages are not installed: they
// hoist an @types/geojson that changes maplibre's feature types in the tests.
declare module 'topojson-server' {
  export function topology(objects: Record<string, unknown>, quantization?: number): object;
}
declare module 'topojson-simplify' {
  export function presimplify<T extends object>(topology: T): T;
  export function quantile(topology: object, p: number): number;
  export function simplify<T extends object>(topology: T, minWeight: number): T;
}
declare module 'topojson-client' {
  export function feature(topology: object, object: unknown): unknown;
}
