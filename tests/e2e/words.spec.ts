import { expect, test } from './fixtures.ts';

// Issue 14: recommendations and the library search that understand a coach's words.

test('a Kiswahili question on an English-speaking cluster finds English practices, naming the concept matched', async ({
  app,
}, testInfo) => {
  await app.getByTestId('region-clusters').getByRole('link', { name: /Ganze/ }).click();
  const panel = app.getByTestId('recommendations');
  await expect(panel.locator('.rec-card').first()).toBeVisible();
  await panel
    .getByLabel('What is this cluster struggling with?')
    .fill('wasichana wanaoacha shule kabla ya sekondari');
  await panel.getByRole('button', { name: 'Ask' }).click();
  await expect(panel.getByTestId('rec-question')).toContainText('wasichana wanaoacha shule');
  // An English write-up, matched through the vocabulary: "wasichana" is "girls" there.
  const english = panel.locator('.rec-card', { hasText: /wasichana \(“girls?”\)/ }).first();
  await expect(english).toBeVisible();
  // An English write-up (its title in English words), found through the Kiswahili concept.
  await expect(english.locator('h3 a')).toHaveText(/\b(the|and|for|of|after|with|girls|parents)\b/i);
  await expect(english).not.toContainText('Written in');
  await english.scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('recommend-kiswahili-question-en.png') });

  // The same in the Kiswahili interface.
  await app.getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Kiswahili' }).click();
  await app.getByRole('link', { name: 'Kanda' }).click();
  await app.getByTestId('region-clusters').getByRole('link', { name: /Ganze/ }).click();
  await panel
    .getByLabel('Klasta hii inatatizika na nini?')
    .fill('wasichana wanaoacha shule kabla ya sekondari');
  await panel.getByRole('button', { name: 'Uliza' }).click();
  const sw = panel
    .locator('.rec-card', { hasText: /Inalingana na maneno yako: .*wasichana \(“girls?”\)/ })
    .first();
  await expect(sw).toBeVisible();
  await sw.scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('recommend-kiswahili-question-sw.png') });
});

test('a mistyped search word shows results for the nearest library word, and says so', async ({
  app,
}, testInfo) => {
  await app.getByRole('link', { name: 'Practices' }).click();
  const count = app.getByTestId('practice-count');
  await expect(count).toContainText(/\d+ practices/);
  await app.getByTestId('practice-search').fill('atendance');
  await expect(app.getByTestId('corrected-words')).toHaveText('Showing results for attendance.');
  await expect(app.getByTestId('practice-results')).toContainText(/attendance/i);
  await expect(app.getByTestId('unknown-words')).toHaveCount(0);
  await app.screenshot({ path: testInfo.outputPath('practice-search-typo-en.png') });

  // In Kiswahili: a Kiswahili word mistyped, and English practices about parents found too.
  await app.getByRole('link', { name: 'Settings' }).click();
  await app.getByRole('radio', { name: 'Kiswahili' }).click();
  await app.getByRole('link', { name: 'Mbinu' }).click();
  await app.getByTestId('practice-search').fill('wazaz');
  await expect(app.getByTestId('corrected-words')).toHaveText('Inaonyesha matokeo ya wazazi.');
  const results = app.getByTestId('practice-results');
  await expect(results).toContainText('Kamati ya wazazi');
  await expect(results).toContainText(/Parent/);
  await app.screenshot({ path: testInfo.outputPath('practice-search-typo-sw.png') });
});
