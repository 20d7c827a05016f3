import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

const NOT_JOINED_YET = {
  en: 'a region this laptop has not joined yet',
  sw: 'eneo ambalo kompyuta hii bado haijajiunga nalo',
} as const;

const PASS = 'mvua ya masika 2026';

async function openSync(page: Page, url: string, lang: 'en' | 'sw' = 'en'): Promise<void> {
  await page.goto(url);
  await page.evaluate((l) => {
    const g = globalThis as unknown as { localStorage: Storage; location: { hash: string } };
    g.localStorage.setItem('pamoja.lang', l);
    g.location.hash = '#/sync';
  }, lang);
  await page.reload();
  await expect(page.getByTestId('sync-screen')).toBeVisible();
}

async function join_(page: Page): Promise<void> {
  await page.getByTestId('join-passphrase').fill(PASS);
  await page.getByTestId('join-start').click();
  await expect(page.getByTestId('sync-not-joined')).toHaveCount(0);
}

test('a laptop that has not joined a region is told so first, in English and Kiswahili', async ({
  page,
  serveAnother,
}, testInfo) => {
  // Two languages, axe checks and (some) two laptops: slow on a busy 2-core machine.
  test.slow();
  const empty = await serveAnother('empty', 'new-laptop');
  for (const lang of ['en', 'sw'] as const) {
    await openSync(page, empty.url, lang);
    const notice = page.getByTestId('sync-not-joined');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(
      lang === 'en' ? 'has not joined a region yet' : 'bado haijajiunga na kanda',
    );
    // Before anything else on the screen: right under the heading.
    const cards = page.getByTestId('sync-screen').locator(':scope > .card');
    await expect(cards.first()).toHaveAttribute('data-testid', 'sync-not-joined');
    await page.screenshot({ path: testInfo.outputPath(`sync-not-joined-${lang}.png`), fullPage: true });
    await expectAccessible(page, `sync not joined ${lang}`, testInfo);
  }
});

test('syncing to a missing folder creates nothing and asks whether the stick is plugged in', async ({
  app,
  served,
}, testInfo) => {
  // Two languages, axe checks and (some) two laptops: slow on a busy 2-core machine.
  test.slow();
  await openSync(app, served.url);
  await join_(app);
  const missing = testInfo.outputPath('KINGSTON');
  for (const lang of ['en', 'sw'] as const) {
    if (lang === 'sw') await openSync(app, served.url, 'sw');
    await app.getByTestId('sync-folder').fill(missing);
    await app.getByTestId('sync-now').click();
    const alert = app.getByRole('alert').filter({ hasText: missing });
    await expect(alert).toContainText(
      lang === 'en' ? 'Is the USB stick plugged in?' : 'Je, USB imechomekwa?',
    );
    await alert.scrollIntoViewIfNeeded();
    await app.screenshot({ path: testInfo.outputPath(`sync-missing-folder-${lang}.png`) });
    await expectAccessible(app, `sync missing folder ${lang}`, testInfo);
  }
  expect(existsSync(missing)).toBe(false);
  // The page says which folders this server may use.
  await expect(app.getByTestId('sync-folder-allowed')).toContainText(testInfo.outputPath());
});

test('a folder outside the allowed ones is refused in the browser, with the way to allow it', async ({
  app,
  served,
}) => {
  // Two languages, axe checks and (some) two laptops: slow on a busy 2-core machine.
  test.slow();
  await openSync(app, served.url);
  await join_(app);
  await app.getByTestId('sync-folder').fill('/tmp');
  await app.getByTestId('sync-now').click();
  await expect(app.getByRole('alert').filter({ hasText: '/tmp' })).toContainText('--allow');
  expect(existsSync('/tmp/PamojaSync-never')).toBe(false);
});

