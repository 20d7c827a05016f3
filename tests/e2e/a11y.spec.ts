import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

/**
 * axe-core on every screen that existed before each area's own specs checked their own,
 * in both languages. Each screen waits for its heading so the check sees the loaded page.
 */
async function visit(page: Page, hash: string): Promise<void> {
  await page.evaluate(
    (h) => ((globalThis as unknown as { location: { hash: string } }).location.hash = h),
    hash,
  );
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function firstLink(page: Page, testId: string): Promise<string> {
  const href = await page.getByTestId(testId).locator('a[href^="#/"]').first().getAttribute('href');
  return href!.slice(1);
}

async function inLanguage(page: Page, lang: 'en' | 'sw'): Promise<void> {
  if (lang === 'en') return;
  await page.evaluate(() =>
    (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
      'pamoja.lang',
      'sw',
    ),
  );
  await page.reload();
}

for (const lang of ['en', 'sw'] as const) {
  test.describe(`axe-core, no critical or serious findings (${lang})`, () => {
    test.describe.configure({ timeout: 180_000 });

    test('region, clusters and a cluster', async ({ app }, testInfo) => {
      await inLanguage(app, lang);
      await expectAccessible(app, `region-${lang}`, testInfo);
      const cluster = await firstLink(app, 'region-clusters');
      await visit(app, '#/clusters');
      await expectAccessible(app, `clusters-${lang}`, testInfo);
      await visit(app, cluster);
      await expectAccessible(app, `cluster-${lang}`, testInfo);
    });

    test('practices and a practice', async ({ app }, testInfo) => {
      await inLanguage(app, lang);
      await visit(app, '#/practices');
      await expectAccessible(app, `practices-${lang}`, testInfo);
      await visit(app, await firstLink(app, 'practice-results'));
      await expectAccessible(app, `practice-${lang}`, testInfo);
    });

    test('sessions: list, one session, record, plan', async ({ app }, testInfo) => {
      await inLanguage(app, lang);
      await visit(app, '#/sessions');
      await expectAccessible(app, `sessions-${lang}`, testInfo);
      const session = await firstLink(app, 'sessions-table');
      await visit(app, session);
      await expectAccessible(app, `session-${lang}`, testInfo);
      await visit(app, `${session}/record`);
      await expectAccessible(app, `session-record-${lang}`, testInfo);
      await visit(app, `${session}/plan`);
      await expectAccessible(app, `session-plan-${lang}`, testInfo);
    });

    test('sync, reports, recently removed and settings', async ({ app }, testInfo) => {
      await inLanguage(app, lang);
      for (const screen of ['sync', 'reports', 'removed', 'settings']) {
        await visit(app, `#/${screen}`);
        await expectAccessible(app, `${screen}-${lang}`, testInfo);
      }
    });
  });
}
