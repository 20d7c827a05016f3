import { expect, test } from './fixtures.ts';

test('the region overview lists every CoP of the demo region with its figures', async ({ app }, testInfo) => {
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Kilifi County');
  const rows = app.getByTestId('region-clusters').locator('tbody tr');
  await expect(rows).toHaveCount(16);
  await expect(app.getByTestId('region-clusters')).toContainText('Mtwapa');
  await app.screenshot({ path: testInfo.outputPath('region-overview.png') });
});

test('a cluster page shows schools, members, commitments and the trend chart', async ({ app }, testInfo) => {
  await app
    .getByTestId('region-clusters')
    .getByRole('link', { name: /Mtwapa/ })
    .click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Mtwapa');
  const chart = app.getByTestId('trend-chart');
  await expect(chart.locator('.recharts-line')).toHaveCount(3);
  await expect(app.getByRole('heading', { name: /Schools \(\d+\)/ })).toBeVisible();
  await expect(app.getByTestId('open-commitments')).toBeVisible();
  // Choosing another indicator redraws the chart from the store.
  await app.getByTestId('trend-indicator').selectOption('literacy_rate');
  await expect(chart.locator('.recharts-line')).toHaveCount(3);
  await app.screenshot({ path: testInfo.outputPath('cluster-page.png') });
});

test('the practice library searches and filters the real store', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Practices' }).click();
  const count = app.getByTestId('practice-count');
  await expect(count).toContainText(/\d+ practices/);
  const all = Number((await count.textContent())!.replace(/\D/g, ''));
  expect(all).toBeGreaterThanOrEqual(60);

  await app.getByTestId('practice-search').fill('radio');
  await expect(count).not.toHaveText(`${all} practices`);
  await expect(app.getByTestId('practice-results')).toContainText(/radio/i);
  const found = Number((await count.textContent())!.replace(/\D/g, ''));
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(all);
  await expect(app.getByTestId('practice-results').locator('mark').first()).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('practice-search.png') });

  // A word no practice holds is named and left out, rather than emptying the list.
  await app.getByTestId('practice-search').fill('radio kwxyzq');
  await expect(app.getByTestId('unknown-words')).toContainText('kwxyzq');
  await expect(count).toHaveText(`${found} practices`);
  await app.screenshot({ path: testInfo.outputPath('practice-search-unknown-word.png') });
  await app.getByTestId('practice-search').fill('radio');
  await expect(app.getByTestId('unknown-words')).toHaveCount(0);

  // A priority filter narrows further; opening a card shows its steps and evidence.
  await app.getByRole('button', { name: /Parent engagement/ }).click();
  await expect(count).not.toHaveText(`${found} practices`);
  await app.getByTestId('practice-results').locator('a').first().click();
  await expect(app.getByRole('heading', { name: 'Steps' })).toBeVisible();
  await expect(app.getByTestId('practice-evidence')).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('practice-detail.png') });
});

test('the UI speaks Kiswahili when chosen, and remembers it', async ({ app }) => {
  await app.getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Kiswahili' }).click();
  await expect(app.getByRole('link', { name: 'Mbinu' })).toBeVisible();
  await app.reload();
  await expect(app.getByRole('link', { name: 'Kanda' })).toBeVisible();
});

test('an empty store offers the demo region and opens it', async ({ page, serveAnother }) => {
  const empty = await serveAnother('empty', 'empty');
  await page.goto(empty.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Pamoja' })).toBeVisible();
  await page.getByRole('button', { name: 'Open the demo region' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kilifi County', { timeout: 60_000 });
});
