import { expect, test } from './fixtures.ts';

test('a coach asks a cluster question in free text, reads why, marks a practice adopted and sees it counted', async ({
  app,
}, testInfo) => {
  await app
    .getByTestId('region-clusters')
    .getByRole('link', { name: /Mtwapa/ })
    .click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Mtwapa');
  const panel = app.getByTestId('recommendations');
  await expect(panel.getByRole('heading', { name: 'Recommendations' })).toBeVisible();
  // With no question typed, the cluster's priorities and weakest indicators ask.
  await expect(panel.getByTestId('rec-question')).toContainText(/Priorities|Weakest against neighbours/);
  await expect(panel.locator('.rec-card').first()).toBeVisible();

  await panel.getByLabel('What is this cluster struggling with?').fill('parents radio lessons');
  await panel.getByRole('button', { name: 'Ask' }).click();
  await expect(panel.getByTestId('rec-question')).toContainText('Your question: “parents radio lessons”');
  const first = panel.locator('.rec-card').first();
  await expect(first.getByTestId('rec-why')).toContainText('Matches your words');
  const title = (await first.locator('h3 a').textContent())!.trim();
  await first.getByText('Why this score').click();
  await expect(first.getByText('Nearness of where it worked')).toBeVisible();
  await app.screenshot({ path: testInfo.outputPath('recommendations-asked.png') });

  const card = panel.locator('.rec-card', { has: app.getByRole('link', { name: title, exact: true }) });
  const why = card.getByTestId('rec-why');
  const adoptedHere = async (): Promise<{ schools: number; pending: number; improved: number }> => {
    const text = (await why.textContent()) ?? '';
    const m = /Adopted by (\d+) of this cluster’s schools: ([^A-Z]*)/.exec(text);
    const n = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(m?.[2] ?? '')?.[1] ?? 0);
    return { schools: Number(m?.[1] ?? 0), pending: n('waiting'), improved: n('improved') };
  };
  const before = await adoptedHere();

  // Keyboard only: open "Adopted by…", tick the first school that has not adopted it, record.
  await first.getByRole('button', { name: 'Adopted by…' }).focus();
  await app.keyboard.press('Enter');
  const school = first.getByRole('checkbox', { disabled: false }).first();
  await expect(school).toBeFocused();
  const schoolName = (await school.locator('xpath=..').textContent())!.trim();
  await app.keyboard.press('Space');
  await first.getByRole('button', { name: 'Record adoption' }).click();
  await expect(panel.getByRole('status')).toContainText('adoption recorded for 1 of the cluster’s schools');
  await expect(why).toContainText(`Adopted by ${before.schools + 1} of this cluster’s schools`);
  expect(await adoptedHere()).toEqual({
    ...before,
    schools: before.schools + 1,
    pending: before.pending + 1,
  });

  const row = panel.getByTestId('adoption-row').filter({ hasText: title }).filter({ hasText: schoolName });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('combobox', { name: /^Outcome/ })).toHaveValue('pending');

  // Later the outcome is known: improved, judged on attendance.
  await row.getByRole('combobox', { name: /^Outcome/ }).selectOption('improved');
  await row.getByRole('combobox', { name: /^Judged on/ }).selectOption('attendance_rate');
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText('Outcome saved.');
  await expect
    .poll(adoptedHere)
    .toEqual({ schools: before.schools + 1, pending: before.pending, improved: before.improved + 1 });
  await panel.scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('recommendations-adopted.png'), fullPage: true });
});

test('not relevant demotes a practice for the cluster, and undo brings it back', async ({
  app,
}, testInfo) => {
  await app
    .getByTestId('region-clusters')
    .getByRole('link', { name: /Kaloleni/ })
    .click();
  const panel = app.getByTestId('recommendations');
  const cards = panel.locator('.rec-card');
  await expect(cards.first()).toBeVisible();
  const top = (await cards.first().locator('h3 a').textContent())!.trim();
  await cards.first().getByRole('button', { name: 'Not relevant' }).click();
  await expect(panel.getByRole('status')).toContainText('marked not relevant for this cluster');
  await expect(cards.first().locator('h3 a')).not.toHaveText(top);
  const hidden = panel.locator('.rec-hidden');
  await expect(hidden).toContainText('Marked not relevant for this cluster (1)');
  await hidden.getByText('Marked not relevant for this cluster').click();
  await expect(hidden).toContainText(top);
  await app.screenshot({ path: testInfo.outputPath('recommendations-not-relevant.png') });
  await hidden.getByRole('button', { name: 'Undo' }).click();
  await expect(cards.first().locator('h3 a')).toHaveText(top);
  await expect(hidden).toHaveCount(0);
});
