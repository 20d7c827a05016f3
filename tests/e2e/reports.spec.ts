import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('a cluster report: chosen, previewed, saved as XLSX that reads back with its figures', async ({
  app,
}, testInfo) => {
  await app.getByRole('link', { name: 'Reports' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  // It opens on the latest term with data, for the region.
  const preview = app.frameLocator('[data-testid="report-preview"]');
  await expect(preview.getByRole('heading', { level: 1 })).toContainText('Kilifi County');

  await app.getByTestId('report-scope').selectOption('cluster');
  await app.getByTestId('report-cluster').selectOption({ label: 'Mtwapa CoP' });
  await app.getByTestId('report-term').selectOption('2026-T2');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Report — Mtwapa CoP, 2026-T2');
  await expect(preview.locator('[data-table="commitments"]')).toBeVisible();
  await expect(preview.locator('svg[aria-label^="Mtwapa CoP"]').first()).toBeVisible();
  // The page itself never scrolls sideways at 1366×768.
  expect(await app.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
  await app.screenshot({ path: testInfo.outputPath('report-preview-en.png') });
  await expectAccessible(app, 'reports-cluster-en', testInfo);

  await app.getByTestId('report-save-xlsx').click();
  const message = app.getByTestId('report-message');
  await expect(message).toContainText('Saved the report to');
  const path = (await message.textContent())!.replace(/^.*Saved the report to /, '').trim();
  expect(path).toMatch(/Reports\/pamoja-report-mtwapa-cop-2026-T2\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const sessions = book.getWorksheet('Sessions by mode')!;
  expect(sessions.getRow(2).getCell(1).value).toBe('Mtwapa CoP');
  const summary = book.getWorksheet('Summary')!;
  expect(String(summary.getRow(1).getCell(1).value)).toBe('Report — Mtwapa CoP, 2026-T2');

  // The report's language is chosen apart from the app's.
  await app.getByTestId('report-lang').selectOption('sw');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Ripoti — Mtwapa CoP, 2026-T2');
  await expect(app.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
});

test('the Reports screen in Kiswahili, for a coach’s CoPs over a run of dates', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Kiswahili' }).click();
  await app.getByRole('link', { name: 'Ripoti' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Ripoti' })).toBeVisible();
  await app.getByTestId('report-scope').selectOption('coach');
  await app.getByTestId('report-period-kind').selectOption('range');
  await app.getByTestId('report-from').fill('2026-01-01');
  await app.getByTestId('report-to').fill('2026-08-31');
  const preview = app.frameLocator('[data-testid="report-preview"]');
  await expect(preview.getByRole('heading', { level: 1 })).toContainText('Makundi ya');
  await expect(preview.getByRole('heading', { level: 1 })).toContainText('2026-01-01 hadi 2026-08-31');
  await app.screenshot({ path: testInfo.outputPath('report-preview-sw.png') });
  await expectAccessible(app, 'reports-coach-sw', testInfo);
  await app.getByTestId('report-save-csv').click();
  await expect(app.getByTestId('report-message')).toContainText('Ripoti imehifadhiwa kwenye');
});