test('the browser picks a bundle file, shows what it is and takes it; a missing one is named', async ({
  app,
  served,
  serveAnother,
}, testInfo) => {
  // Two languages, axe checks and (some) two laptops: slow on a busy 2-core machine.
  test.slow();
  await openSync(app, served.url);
  await join_(app);
  const bundle = testInfo.outputPath('whole-region.pamoja');
  // The CLI opens the store's sealed keys with the region passphrase.
  execFileSync(process.execPath, ['bin/pamoja.js', 'export', '--db', served.db, '--out', bundle, '--full'], {
    env: { ...process.env, PAMOJA_PASSPHRASE: PASS },
  });

  const b = await serveAnother('empty', 'laptop-b');
  const pageB = await app.context().newPage();
  for (const lang of ['en', 'sw'] as const) {
    await openSync(pageB, b.url, lang);
    await pageB.getByTestId('import-path-file').setInputFiles(bundle);
    await expect(pageB.getByTestId('import-path')).toHaveValue('whole-region.pamoja');
    // A laptop outside the region cannot read the bundle's names before it has the passphrase.
    await expect(pageB.getByTestId('bundle-header')).toContainText(NOT_JOINED_YET[lang]);
    await expect(pageB.getByTestId('bundle-header')).toContainText(
      lang === 'sw' ? 'Kifurushi kamili cha' : 'full bundle of',
    );
    await pageB.getByTestId('import-go').scrollIntoViewIfNeeded();
    await pageB.screenshot({ path: testInfo.outputPath(`sync-picked-bundle-${lang}.png`) });
    await expectAccessible(pageB, `sync picked bundle ${lang}`, testInfo);
  }
  await openSync(pageB, b.url);
  await pageB.getByTestId('import-path-file').setInputFiles(bundle);
  await expect(pageB.getByTestId('bundle-header')).toContainText(NOT_JOINED_YET.en);
  await pageB.getByTestId('import-passphrase').fill(PASS);
  await pageB.getByTestId('import-go').click();
  await expect(pageB.getByTestId('sync-region')).toHaveText(/Kilifi/);

  // A bundle opened by address that is no longer there gets its own message, not an error page.
  const gone = testInfo.outputPath('from-amina.pamoja');
  await pageB.evaluate(
    (path) =>
      ((globalThis as unknown as { location: { hash: string } }).location.hash =
        `#/sync?open=${encodeURIComponent(path)}`),
    gone,
  );
  await expect(pageB.getByTestId('bundle-unreadable')).toContainText(`There is no bundle at ${gone}`);
  await pageB.getByTestId('bundle-unreadable').scrollIntoViewIfNeeded();
  await pageB.screenshot({ path: testInfo.outputPath('sync-missing-bundle-en.png') });
});

test('the browser downloads the bundle it wrote to the default bundles folder', async ({
  app,
  served,
}, testInfo) => {
  // Two languages, axe checks and (some) two laptops: slow on a busy 2-core machine.
  test.slow();
  await openSync(app, served.url);
  await join_(app);
  await expect(app.getByTestId('export-path')).toContainText(join(testInfo.outputPath('store'), 'bundles'));
  await app.getByTestId('export-kind').selectOption('full');
  await app.getByTestId('export-go').click();
  const download = app.waitForEvent('download');
  await app.getByTestId('written-file').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^pamoja-full-.*\.pamoja$/);
  const saved = testInfo.outputPath('downloaded.pamoja');
  await file.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 4).toString('latin1')).toBe('\x89PMJ');
  await app.screenshot({ path: testInfo.outputPath('sync-download-en.png') });
  await expectAccessible(app, 'sync written bundle', testInfo);
});

test('a file that is not a bundle is refused in the coach’s language', async ({ app, served }, testInfo) => {
  const notes = testInfo.outputPath('meeting-notes.pamoja');
  writeFileSync(notes, 'Notes from the Ganze CoP meeting, not a bundle at all.\n');
  const refused = {
    en: 'This file is not a Pamoja bundle.',
    sw: 'Faili hii si kifurushi cha Pamoja.',
  } as const;
  for (const lang of ['en', 'sw'] as const) {
    await openSync(app, served.url, lang);
    await app.getByTestId('import-path-file').setInputFiles(notes);
    await expect(app.getByTestId('bundle-unreadable')).toHaveText(refused[lang]);
    await app.getByTestId('bundle-unreadable').scrollIntoViewIfNeeded();
    await app.screenshot({ path: testInfo.outputPath(`sync-not-a-bundle-${lang}.png`) });
  }
});
