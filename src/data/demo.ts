import demoUrl from '../../data/demo.v1.json?url';
import { createUrlSource, type DatasetSource } from './dataset-source';

/** The bundled synthetic demo (data/demo.v1.json), fetched as a hashed static asset. */
export const demoSource: DatasetSource = createUrlSource('demo-v1', demoUrl);
