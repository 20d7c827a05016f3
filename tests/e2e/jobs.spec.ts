import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures.ts';
import { expectAccessible } from './axe.ts';

const NOT_JOINED_YET = {
  en: 'a region this laptop has not joined yet',
  sw: 'eneo ambalo kompyuta hii bado haijajiunga nalo',
} as const;

const PASS = 'the long rains came early';
const MERGING = { en: 'Merging changes', sw: 'Inaunganisha mabadiliko' } as const;

test('a large import shows its progress advancing while the rest of the app keeps answering (EN and SW)', async ({
  page,
  serveAnother,
}, testInfo) => {
  test.setTimeout(300_000);
  const bundle = testInfo.outputPath('large.pamoja');
  execFileSync(process.execPath, ['tests/largeBundle.ts', bundle, '30000']);

  for (const lang of ['en', 'sw'] as const) {
    const laptop = await serveAnother('empty', `laptop-${lang}`);
    await page.addInitScript((l) => localStorage.setItem('pamoja.lang', l), lang);
    await page.goto(laptop.url);
    await page.evaluate(
      () => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/sync'),
    );
    await page.getByTestId('import-path-file').setInputFiles(bundle);
    // A laptop outside the region cannot read the bundle's names before it has the passphrase.
    await expect(page.getByTestId('bundle-header')).toContainText(NOT_JOINED_YET[lang]);
    await page.getByTestId('import-passphrase').fill(PASS);
    await page.getByTestId('import-go').click();

    const progress = page.getByTestId('job-progress');
    await expect(progress).toBeVisible();
    await expect(page.getByTestId('job-phase')).toHaveText(MERGING[lang], { timeout: 120_000 });
    const count = page.getByTestId('job-count');
    const first = (await count.textContent()) ?? '';
    await progress.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`import-progress-${lang}-1.png`) });
    await expectAccessible(page, `import progress ${lang}`, testInfo);
    // The count moves on: real progress, not a spinner.
    await expect(count).not.toHaveText(first, { timeout: 60_000 });
    await page.screenshot({ path: testInfo.outputPath(`import-progress-${lang}-2.png`) });

    // Meanwhile another window on the same laptop opens Settings: the server still answers.
    const other = await page.context().newPage();
    await other.goto(laptop.url);
    await other.evaluate(
      () => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/settings'),
    );
    await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(progress).toBeVisible(); // … and the import was still running
    await other.close();

    await expect(page.locator('.success').first()).toBeVisible({ timeout: 240_000 });
    await expect(page.getByTestId('sync-region')).toHaveText(/Kilifi/);
  }
});

test('an import can be cancelled while nothing is committed, and nothing changes', async ({
  page,
  serveAnother,
}, testInfo) => {
  test.setTimeout(300_000);
  const bundle = testInfo.outputPath('large.pamoja');
  execFileSync(process.execPath, ['tests/largeBundle.ts', bundle, '30000']);
  const laptop = await serveAnother('empty', 'laptop');
  await page.goto(laptop.url);
  await page.evaluate(
    () => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/sync'),
  );
  await page.getByTestId('import-path-file').setInputFiles(bundle);
  await page.getByTestId('import-passphrase').fill(PASS);
  await page.getByTestId('import-go').click();
  await expect(page.getByTestId('job-phase')).toHaveText(MERGING.en, { timeout: 120_000 });
  await page.getByTestId('job-cancel').click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled: nothing was changed.' })).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({ path: testInfo.outputPath('import-cancelled-en.png') });
  await expect(page.getByTestId('sync-region')).toHaveText('This laptop has not joined a region yet.');
});
