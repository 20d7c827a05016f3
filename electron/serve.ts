import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateDemo } from './demo/generate.ts';
import { defaultDataDir, STORE_FILE_NAME } from './paths.ts';
import { keepDailyBackups, openCheckedStore } from './services/backups/startup.ts';
import { createContext } from './services/context.ts';
import { sharedPrinter } from './services/reports/pdf.ts';
import { withinFolders } from './services/files/access.ts';
import { handlers } from './services/index.ts';
import { warmUpSoon } from './services/recommend/warm.ts';
import { startMailAutoSend } from './services/mail/autoSend.ts';
import { smtpPasswordAtHand } from './services/mail/handlers.ts';
import { hasRegion } from './services/region/overview.ts';
import { startHttpTransport } from './transport/http.ts';
import { promptSecret } from './cli/terminal.ts';
import { needsPassphrase, unlockAtStart, useUnlocker } from './services/secrets/vault.ts';

/**
 * `npm run serve`: the app in a browser, over the local HTTP transport. Prints the URL
 * (with its per-launch token) on the first line of stdout, which the end-to-end tests read.
 *
 *   node electron/serve.ts [--db FILE] [--port N] [--demo] [--token T] [--allow DIR]...
 *
 * The page may read and write files only in the data folder (the store's folder) and the
 * folders named with --allow (a USB stick's mount point, a shared folder).
 */
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    demo: { type: 'boolean', default: false },
    token: { type: 'string' },
    allow: { type: 'string', multiple: true, default: [] },
  },
});
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = join(root, 'dist');
if (!existsSync(join(staticDir, 'index.html'))) {
  console.error('The renderer is not built: run `npx vite build` (npm run serve does it).');
  process.exit(1);
}
const dbFile = values.db ?? join(defaultDataDir(), STORE_FILE_NAME);
// The store is checked first (PRAGMA quick_check): a damaged one opens the restore screen.
const opened = openCheckedStore(dbFile);
const store = opened.store;
const dataDir = dirname(resolve(dbFile));
const allowed = values.allow.map((dir) => resolve(dir));
for (const dir of allowed) {
  if (!existsSync(dir))
    console.error(`Note: --allow ${dir} does not exist (yet); plug the stick in and it will be usable.`);
}
// The region key and signing key are sealed with the passphrase (PAMOJA_PASSPHRASE, or asked
// for at the terminal); a page that joins or syncs with the passphrase unlocks them too.
if (process.env.PAMOJA_PASSPHRASE) useUnlocker({ passphrase: process.env.PAMOJA_PASSPHRASE });
else if (opened.health.state === 'ok' && process.stdin.isTTY && needsPassphrase(store))
  useUnlocker({ passphrase: await promptSecret('Region passphrase (to open this laptop’s sealed keys): ') });
const ctx = createContext(store, dataDir, 'http', undefined, { files: withinFolders([dataDir, ...allowed]) });
ctx.health = opened.health;
ctx.jobs.keepWarm(); // a worker ready for the next report or import
ctx.onStoreReplaced = (restored) => {
  unlockAtStart(restored);
  warmUpSoon(restored);
};
if (values.demo && opened.health.state === 'ok' && !hasRegion(store)) {
  generateDemo(store, { seed: 1, scale: 'region' });
}
const transport = await startHttpTransport({
  handlers,
  ctx,
  staticDir,
  port: values.port ? Number(values.port) : 0,
  token: values.token,
});
console.log(transport.url);
if (opened.health.state === 'ok') {
  const locked = unlockAtStart(store);
  if (locked) console.error(`Note: ${locked}`);
  warmUpSoon(store);
  startMailAutoSend(ctx, smtpPasswordAtHand);
} else
  console.error(
    `The store ${dbFile} is damaged (${opened.health.problem}): the page offers its latest good backup.`,
  );
keepDailyBackups(
  () => (ctx.health.state === 'ok' ? ctx.store : null),
  () => ctx.jobs.busy(),
);
console.error(`Pamoja is serving ${dbFile} — open the address above in a browser. Ctrl+C stops.`);

const stop = (): void => {
  void transport.close().then(async () => {
    await ctx.jobs.close();
    await sharedPrinter().close();
    ctx.store.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
