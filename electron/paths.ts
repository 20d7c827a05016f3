import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Pamoja keeps its data when no --db is given: the same folder Electron uses as
 * `userData` for an app named "Pamoja", so the app and `npm run serve` share one store.
 */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  if (env.PAMOJA_DATA_DIR) return env.PAMOJA_DATA_DIR;
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Pamoja');
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', 'Pamoja');
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Pamoja');
  }
}

export const STORE_FILE_NAME = 'pamoja.sqlite';
