import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** Page object for the sessions area. */
class Sessions {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  /** The cluster with the most overdue commitments, from the region overview's follow-up table. */
  async busiestCluster(): Promise<{ name: string; overdue: number }> {
    const row = this.page.getByTestId('region-follow-up').locator('tbody tr').first();
    await expect(row).toBeVisible();
    const name = (await row.locator('td').nth(0).textContent())!.trim();
    const overdue = Number(await row.locator('td').nth(1).textContent());
    return { name, overdue };
  }

  async planFor(clusterName: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Sessions' }).click();
    await this.page.getByTestId('sessions-cluster').selectOption({ label: clusterName });
    await this.page.getByRole('button', { name: 'Plan a session' }).click();
    await expect(this.agendaItems()).not.toHaveCount(0);
  }

  agendaItems() {
    return this.page.getByTestId('agenda-item');
  }

  async agendaTitles(): Promise<string[]> {
    return this.agendaItems()
      .locator('input.agenda-title')
      .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  }

  /** Saves the plan and returns the new session's id (from the detail page's address). */
  async savePlan(): Promise<string> {
    await this.page.getByRole('button', { name: 'Save plan' }).click();
    await expect(this.page.getByTestId('session-status')).toHaveText('Planned');
    return /#\/sessions\/([0-9a-f-]{36})/.exec(this.page.url())![1]!;
  }

  autosave() {
    return this.page.getByTestId('autosave');
  }
}

