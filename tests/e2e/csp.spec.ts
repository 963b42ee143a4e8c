import { expect, test } from './fixtures';

/** Records every CSP violation the page reports, from the first script on. */
const RECORD = `window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '') + ' @' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber);
});`;

test('the built app carries a strict CSP and works under it with no violation', async ({
  page,
}) => {
  await page.addInitScript(RECORD);
  await page.goto('./');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');
  await expect(page.getByTestId('chain-table')).toBeVisible();

  await page.locator('tr[data-chain="nev"] button.open').click();
  await expect(page.getByTestId('chain-graph')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  // On a laptop-sized window the detail panel (with the link list) starts folded.
  const toggle = page.getByTestId('panel-toggle');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await page.locator('[data-testid="link-list"] [data-link="nev.cell"]').first().click();
  await expect(page.getByTestId('link-panel')).toBeVisible();
  await page.getByTestId('overlay-select').locator('[data-overlay="role"]').click();
  await expect(page.getByTestId('map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });

  const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  expect(violations).toEqual([]);
});
