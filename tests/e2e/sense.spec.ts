import type { Page, TestInfo } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

/** Page object for the session plan and record screens, as far as dates and numbers go. */
class SessionScreens {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }
  async planFor(clusterName: string) {
    await this.page
      .getByRole('navigation', { name: 'Pamoja' })
      .getByRole('link', { name: 'Sessions' })
      .click();
    await this.page.getByTestId('sessions-cluster').selectOption({ label: clusterName });
    await this.page.getByRole('button', { name: 'Plan a session' }).click();
    await expect(this.page.getByTestId('agenda-item')).not.toHaveCount(0);
  }
  date() {
    return this.page.getByLabel('Date', { exact: true });
  }
  minutes(n: number) {
    return this.page.getByRole('textbox', { name: `Minutes for item ${n}` });
  }
  async savePlan(): Promise<string> {
    await this.page.getByRole('button', { name: 'Save plan' }).first().click();
    await expect(this.page.getByTestId('session-status')).toBeVisible();
    return /#\/sessions\/([0-9a-f-]{36})/.exec(this.page.url())![1]!;
  }
}

const isoDaysFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function look(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  await expectAccessible(page, name, testInfo);
}

async function language(page: Page, lang: 'en' | 'sw') {
  await page.evaluate(
    (l) =>
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('pamoja.lang', l),
    lang,
  );
  await page.reload();
}

test('dates and numbers that make sense: a plan years ago, 99,999 minutes, a meeting recorded early, a commitment due before its meeting, planned meetings to record', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  const s = new SessionScreens(app);
  const cluster = (await app
    .getByTestId('region-follow-up')
    .locator('tbody tr td')
    .first()
    .textContent())!.trim();
  await s.planFor(cluster);

  // An agenda item of 99,999 minutes: an error next to it, and the plan is not saved.
  await s.minutes(2).fill('99999');
  const minutesNote = app.getByText('One item can take at most 600 minutes (10 hours).', { exact: false });
  await expect(minutesNote).toBeVisible();
  await expect(s.minutes(2)).toHaveAttribute('aria-invalid', 'true');
  // A plan dated years ago: a warning the coach may mean.
  await s.date().fill('2023-01-10');
  await expect(app.getByText('This date is more than 3 years ago.', { exact: false })).toBeVisible();
  await look(app, testInfo, 'plan-date-minutes-en');
  await app.getByRole('button', { name: 'Save plan' }).first().click();
  await expect(app.getByText('1 thing to fix before saving — see the notes in red.')).toBeVisible();
  await expect(s.minutes(2)).toBeFocused();
  await expect(app.getByTestId('session-status')).toHaveCount(0);

  // In Kiswahili (the page reloads: the draft kept the last good minutes, so type them again).
  await language(app, 'sw');
  await app.getByRole('textbox', { name: 'Dakika za kipengele 2' }).fill('99999');
  await expect(app.getByText('Kipengele kimoja kisizidi dakika 600', { exact: false })).toBeVisible();
  await expect(app.getByText('Tarehe hii ni zaidi ya miaka', { exact: false })).toBeVisible();
  await look(app, testInfo, 'plan-date-minutes-sw');
  await language(app, 'en');

  // Three hours and more is only a warning; 30 is fine. The past plan is saved as meant.
  await s.minutes(2).fill('200');
  await expect(app.getByText('Over 3 hours for one item: is that right?', { exact: false })).toBeVisible();
  await s.minutes(2).fill('30');
  await expect(minutesNote).toHaveCount(0);
  await s.date().fill(isoDaysFromToday(-3));
  await expect(app.getByText('This date is more than', { exact: false })).toHaveCount(0);
  await s.savePlan();

  // The sessions list flags it: planned, and its date has passed.
  await app.getByRole('navigation', { name: 'Pamoja' }).getByRole('link', { name: 'Sessions' }).click();
  await app.getByTestId('sessions-cluster').selectOption({ label: cluster });
  const toRecord = app.getByTestId('sessions-table').getByRole('link', { name: 'To record' });
  await expect(toRecord.first()).toBeVisible();
  await look(app, testInfo, 'sessions-to-record-en');
  await language(app, 'sw');
  await expect(
    app.getByTestId('sessions-table').getByRole('link', { name: 'Cha kurekodi' }).first(),
  ).toBeVisible();
  await look(app, testInfo, 'sessions-to-record-sw');
  await language(app, 'en');

  // A meeting planned for tomorrow, recorded today: a warning with a way to correct the date.
  await s.planFor(cluster);
  await s.date().fill(isoDaysFromToday(1));
  const id = await s.savePlan();
  await app.goto(app.url().replace(/#.*/, `#/sessions/${id}/record`));
  const early = app.getByTestId('record-date-warning');
  await expect(early).toHaveText(
    'This meeting is dated tomorrow. Record it once it has happened, or correct its date in the plan. Correct the date',
  );
  await expect(early.getByRole('link', { name: 'Correct the date' })).toHaveAttribute(
    'href',
    `#/sessions/${id}/plan`,
  );
  // A commitment due before its meeting: an error next to it.
  const row = app.getByTestId('commitment-row').first();
  await row.getByLabel('Who (commitment 1)').selectOption({ index: 1 });
  await row.getByLabel('What (commitment 1)').fill('Share the reading timetable');
  await row.getByLabel('By when (commitment 1)').fill(isoDaysFromToday(-1));
  await expect(row.getByText('The due date cannot be before the session.')).toBeVisible();
  await look(app, testInfo, 'record-early-en');
  await language(app, 'sw');
  await expect(app.getByTestId('record-date-warning')).toContainText('Mkutano huu una tarehe ya kesho.');
  await look(app, testInfo, 'record-early-sw');
});
