import { test as base, expect } from '@playwright/test';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Is this URL served by the machine itself (or inline data)? */
export function isLocalUrl(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return LOCAL_HOSTS.has(u.hostname);
}

/**
 * Every test records the requests the page makes and fails if any goes to another host:
 * the app must work with the network cable pulled.
 */
export const test = base.extend<{ foreignRequests: string[] }>({
  foreignRequests: [
    async ({ page }, use) => {
      const foreign: string[] = [];
      page.on('request', (req) => {
        if (!isLocalUrl(req.url())) foreign.push(req.url());
      });
      await use(foreign);
      expect(foreign, 'requests to non-local hosts').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
