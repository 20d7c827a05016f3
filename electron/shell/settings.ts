import { renameSync } from 'node:fs';

/** The shell's own preferences (not the region data, which lives in SQLite). */
export interface ShellPrefs {
  windowBounds?: { x: number; y: number; width: number; height: number };
  lastFolder?: string;
}

/** What the shell uses of its settings file (electron-store, or `conf` beneath it in tests). */
export interface ShellSettings {
  get<K extends keyof ShellPrefs>(key: K): ShellPrefs[K];
  set<K extends keyof ShellPrefs>(key: K, value: ShellPrefs[K]): void;
  readonly path: string;
}
interface SettingsOptions {
  name: string;
  schema: typeof schema;
  clearInvalidConfig: boolean;
  cwd?: string;
}
/** electron-store's class in the app (main.ts hands it over); `conf`'s in plain Node. */
export type SettingsStore = new (options: SettingsOptions) => ShellSettings;

const schema = {
  windowBounds: {
    type: 'object',
    properties: {
      x: { type: 'number' },
      y: { type: 'number' },
      width: { type: 'number' },
      height: { type: 'number' },
    },
  },
  lastFolder: { type: 'string' },
} as const;

/**
 * Opens the settings file. A damaged file (not JSON, or not matching the schema) must never
 * stop the app starting: it is set aside as `settings.json.broken-<time>` (kept for whoever
 * wants to look) and the app starts with defaults. Returns the settings and what was set aside.
 */
export function openSettings(
  Store: SettingsStore,
  cwd?: string,
): { settings: ShellSettings; setAside: string | null } {
  const options = { name: 'settings', schema, ...(cwd ? { cwd } : {}) };
  try {
    return { settings: new Store({ ...options, clearInvalidConfig: false }), setAside: null };
  } catch (e) {
    // The probe only tells where the file is: it reads nothing and writes nothing.
    const file = new Store({ ...options, name: 'settings-probe', clearInvalidConfig: true }).path.replace(
      'settings-probe',
      'settings',
    );
    let setAside: string | null = `${file}.broken-${Date.now()}`;
    try {
      renameSync(file, setAside);
    } catch {
      setAside = null; // nothing there to set aside; start fresh anyway
    }
    console.error(
      `[pamoja] the settings file could not be read (${(e as Error).message.split('\n')[0]}); starting with defaults${setAside ? `, the old file kept as ${setAside}` : ''}.`,
    );
    return { settings: new Store({ ...options, clearInvalidConfig: true }), setAside };
  }
}
