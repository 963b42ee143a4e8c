import { expect, test } from './fixtures';

test('a view whose code fails to load shows an error and a retry there; the other views keep working', async ({
  page,
}) => {
  // The Coverage view's code cannot be fetched, as on a dropped connection, until `down` is false.
  let down = true;
  let failures = 0;
  await page.route('**/assets/Coverage-*.js', async (route) => {
    if (!down) return route.continue();
    failures++;
    await route.fulfill({ status: 503, body: 'unavailable' });
  });
  await page.goto('./');
  await expect(page.getByTestId('chain-table')).toBeVisible();

  await page.getByTestId('nav').locator('[data-view="coverage"]').click();
  const error = page.getByTestId('view-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('此视图出错');
  await expect(error).toContainText('This view failed');

  // The rest of the app still works: the header, the navigation and the other views.
  await page.getByTestId('nav').locator('[data-view="overview"]').click();
  await expect(page.getByTestId('chain-table')).toBeVisible();
  await page.getByTestId('nav').locator('[data-view="meeting"]').click();
  await expect(page.getByTestId('view-meeting')).toBeVisible();

  // Back to the failed view while the server is still down: the error again, not a blank page.
  await page.getByTestId('nav').locator('[data-view="coverage"]').click();
  await expect(error).toBeVisible();
  // The connection is back: retry loads the view.
  down = false;
  await error.getByRole('button').click();
  await expect(page.getByTestId('view-coverage')).toBeVisible();
  expect(failures).toBeGreaterThanOrEqual(1);
});
