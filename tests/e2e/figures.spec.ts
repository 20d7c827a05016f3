import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

/** Page object for a cluster's term figures grid. */
class FiguresGrid {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  cell(school: string, indicator: string) {
    return this.page.getByRole('textbox', { name: `${school}, ${indicator}`, exact: true });
  }
  async schools(): Promise<string[]> {
    // allTextContents does not wait: wait for the grid's rows to be drawn first.
    const rows = this.page.getByTestId('figures-grid').locator('tbody th.school-col');
    await expect(rows.first()).toBeVisible();
    return rows.allTextContents();
  }
  notes() {
    return this.page.getByTestId('figure-notes');
  }
  /** The drawn line of this cluster in the trend chart (its SVG path). */
  async clusterLine(): Promise<string> {
    const path = this.page.getByTestId('trend-chart').locator('.recharts-line path.recharts-curve').first();
    await expect(path).toBeVisible();
    return (await path.getAttribute('d')) ?? '';
  }
  /** Pastes text into the focused cell as a spreadsheet's copy would put it on the clipboard. */
  async paste(text: string): Promise<void> {
    // The browser's own DataTransfer and ClipboardEvent (this file is typed for Node).
    await this.page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(text)});
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    })()`);
  }
}

test('enter a term’s figures by keyboard and by pasting, see an error and a warning, see the trend change', async ({
  app,
}, testInfo) => {
  test.slow(); // a whole row typed cell by cell, axe and reloads, on 2 cores shared with other tests
  await app
    .getByTestId('region-clusters')
    .getByRole('link', { name: /Mtwapa/ })
    .click();
  await app.getByTestId('trend-indicator').selectOption('attendance_rate');
  const grid = new FiguresGrid(app);
  const clusterLineBefore = await grid.clusterLine();

  await app.getByTestId('open-figures').click();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Term figures');
  await expect(app.getByTestId('figures-term')).toHaveValue('2026-T3');
  const schools = await grid.schools();
  expect(schools.length).toBeGreaterThanOrEqual(4);
  const [first, second, third, fourth] = schools as [string, string, string, string];
  await grid.cell(first, 'Attendance rate').focus();
  const chartBefore = await grid.clusterLine();

  // Keyboard: the first school's row typed across with Tab, then Enter moves down.
  await grid.cell(first, 'Enrolment (girls)').focus();
  for (const v of ['212', '198', '93', '2', '', '4', '81', '77', '58', '49', '30', '24'])
    await app.keyboard.type(v === '' ? '' : v).then(() => app.keyboard.press('Tab'));
  await expect(grid.cell(first, 'Dropout rate (girls)')).toHaveValue('');
  await grid.cell(first, 'Attendance rate').focus();
  await app.keyboard.press('Enter');
  await expect(grid.cell(second, 'Attendance rate')).toBeFocused();
  await app.keyboard.type('36'); // unusually low: a warning to confirm
  await app.keyboard.press('ArrowRight');
  await expect(grid.cell(second, 'Dropout rate')).toBeFocused();
  await app.keyboard.type('n/c');
  await app.keyboard.press('ArrowDown');
  await expect(grid.cell(third, 'Dropout rate')).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('ArrowLeft');
  await expect(grid.cell(second, 'Attendance rate')).toBeFocused();

  // A block copied from a spreadsheet (three schools × four figures), from the third school.
  await grid.cell(third, 'Attendance rate').focus();
  await grid.paste('91\t3.5\t\t2\n89\t4\t5\t3\n');
  await expect(app.getByTestId('figures-message')).toHaveText('Pasted 8 values.');
  await expect(grid.cell(third, 'Attendance rate')).toHaveValue('91');
  await expect(grid.cell(fourth, 'Dropout rate (girls)')).toHaveValue('5');
  await expect(grid.cell(fourth, 'Repetition rate')).toHaveValue('3');

  // Impossible: more vulnerable learners reached than identified; a rate over 100.
  await grid.cell(third, 'Vulnerable learners identified').fill('10');
  await grid.cell(third, 'Vulnerable learners reached').fill('14');
  await grid.cell(fourth, 'Literacy at benchmark').fill('120');
  await expect(grid.cell(third, 'Vulnerable learners reached')).toHaveAttribute('aria-invalid', 'true');
  await expect(
    grid.notes().filter({ hasText: 'More vulnerable learners reached (14) than identified (10)' }),
  ).toBeVisible();
  await expect(
    grid.notes().filter({ hasText: 'Literacy at benchmark is a percentage: 120 is over 100.' }),
  ).toBeVisible();
  const warning = grid.notes().locator('li', { hasText: 'Attendance rate of 36% is unusually low' });
  await expect(warning).toBeVisible();
  await grid.cell(fourth, 'Literacy at benchmark').focus();
  await app.screenshot({ path: testInfo.outputPath('figures-problems-en.png') });

  await app.getByRole('button', { name: 'Save figures' }).click();
  await expect(app.getByTestId('figures-message')).toHaveText(
    '2 figures are impossible: correct them first.',
  );
  await grid.cell(third, 'Vulnerable learners reached').fill('9');
  await grid.cell(fourth, 'Literacy at benchmark').fill('62');
  await app.getByRole('button', { name: 'Save figures' }).click();
  await expect(app.getByTestId('figures-message')).toHaveText(/figures? (is|are) unusual: confirm/);
  await warning.getByRole('button', { name: 'Yes, it is right' }).click();
  await expect(warning.getByRole('button', { name: '✓ Confirmed' })).toHaveAttribute('aria-pressed', 'true');

  // The demo's last term differs from what was typed, so other figures are flagged too.
  const confirm = grid.notes().getByRole('button', { name: 'Yes, it is right' });
  await expect(confirm).not.toHaveCount(0);
  while ((await confirm.count()) > 0) await confirm.first().click();

  await grid.cell(first, 'Attendance rate').focus();
  await app.getByRole('button', { name: 'Save figures' }).click();
  await expect(app.getByTestId('figures-message')).toHaveText(/^Saved \d+ figures\.$/);
  await expect(grid.notes()).toHaveCount(0);
  await expect(grid.cell(second, 'Attendance rate')).toHaveValue('36');
  await expect(grid.cell(second, 'Dropout rate')).toHaveValue('');
  await expect.poll(() => grid.clusterLine()).not.toBe(chartBefore);
  await app.screenshot({ path: testInfo.outputPath('figures-saved-en.png') });

  // The cluster page's trend chart uses the new term at once.
  await app.getByRole('link', { name: 'Mtwapa CoP' }).first().click();
  await app.getByTestId('trend-indicator').selectOption('attendance_rate');
  await expect.poll(() => grid.clusterLine()).not.toBe(clusterLineBefore);
  await expect(app.getByTestId('trend-chart')).toContainText('2026-T3');
});

test('typing not yet saved comes back after a reload, in Kiswahili too; the grid passes axe-core', async ({
  app,
}, testInfo) => {
  test.slow(); // a whole row typed cell by cell, axe and reloads, on 2 cores shared with other tests
  await app
    .getByTestId('region-clusters')
    .getByRole('link', { name: /Mtwapa/ })
    .click();
  await app.getByTestId('open-figures').click();
  const grid = new FiguresGrid(app);
  const [first, second] = (await grid.schools()) as [string, string];
  await grid.cell(first, 'Attendance rate').focus();
  await grid.paste('36\t2\n95\t41\n');
  await grid.cell(second, 'Vulnerable learners identified').fill('5');
  await grid.cell(second, 'Vulnerable learners reached').fill('8');
  await expect(grid.notes().filter({ hasText: 'Attendance rate of 36% is unusually low' })).toBeVisible();
  await expectAccessible(app, 'term figures with problems', testInfo);

  await app.evaluate(() => localStorage.setItem('pamoja.lang', 'sw'));
  await app.reload();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Takwimu za muhula');
  await expect(app.getByText('Takwimu ulizoandika bila kuhifadhi zimerejeshwa.')).toBeVisible();
  await expect(
    grid.notes().filter({ hasText: 'Kiwango cha mahudhurio ya 36% ni chini isivyo kawaida' }),
  ).toBeVisible();
  await expect(
    grid.notes().filter({ hasText: 'Walio hatarini waliofikiwa (8) ni zaidi ya waliotambuliwa (5)' }),
  ).toBeVisible();
  await app.getByRole('button', { name: 'Hifadhi takwimu' }).click();
  await expect(app.getByTestId('figures-message')).toHaveText('Takwimu 1 haiwezekani: isahihishe kwanza.');
  await app.screenshot({ path: testInfo.outputPath('figures-problems-sw.png') });
  await expectAccessible(app, 'term figures in Kiswahili', testInfo);
});
