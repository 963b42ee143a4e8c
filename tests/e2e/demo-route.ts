import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { encodeDataset } from '../../src/data/columnar';
import type { Dataset } from '../../src/domain/schema';

/** The demo file the app downloads: the columnar data/demo.v1.bin under its hashed name. */
export const DEMO_FILE = '**/demo.v1-*.bin';

/**
 * Serves the demo with `edit` applied, written as the app's columnar file (not validated, so a
 * test can serve bad data).
 */
export async function routeEditedDemo(
  page: Page,
  edit: (data: { enterprises: Record<string, unknown>[] } & Record<string, unknown>) => void,
): Promise<void> {
  const data = JSON.parse(readFileSync('data/demo.v1.json', 'utf8'));
  edit(data);
  const body = Buffer.from(encodeDataset(data as Dataset));
  await page.route(DEMO_FILE, (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body }),
  );
}
