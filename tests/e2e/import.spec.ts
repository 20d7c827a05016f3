import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

const schoolsCsv = [
  'MTWAPA SUB-COUNTY SCHOOLS',
  '',
  'School,CoP,Latitude,Longitude,Pupils,Teachers,Type',
  'Baraka Hills Primary,Mtwapa,-3.935,39.745,412,9,Public',
  'Pwani Star Academy,Mtwapa,-3.948,39.752,"1,020",22,Private',
].join('\r\n');

const figuresCsv = [
  'School;Attendance %;Literacy;Numeracy',
  'BARAKA HILLS PRI;91%;55;0,48',
  'Pwani Star Academy;0.88;61;50',
].join('\r\n');

test('import a CSV with errors, fix the mapping, confirm, and find the schools and figures on the cluster page', async ({
  app,
}, testInfo) => {
  await app.getByRole('link', { name: 'Import sheets' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Import a spreadsheet' })).toBeVisible();
  await app.getByTestId('import-file').setInputFiles({
    name: 'mtwapa-schools.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(schoolsCsv, 'utf8'),
  });
  const rejected = app.getByTestId('import-rejected');
  await expect(rejected).toContainText('"Public" is not a setting');
  await expect(rejected).toContainText('"Private" is not a setting');
  await expect(rejected.locator('tbody tr').first()).toContainText('4');
  await expect(app.getByTestId('import-confirm')).toBeDisabled();
  await app.screenshot({ path: testInfo.outputPath('import-preview-en.png'), fullPage: true });
  await expectAccessible(app, 'import-preview-en', testInfo);

  // "Type" is public/private, not rural/urban: leave it out.
  await app.getByRole('combobox', { name: 'Goes into: Type' }).selectOption('');
  await expect(rejected).toHaveCount(0);
  await expect(app.getByTestId('import-counts')).toContainText('2 new');
  await app.getByTestId('import-confirm').click();
  await expect(app.getByTestId('import-done')).toContainText('Imported mtwapa-schools.csv: 2 new');

  // Their figures for a new term, by name as the district writes it.
  await app.getByTestId('import-kind').selectOption('indicators');
  await app.getByTestId('import-term').selectOption('2026-T3');
  await app.getByTestId('import-file').setInputFiles({
    name: 'mtwapa-figures.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(figuresCsv, 'utf8'),
  });
  await expect(app.getByTestId('import-matches')).toContainText('Baraka Hills Primary');
  await expect(app.getByTestId('import-counts')).toContainText('2 new');
  await app.getByTestId('import-confirm').click();
  await expect(app.getByTestId('import-done')).toContainText('Imported mtwapa-figures.csv');

  await app.getByRole('link', { name: 'Clusters' }).click();
  await app
    .getByRole('link', { name: /Mtwapa/ })
    .first()
    .click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Mtwapa');
  await expect(app.getByText('Baraka Hills Primary')).toBeVisible();
  await expect(app.getByText('Pwani Star Academy')).toBeVisible();
  await expect(app.getByTestId('trend-chart')).toContainText('2026-T3');
});

test('the import preview in Kiswahili', async ({ app }, testInfo) => {
  await app.getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Kiswahili' }).click();
  await app.getByRole('link', { name: 'Ingiza majedwali' }).click();
  await app.getByTestId('import-file').setInputFiles({
    name: 'shule.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(schoolsCsv, 'utf8'),
  });
  await expect(app.getByTestId('import-rejected')).toContainText('Safu zilizokataliwa');
  await app.screenshot({ path: testInfo.outputPath('import-preview-sw.png'), fullPage: true });
  await expectAccessible(app, 'import-preview-sw', testInfo);
});