test('plan a session: build, reorder with buttons and keys, save, open the printable plan', async ({
  app,
}, testInfo) => {
  const s = new Sessions(app);
  const { name } = await s.busiestCluster();
  await s.planFor(name);
  const before = await s.agendaTitles();
  expect(before[0]).toMatch(/^Welcome/);
  expect(before).toContain('Review of commitments from the last meeting');
  expect(before.some((t) => t.startsWith('Data spotlight:'))).toBe(true);
  await expect(app.getByTestId('spotlight-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('plan.png') });

  // Alt+↑ from inside the third item moves it up, and the cursor stays with it.
  const third = s.agendaItems().nth(2).locator('input.agenda-title');
  await third.focus();
  await app.keyboard.press('Alt+ArrowUp');
  const moved = [before[0]!, before[2]!, before[1]!, ...before.slice(3)];
  await expect.poll(() => s.agendaTitles()).toEqual(moved);
  await expect(s.agendaItems().nth(1).locator('input.agenda-title')).toBeFocused();
  // The first item's ↓ button moves it down one place.
  await app.getByRole('button', { name: `Move “${before[0]}” down` }).click();
  const final = [moved[1]!, moved[0]!, ...moved.slice(2)];
  await expect.poll(() => s.agendaTitles()).toEqual(final);
  await s.agendaItems().nth(0).locator('input.agenda-title').fill('Data first, then welcome');
  final[0] = 'Data first, then welcome';

  // A practice from the recommendations goes straight into the practice spotlight.
  await app.getByText('More practices for this cluster').click();
  const card = app
    .getByTestId('recommendations')
    .locator('li.rec-card')
    .filter({
      has: app.getByRole('button', { name: 'Add to this plan' }),
    });
  const chosen = (await card.first().locator('h3 a').textContent())!.trim();
  await card.first().getByRole('button', { name: 'Add to this plan' }).click();
  const spotlightItem = s.agendaItems().filter({ has: app.locator('a', { hasText: chosen }) });
  await expect(spotlightItem).toHaveCount(1);
  const inPlan = app
    .getByTestId('recommendations')
    .locator('li.rec-card', { hasText: chosen })
    .getByText('In this plan');
  await expect(inPlan).toBeVisible();
  await inPlan.scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('plan-add-from-recommendations.png') });

  await s.savePlan();
  await expect(app.getByTestId('agenda-view').locator(':scope > li b')).toHaveText(final);
  await expect(app.getByTestId('agenda-view')).toContainText(chosen);

  const [printable] = await Promise.all([
    app.waitForEvent('popup'),
    app.getByRole('button', { name: 'Open printable plan' }).click(),
  ]);
  await printable.waitForLoadState();
  await expect(printable.locator('h3').first()).toHaveText('Data first, then welcome');
  await expect(printable.locator('svg.chart rect').first()).toBeVisible();
  await expect(printable.locator('table.commitments tbody tr').first()).toBeVisible();
  await printable.setViewportSize({ width: 1366, height: 768 });
  await printable.screenshot({ path: testInfo.outputPath('printable-plan.png'), fullPage: true });
  const pdfPath = testInfo.outputPath('printable-plan.pdf');
  await printable.pdf({ path: pdfPath, format: 'A4', printBackground: true });
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test('record with the keyboard, close mid-entry, find the draft intact, save, see the overdue list update', async ({
  app,
  context,
  served,
}, testInfo) => {
  const s = new Sessions(app);
  const { name, overdue } = await s.busiestCluster();
  expect(overdue).toBeGreaterThan(0);
  await s.planFor(name);
  const id = await s.savePlan();

  // The cluster page lists what is overdue before the meeting.
  await app.getByRole('link', { name }).first().click();
  const overdueCard = app.getByTestId('overdue-commitments');
  await expect(overdueCard.locator('li')).toHaveCount(overdue);
  const lateBefore = await overdueCard.locator('li > div:first-child').allTextContents();
  const firstLate = lateBefore[0]!.trim();

  const base = served.url.replace(/#.*/, '');
  await app.goto(`${base}#/sessions/${id}/record`);
  await expect(app.getByRole('heading', { name: 'Record the CoP meeting' })).toBeVisible();

  // Attendance: one tab stop, then a key per member.
  const rows = app.getByTestId('attendance-row');
  await rows.first().focus();
  await app.keyboard.press('1');
  await app.keyboard.press('p');
  await app.keyboard.press('2');
  await app.keyboard.press('x');
  await expect(rows.nth(0).getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows.nth(2).getByRole('button', { name: 'Apologies' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(rows.nth(3).getByRole('button', { name: 'Absent' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows.nth(4)).toBeFocused();
  await expect(app.getByTestId('attendance-counts')).toHaveText('2 present · 1 apologies · 1 absent');

  // Reviews: the first (most overdue) done; the next dropped, which asks for a reason.
  const reviews = app.getByTestId('review-row');
  await expect(reviews.first()).toContainText(firstLate);
  const reviewed = await reviews
    .locator('.review-what')
    .evaluateAll((els) => els.slice(0, 2).map((e) => e.textContent ?? ''));
  await reviews.first().focus();
  await app.keyboard.press('1');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('4');
  await expect(reviews.nth(1).getByRole('alert')).toHaveText('A dropped commitment needs a reason.');
  await expect(reviews.nth(1).locator('input[data-field="note"]')).toBeFocused();
  await app.keyboard.type('The school merged with its neighbour');
  await expect(reviews.nth(1).getByRole('alert')).toHaveCount(0);

  // A new commitment: who, what, when, Enter adds the next row.
  const commitments = app.getByTestId('commitment-row');
  await commitments.first().locator('select').selectOption({ index: 1 });
  await commitments
    .first()
    .locator('input[type="text"]')
    .fill('Visit the families of girls absent this week');
  await commitments.first().locator('input[type="date"]').fill('2030-01-31');
  await commitments.first().locator('input[type="text"]').press('Enter');
  await expect(commitments).toHaveCount(2);
  await expect(commitments.nth(1).locator('select')).toBeFocused();
  await app.getByPlaceholder('What was discussed').fill('Half-way through the meeting');
  await expect(s.autosave()).toHaveAttribute('data-state', 'saved');
  await app.screenshot({ path: testInfo.outputPath('record-mid-entry.png') });

  // The window closes mid-meeting; opening the session again brings everything back.
  await app.close();
  const again = await context.newPage();
  await again.goto(served.url);
  await again.goto(`${base}#/sessions/${id}/record`);
  await expect(again.getByTestId('autosave')).toContainText('Draft restored');
  const rows2 = again.getByTestId('attendance-row');
  await expect(rows2.nth(0).getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows2.nth(3).getByRole('button', { name: 'Absent' })).toHaveAttribute('aria-pressed', 'true');
  const reviews2 = again.getByTestId('review-row');
  await expect(reviews2.nth(0).getByRole('button', { name: 'Done', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(reviews2.nth(1).locator('input[data-field="note"]')).toHaveValue(
    'The school merged with its neighbour',
  );
  await expect(again.getByTestId('commitment-row').first().locator('input[type="text"]')).toHaveValue(
    'Visit the families of girls absent this week',
  );
  await expect(again.getByPlaceholder('What was discussed')).toHaveValue('Half-way through the meeting');
  await again.screenshot({ path: testInfo.outputPath('record-restored.png') });

  // Ctrl+Enter saves the record; the session is held and the overdue list is shorter.
  await again.keyboard.press('Control+Enter');
  await expect(again.getByTestId('session-status')).toHaveText('Held');
  await expect(again.getByTestId('reviews-view')).toContainText('Dropped');
  await expect(again.getByTestId('made-view')).toContainText('Visit the families of girls absent this week');
  await again.getByRole('link', { name }).first().click();
  const after = again.getByTestId('overdue-commitments');
  const stillLate = lateBefore.filter((action) => !reviewed.some((r) => r.includes(action.trim())));
  expect(stillLate.length).toBeLessThanOrEqual(overdue - 1);
  await expect(after.locator('li > div:first-child')).toHaveText(stillLate);
  await expect(after).not.toContainText(firstLate);
  await again.screenshot({ path: testInfo.outputPath('cluster-after-record.png') });
});
