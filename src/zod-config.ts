import { z } from 'zod';

// zod 4 feature-detects `new Function` to compile faster parsers; under the app's CSP (no eval) the
// probe itself is a violation. Imported first by main.ts (and by workers) so no parse runs before it.
z.config({ jitless: true });
