import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { serveStore } from './serve.ts';
import { expect, test } from './fixtures.ts';

const PASS = 'mvua ya masika 2026';

async function openSync(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // The page's own location (this file is type-checked without the DOM library).
  await page.evaluate(
    () => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/sync'),
  );
  await expect(page.getByTestId('sync-screen')).toBeVisible();
}

async function syncFolder(page: Page, dir: string, passphrase?: string): Promise<void> {
  await page.getByTestId('sync-folder').fill(dir);
  if (passphrase) await page.getByTestId('sync-passphrase').fill(passphrase);
  await page.getByTestId('sync-now').click();
  await expect(page.locator('.success').first()).toBeVisible();
}

async function digest(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Compute' }).click();
  return (await page.getByTestId('sync-digest').textContent()) ?? '';
}

test('two laptops sync through one folder; each sees the other’s edits and both versions of a conflicting note', async ({
  app,
  served,
  serveAnother,
}, testInfo) => {
  const stick = testInfo.outputPath('stick');
  mkdirSync(stick, { recursive: true });
  const b = await serveAnother('empty', 'laptop-b');
  const pageB = await app.context().newPage();

  // Laptop A starts the region secret and leaves its bundle on the stick.
  await openSync(app, served.url);
  await app.getByTestId('join-passphrase').fill(PASS);
  await app.getByRole('button', { name: 'Start the region secret' }).click();
  await expect(app.getByTestId('sync-region')).not.toHaveText('This laptop has not joined a region yet.');
  await syncFolder(app, stick);

  // Laptop B, empty, joins from the stick with the passphrase.
  await openSync(pageB, b.url);
  await syncFolder(pageB, stick, PASS);
  await expect(pageB.getByTestId('sync-region')).toHaveText(/Kilifi/);

  // Both edit the same session's notes before syncing again.
  const session = (
    new Database(served.db, { readonly: true })
      .prepare('SELECT id FROM sessions ORDER BY id LIMIT 1')
      .get() as {
      id: string;
    }
  ).id;
  execFileSync(process.execPath, ['tests/e2e/editNote.ts', served.db, session, 'Notes typed on laptop A']);
  execFileSync(process.execPath, ['tests/e2e/editNote.ts', b.db, session, 'Notes typed on laptop B']);
  await app.reload();
  await syncFolder(app, stick);
  await pageB.reload();
  await syncFolder(pageB, stick);
  await app.reload();
  await syncFolder(app, stick);

  await app.reload();
  await pageB.reload();
  expect(await digest(app)).toBe(await digest(pageB));
  await expect(app.getByTestId('sync-devices')).toContainText('everything');

  // The session page shows the winning note and, beside it, the other laptop's version.
  await app.goto(`${new URL(served.url).origin}/#/sessions/${session}`);
  const notes = app.getByTestId('session-notes');
  await expect(notes).toHaveText(/Notes typed on laptop [AB]/);
  const winner = (await notes.textContent())!.includes('laptop A') ? 'A' : 'B';
  const loser = winner === 'A' ? 'B' : 'A';
  const history = app.getByTestId('field-history');
  await expect(history).toContainText('Also edited on');
  await history.locator('summary').click();
  await expect(history).toContainText(`Notes typed on laptop ${loser}`);
  await app.screenshot({ path: testInfo.outputPath('conflicting-note.png') });
  await app.goto(`${new URL(served.url).origin}/#/sync`);
  await expect(app.getByTestId('sync-log')).toContainText('import');
});

test('a bundle opened with the app shows what it is, from whichever screen is showing', async ({
  app,
  served,
}, testInfo) => {
  await openSync(app, served.url);
  await app.getByTestId('join-passphrase').fill(PASS);
  await app.getByRole('button', { name: 'Start the region secret' }).click();
  await expect(app.getByTestId('sync-region')).not.toHaveText('This laptop has not joined a region yet.');
  const bundle = testInfo.outputPath('whole-region.pamoja');
  // The CLI opens the store's sealed keys with the region passphrase.
  execFileSync(process.execPath, ['bin/pamoja.js', 'export', '--db', served.db, '--out', bundle, '--full'], {
    env: { ...process.env, PAMOJA_PASSPHRASE: PASS },
  });

  // The shell turns a double-click or a drop into this address; the coach is elsewhere.
  await app.getByRole('link', { name: 'Practices' }).click();
  await app.evaluate(
    (path) =>
      ((globalThis as unknown as { location: { hash: string } }).location.hash =
        `#/sync?open=${encodeURIComponent(path)}`),
    bundle,
  );
  await expect(app.getByTestId('sync-screen')).toBeVisible();
  await expect(app.getByTestId('import-path')).toHaveValue(bundle);
  await expect(app.getByTestId('bundle-header')).toContainText('Kilifi');
});

