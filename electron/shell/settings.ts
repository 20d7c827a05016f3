import Store from 'electron-store';
import { renameSync } from 'node:fs';

/** The shell's own preferences (not the region data, which lives in SQLite). */
export interface ShellPrefs {
  windowBounds?: { x: number; y: number; width: number; height: number };
  lastFolder?: string;
}
export type ShellSettings = Store<ShellPrefs>;

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
 * Opens the settings file. A corrupt or invalid file must never stop the app starting:
 * electron-store resets invalid content, and if reading still fails the broken file is
 * set aside (kept for inspection) and a fresh one is used.
 */
export function openSettings(): ShellSettings {
  try {
    return new Store<ShellPrefs>({ name: 'settings', schema, clearInvalidConfig: true });
  } catch (e) {
    const broken = new Store<ShellPrefs>({ name: 'settings-probe' }).path.replace(
      'settings-probe',
      'settings',
    );
    try {
      renameSync(broken, `${broken}.broken-${Date.now()}`);
    } catch {
      // Nothing to set aside; start fresh anyway.
    }
    console.error('[pamoja] settings file unreadable, starting with defaults:', e);
    return new Store<ShellPrefs>({ name: 'settings', schema, clearInvalidConfig: true });
  }
}
