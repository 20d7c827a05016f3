import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { expectAccessible } from './axe.ts';
import { demoTemplate } from './globalSetup.ts';
import { serveStore } from './serve.ts';
import { expect, test } from '@playwright/test';

/** Overwrites bytes inside the file, as a failing disk or a yanked stick might. */
function flipBytes(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

test('a damaged store opens the restore screen, which puts back the latest good backup (EN and SW)', async ({
  page,
}, testInfo) => {
  const dir = testInfo.outputPath('store');
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'pamoja.sqlite');
  copyFileSync(demoTemplate, db);
  execFileSync(process.execPath, ['bin/pamoja.js', 'backup', '--db', db]);
  flipBytes(db, 4096 * 3, 4096 * 2);

  const served = await serveStore(db);
  try {
    for (const lang of ['en', 'sw'] as const) {
      if (lang === 'en') await page.goto(served.url);
      else {
        await page.evaluate((l) => localStorage.setItem('pamoja.lang', l), lang);
        await page.reload();
      }
      const screen = page.getByTestId('restore-screen');
      await expect(screen).toBeVisible();
      await expect(page.getByTestId('latest-good')).toContainText(
        lang === 'en' ? 'Made by hand' : 'Iliyotengenezwa',
      );
      await page.screenshot({ path: testInfo.outputPath(`restore-screen-${lang}.png`) });
      await expectAccessible(page, `restore screen ${lang}`, testInfo);
    }
    await page.getByTestId('restore-latest').click();
    // The app opens on the region the backup held.
    await expect(page.getByRole('navigation', { name: 'Pamoja' })).toBeVisible();
    await expect(page.getByTestId('restore-screen')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.locator('main')).toContainText('Kilifi', { timeout: 30_000 });
    await page.screenshot({ path: testInfo.outputPath('restored-overview.png') });
  } finally {
    await served.stop();
  }
});