test('a weak region passphrase is refused with its reason, in English and Kiswahili; a suggested one is taken', async ({
  app,
  serveAnother,
}, testInfo) => {
  for (const lang of ['en', 'sw'] as const) {
    const laptop = await serveAnother('demo', `laptop-${lang}`);
    await app.goto(laptop.url);
    await app.evaluate((l) => {
      const g = globalThis as unknown as { localStorage: Storage; location: { hash: string } };
      g.localStorage.setItem('pamoja.lang', l);
      g.location.hash = '#/sync';
    }, lang);
    await app.reload();
    await expect(app.getByTestId('sync-screen')).toBeVisible();

    await app.getByTestId('join-passphrase').fill('password1');
    await app.getByTestId('join-start').click();
    await expect(app.getByRole('alert')).toContainText(
      lang === 'en' ? 'Many people use this passphrase' : 'Watu wengi hutumia nenosiri hili',
    );
    await expect(app.getByTestId('sync-not-joined')).toBeVisible();

    await app.getByTestId(`suggest-${lang}`).click();
    const suggested = await app.getByTestId('join-passphrase').inputValue();
    expect(suggested.split(' ')).toHaveLength(6);
    await expect(app.getByTestId('join-passphrase')).toHaveAttribute('type', 'text'); // shown, to write down
    await expect(app.getByTestId('suggested-note')).toContainText(
      lang === 'en' ? 'Six random words' : 'Maneno sita',
    );
    await expectAccessible(app, `join card (${lang})`, testInfo);
    await app.setViewportSize({ width: 1366, height: 768 });
    await app.screenshot({ path: testInfo.outputPath(`join-suggested-${lang}.png`) });
    await app.getByTestId('join-start').click();
    await expect(app.getByTestId('sync-not-joined')).toHaveCount(0);
    await laptop.stop();
  }
});

test('keys sealed with the passphrase are opened on screen after a restart without it', async ({
  app,
  serveAnother,
}, testInfo) => {
  const first = await serveAnother('demo', 'laptop');
  await app.goto(first.url);
  await openSync(app, first.url);
  await app.getByTestId('join-passphrase').fill(PASS);
  await app.getByTestId('join-start').click();
  await expect(app.getByTestId('sync-not-joined')).toHaveCount(0);
  await first.stop();

  // Started again with no PAMOJA_PASSPHRASE and no terminal to ask at.
  const again = await serveStore(first.db);
  try {
    for (const lang of ['en', 'sw'] as const) {
      await app.goto(again.url);
      await app.evaluate((l) => {
        const g = globalThis as unknown as { localStorage: Storage; location: { hash: string } };
        g.localStorage.setItem('pamoja.lang', l);
        g.location.hash = '#/sync';
      }, lang);
      await app.reload();
      await expect(app.getByTestId('sync-locked')).toBeVisible();
      await expectAccessible(app, `sealed keys (${lang})`, testInfo);
      await app.setViewportSize({ width: 1366, height: 768 });
      await app.screenshot({ path: testInfo.outputPath(`keys-locked-${lang}.png`) });
    }
    await app.getByTestId('unlock-passphrase').fill('mvua ya masika 2025');
    await app.getByTestId('unlock-keys').click();
    await expect(app.getByTestId('sync-locked').getByRole('alert')).toBeVisible();
    await app.getByTestId('unlock-passphrase').fill(PASS);
    await app.getByTestId('unlock-keys').click();
    await expect(app.getByTestId('sync-locked')).toHaveCount(0);
  } finally {
    await again.stop();
  }
});
