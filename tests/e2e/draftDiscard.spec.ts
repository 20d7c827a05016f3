import Database from 'better-sqlite3';
import type { Page, TestInfo } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

/** Page object for a session screen with a draft: what is typed, the draft's status, Discard and Undo. */
class DraftScreen {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async saved() {
    await expect(this.page.getByTestId('autosave')).toHaveText(/^Draft saved at/);
  }
  async discard() {
    await this.page.getByRole('button', { name: 'Discard draft' }).click();
    await expect(this.toast()).toContainText('The draft was discarded.');
  }
  toast() {
    return this.page.locator('.toast');
  }
  async undo() {
    await this.toast().getByRole('button', { name: 'Undo' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Brought back.' })).toBeVisible();
  }
}

async function look(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await expectAccessible(page, name, testInfo);
}

test('discarding a record’s or a plan’s draft offers Undo, which brings the draft back on screen and on the laptop', async ({
  app,
  served,
}, testInfo) => {
  test.setTimeout(120_000);
  const db = new Database(served.db, { readonly: true });
  const id = db
    .prepare("SELECT id FROM sessions WHERE status = 'planned' AND kind = 'meeting' ORDER BY date LIMIT 1")
    .pluck()
    .get() as string;
  db.close();
  const base = served.url.replace(/#.*/, '');
  const d = new DraftScreen(app);

  // The record: notes typed, kept as a draft, discarded, brought back.
  await app.goto(`${base}#/sessions/${id}/record`);
  const notes = app.getByPlaceholder('What was discussed');
  await expect(app.getByRole('button', { name: 'Discard draft' })).toHaveCount(0);
  await notes.fill('The group agreed to visit the homes of absent girls.');
  await d.saved();
  await d.discard();
  await expect(notes).toHaveValue('');
  await look(app, testInfo, 'record-discarded-en');
  await d.undo();
  await expect(notes).toHaveValue('The group agreed to visit the homes of absent girls.');
  await app.reload();
  await expect(notes).toHaveValue('The group agreed to visit the homes of absent girls.');
  // Discarded and not undone: gone from the laptop too.
  await d.discard();
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Record the CoP meeting' })).toBeVisible();
  await expect(notes).toHaveValue('');
  await expect(app.getByRole('button', { name: 'Discard draft' })).toHaveCount(0);

  // The plan: a changed title, discarded, brought back.
  await app.goto(`${base}#/sessions/${id}/plan`);
  const title = app.getByLabel('Title', { exact: true });
  const stored = await title.inputValue();
  await title.fill('Reading corners and absent girls');
  await d.saved();
  await d.discard();
  await expect(title).toHaveValue(stored);
  await d.undo();
  await expect(title).toHaveValue('Reading corners and absent girls');

  // In Kiswahili.
  await app.evaluate(() =>
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'pamoja.lang',
      'sw',
    ),
  );
  await app.reload();
  await app.getByRole('button', { name: 'Futa rasimu' }).click();
  await expect(d.toast()).toContainText('Rasimu imefutwa.');
  await expect(d.toast().getByRole('button', { name: 'Tendua' })).toBeVisible();
  await look(app, testInfo, 'plan-discarded-sw');
});
