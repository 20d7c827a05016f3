import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';
import type { ServedStore } from './serve.ts';

/** Calls one operation of the served app, as the page does (its token from the served address). */
async function call<T>(served: ServedStore, op: string, input: unknown): Promise<T> {
  const url = new URL(served.url);
  const token = /token=([A-Za-z0-9_-]+)/.exec(url.hash)![1]!;
  const response = await fetch(new URL(`api/${op}`, url.origin + url.pathname), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; value: T };
  expect(envelope.ok, op).toBe(true);
  return envelope.value;
}

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
  await expectAccessible(app, 'recommendations for a Kiswahili question', testInfo);

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
  await expectAccessible(app, 'recommendations in Kiswahili', testInfo);
});

test('a mistyped search word shows results for the nearest library word, and says so; two write-ups of one practice show once', async ({
  app,
  served,
}, testInfo) => {
  // Another cluster wrote the SMS follow-up down again, nearly word for word.
  const found = await call<{ results: { id: string; title: string }[] }>(served, 'practices.search', {
    query: 'sms attendance',
  });
  const original = found.results[0]!;
  const detail = await call<
    Record<string, unknown> & { steps: string[]; originCluster: { id: string } | null }
  >(served, 'practices.get', { id: original.id });
  const clusters = await call<{ id: string; name: string }[]>(served, 'clusters.list', {});
  const other = clusters.find((c) => c.id !== detail.originCluster?.id && c.name.startsWith('Watamu'))!;
  const twin = await call<{ id: string }>(served, 'practices.create', {
    title: `${original.title} (Watamu)`,
    problem: detail.problem,
    summary: detail.summary,
    tags: detail.tags,
    steps: detail.steps,
    resources: detail.resources,
    cost: detail.cost,
    setting: detail.setting,
    schoolSize: detail.schoolSize,
    language: detail.language,
    originClusterId: other.id,
    originSchoolId: null,
    originPlace: 'Watamu',
    startedOn: '2025-05-05',
  });

  await app.getByRole('link', { name: 'Practices' }).click();
  const count = app.getByTestId('practice-count');
  await expect(count).toContainText(/\d+ practices/);
  await app.getByTestId('practice-search').fill('atendance');
  await expect(app.getByTestId('corrected-words')).toHaveText('Showing results for attendance.');
  await expect(app.getByTestId('practice-results')).toContainText(/attendance/i);
  await expect(app.getByTestId('unknown-words')).toHaveCount(0);
  // The two write-ups: one card, naming where else it was tried, each one to open.
  const lead = app.locator('.practice-card', { has: app.getByTestId('also-tried-in') });
  await expect(lead).toHaveCount(1);
  await expect(lead.getByTestId('also-tried-in')).toContainText(
    /Also tried in (Watamu CoP|\w+ CoP) \(\d+ km\)/,
  );
  await expect(lead.getByTestId('also-tried-in')).toContainText(/Together: \d+ evidence/);
  await lead.scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('practice-search-typo-en.png') });
  await expectAccessible(app, 'practice search with a typo and a practice written up twice', testInfo);
  // The other write-up opens from the card.
  await lead.getByTestId('also-tried-in').getByRole('link').first().click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText(/SMS|Watamu/i);
  expect([original.id, twin.id].some((id) => app.url().includes(id))).toBe(true);
  await app.goBack();

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
  await expectAccessible(app, 'practice search in Kiswahili', testInfo);
  // The practice written up twice, in Kiswahili: "Imejaribiwa pia …", with a typo too.
  await app.getByTestId('practice-search').fill('atendance');
  await expect(app.getByTestId('corrected-words')).toHaveText('Inaonyesha matokeo ya attendance.');
  const swLead = app.locator('.practice-card', { has: app.getByTestId('also-tried-in') });
  await expect(swLead.getByTestId('also-tried-in')).toContainText(/Imejaribiwa pia .+ \(km \d+\)/);
  await expect(swLead.getByTestId('also-tried-in')).toContainText(/Kwa pamoja: ushahidi \d+/);
  await swLead.scrollIntoViewIfNeeded();
  await app.screenshot({ path: testInfo.outputPath('practice-search-duplicate-sw.png') });
  await expectAccessible(app, 'practice search in Kiswahili, a practice written up twice', testInfo);
});
