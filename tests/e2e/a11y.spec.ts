import type { Page } from '@playwright/test';
import { expectAccessible } from './axe.ts';
import { expect, test } from './fixtures.ts';

/**
 * axe-core on every screen that existed before each area's own specs took over checking
 * their screens, in both languages. Each screen waits for its heading so the check sees
 * the loaded page, not the spinner.
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

for (const lang of ['en', 'sw'] as const) {
  test(`every screen passes axe-core with no critical or serious findings (${lang})`, async ({
    app,
  }, testInfo) => {
    test.setTimeout(120_000);
    if (lang === 'sw') {
      await app.evaluate(() =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem('pamoja.lang', 'sw'),
      );
      await app.reload();
    }
    await expectAccessible(app, `region-${lang}`, testInfo);
    await visit(app, '#/clusters');
    await expectAccessible(app, `clusters-${lang}`, testInfo);
    await visit(app, '#/');
    const cluster = await firstLink(app, 'region-clusters');
    await visit(app, cluster);
    await expectAccessible(app, `cluster-${lang}`, testInfo);
    await visit(app, '#/practices');
    await expectAccessible(app, `practices-${lang}`, testInfo);
    const practice = await firstLink(app, 'practice-results');
    await visit(app, practice);
    await expectAccessible(app, `practice-${lang}`, testInfo);
    await visit(app, '#/sessions');
    await expectAccessible(app, `sessions-${lang}`, testInfo);
    const session = await firstLink(app, 'sessions-table');
    await visit(app, session);
    await expectAccessible(app, `session-${lang}`, testInfo);
    await visit(app, `${session}/record`);
    await expectAccessible(app, `session-record-${lang}`, testInfo);
    await visit(app, `${session}/plan`);
    await expectAccessible(app, `session-plan-${lang}`, testInfo);
    await visit(app, '#/sync');
    await expectAccessible(app, `sync-${lang}`, testInfo);
    await visit(app, '#/reports');
    await expectAccessible(app, `reports-${lang}`, testInfo);
    await visit(app, '#/settings');
    await expectAccessible(app, `settings-${lang}`, testInfo);
  });
}
