import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The electron package's folder, or null when it is not installed. */
export function electronPackageDir(): string | null {
  try {
    return dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return null;
  }
}

/**
 * Electron's binary, found the way the electron package finds it (path.txt, dist/, or
 * ELECTRON_OVERRIDE_DIST_PATH) but without starting its download: null when it is not there.
 */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = electronPackageDir();
  if (packageDir === null) return null;
  const pathFile = join(packageDir, 'path.txt');
  const inDist = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, inDist || 'electron')
    : inDist
      ? join(packageDir, 'dist', inDist)
      : '';
  return binary && existsSync(binary) ? binary : null;
}
