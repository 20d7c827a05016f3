import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe.ts';

/**
 * `npm start` where Electron's binary is missing and cannot be downloaded (as on these
 * machines, and in offices with no connection): one plain line, then the same app on the
 * demo region through serve. ELECTRON_OVERRIDE_DIST_PATH points at a folder with no
 * Electron, so the test means the same wherever it runs, and no download is tried.
 */
function start(args: string[], dataDir: string) {
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.ts', ...args], {
    env: {
      ...process.env,
      PAMOJA_DATA_DIR: dataDir,
      ELECTRON_OVERRIDE_DIST_PATH: `${dataDir}/no-electron-here`,
      BROWSER: 'none',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
  const announced = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no address printed:\n${lines.join('\n')}\n${errors}`)),
      90_000,
    );
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (/http:\/\/127\.0\.0\.1:\d+\//.test(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`start exited with ${code}:\n${lines.join('\n')}\n${errors}`)),
    );
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return { announced, lines, stderr: () => errors, stop };
}

for (const variant of [
  { args: [], why: /Electron, the desktop shell, is not installed and could not be downloaded/ },
  { args: ['--browser'], why: /runs in the browser \(--browser\)/ },
]) {
  test(`npm start ${variant.args.join(' ') || 'with no Electron binary'} says so in one line and serves the demo region`, async ({
    page,
  }, testInfo) => {
    const dataDir = testInfo.outputPath('data');
    mkdirSync(dataDir, { recursive: true });
    const started = start(variant.args, dataDir);
    try {
      const line = await started.announced;
      expect(line).toMatch(variant.why);
      expect(line).toMatch(/Open this address in a browser: http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/);
      // One plain line on stdout, and no stack trace anywhere.
      expect(started.lines).toEqual([line]);
      expect(started.stderr()).not.toMatch(/\n\s+at |Error:/);
      await page.goto(line.slice(line.indexOf('http://')));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kilifi County', { timeout: 60_000 });
      await expectAccessible(page, 'region overview after npm start', testInfo);
    } finally {
      await started.stop();
    }
  });
}
