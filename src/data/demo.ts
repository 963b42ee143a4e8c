import demoUrl from '../../data/demo.v1.bin?url';
import { createUrlSource, type DatasetSource } from './dataset-source';

/**
 * The bundled synthetic demo, fetched as a hashed static asset: the columnar data/demo.v1.bin
 * (written with data/demo.v1.json by the generator), validated and analysed in the worker.
 */
export const demoSource: DatasetSource = createUrlSource('demo-v1', demoUrl);
