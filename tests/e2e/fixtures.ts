import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoTemplate } from './globalSetup.ts';
import { serveStore, type ServedStore } from './serve.ts';

interface Fixtures {
  /** A fresh copy of the demo region store, served for this test only. */
  served: ServedStore;
  /** The app open in Chromium on `served`, at the region overview. */
  app: Page;
  /** Makes and serves another store: `demo` (a new demo with its own device id) or `empty`. */
  serveAnother: (kind: 'demo' | 'empty', name: string) => Promise<ServedStore>;
}

export const test = base.extend<Fixtures>({
  served: async ({}, use, testInfo) => {
    const dir = testInfo.outputPath('store');
    mkdirSync(dir, { recursive: true });
    const db = join(dir, 'pamoja.sqlite');
    // A byte copy keeps the template's device id: fine for one store; use serveAnother
    // when a test needs two laptops.
    copyFileSync(demoTemplate, db);
    // The test's own folder stands for a USB stick: the page may use files there.
    const served = await serveStore(db, ['--allow', testInfo.outputPath()]);
    await use(served);
    await served.stop();
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('serve.log', { body: served.log() });
  },
  app: async ({ page, served }, use) => {
    await page.goto(served.url);
    await expect(page.getByRole('navigation', { name: 'Pamoja' })).toBeVisible();
    await use(page);
  },
  serveAnother: async ({}, use, testInfo) => {
    const started: ServedStore[] = [];
    await use(async (kind, name) => {
      const dir = testInfo.outputPath(name);
      mkdirSync(dir, { recursive: true });
      const db = join(dir, 'pamoja.sqlite');
      if (kind === 'demo')
        execFileSync(process.execPath, ['bin/pamoja.js', 'demo', '--db', db, '--seed', '1']);
      const served = await serveStore(db, ['--allow', testInfo.outputPath()]);
      started.push(served);
      return served;
    });
    for (const s of started) await s.stop();
  },
});

export { expect };
