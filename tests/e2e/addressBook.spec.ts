import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

const JUMA = '5b7f6a2e-8c1d-4e0f-9a3b-2d4c6e8f0a1b';

async function openAddressBook(page: Page, url: string, lang: 'en' | 'sw'): Promise<void> {
  await page.goto(url);
  await page.evaluate((l) => {
    const g = globalThis as unknown as { localStorage: Storage; location: { hash: string } };
    g.localStorage.setItem('pamoja.lang', l);
    g.location.hash = '#/sync';
  }, lang);
  await page.reload();
  await expect(page.getByTestId('sync-screen')).toBeVisible();
  await page.getByTestId('address-book-card').locator('summary').click();
  await expect(page.getByTestId('address-form')).toBeVisible();
}

test('the address book: laptops, coaches and officials added, checked as typed, edited and removed with Undo, in English and Kiswahili', async ({
  app,
  serveAnother,
}, testInfo) => {
  test.slow(); // two languages and axe on a shared 2-core machine
  const laptop = await serveAnother('demo', 'laptop');
  // A laptop this one has heard of (as after a first sync).
  const db = new Database(laptop.db);
  db.prepare("INSERT INTO devices (device_id, name, is_self) VALUES (?, 'Juma’s laptop', 0)").run(JUMA);
  db.close();

  await openAddressBook(app, laptop.url, 'en');
  const form = app.getByTestId('address-form');
  // A laptop needs its device; a bad address is named beside its field.
  await form.getByTestId('address-email').fill('juma at example');
  await form.getByTestId('address-save').click();
  await expect(form).toContainText('Write an email address');
  await expect(form).toContainText('Please fill this in.');
  await expect(form.getByTestId('address-email')).toHaveAttribute('aria-invalid', 'true');
  await form.getByTestId('address-device').selectOption(JUMA);
  await form.getByTestId('address-name').fill('Juma Mwangi');
  await form.getByTestId('address-email').fill('juma@example.org');
  await form.getByTestId('address-save').click();
  await expect(app.getByTestId('address-row')).toHaveCount(1);
  await expect(app.getByTestId('address-list')).toContainText('Juma’s laptop');

  await form.getByTestId('address-kind').selectOption('official');
  await form.getByTestId('address-name').fill('Sub-County Director, Malindi');
  await form.getByTestId('address-email').fill('director@example.go.ke');
  await form.getByTestId('address-save').click();
  await expect(app.getByTestId('address-row')).toHaveCount(2);

  // The same official twice is refused as typed.
  await form.getByTestId('address-kind').selectOption('official');
  await form.getByTestId('address-email').fill('Director@example.go.ke');
  await form.getByTestId('address-email').blur();
  await expect(form).toContainText('in the address book already');

  // Edit the official.
  await app.getByRole('button', { name: 'Edit Sub-County Director, Malindi' }).click();
  await expect(form).toContainText('Change this address');
  await form.getByTestId('address-name').fill('County Director of Education, Kilifi');
  await form.getByTestId('address-save').click();
  await expect(app.getByTestId('address-list')).toContainText('County Director of Education, Kilifi');
  await expect(app.getByTestId('address-row')).toHaveCount(2);

  await expectAccessible(app, 'address book (en)', testInfo);
  await app.setViewportSize({ width: 1366, height: 768 });
  await app.getByTestId('address-book-card').scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('address-book-en.png') });

  // Remove with the app's Undo toast.
  await app.getByRole('button', { name: 'Remove Juma Mwangi' }).click();
  const toast = app.getByTestId('undo-toast');
  await expect(toast).toContainText('Removed Juma Mwangi from the address book.');
  await expect(app.getByTestId('address-row')).toHaveCount(1);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(app.getByTestId('address-row')).toHaveCount(2);
  await expect(app.getByTestId('address-list')).toContainText('Juma’s laptop');

  // Kiswahili.
  await openAddressBook(app, laptop.url, 'sw');
  await expect(app.getByTestId('address-book-card')).toContainText('Kitabu cha anwani');
  await expect(app.getByTestId('address-list')).toContainText('Kompyuta na kocha wake');
  const sw = app.getByTestId('address-form');
  await sw.getByTestId('address-kind').selectOption('coach');
  await sw.getByTestId('address-email').fill('grace');
  await sw.getByTestId('address-save').click();
  await expect(sw).toContainText('Andika anwani ya barua pepe');
  await expectAccessible(app, 'address book (sw)', testInfo);
  await app.getByTestId('address-book-card').scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('address-book-sw.png') });
});
