import Conf from 'conf';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openSettings, type SettingsStore } from '../../electron/shell/settings.ts';
import { tempDir } from './helpers.ts';

// electron-store is `conf` with Electron's data folder as its default; in plain Node the same
// class reads and writes the same file, given the folder.
// (electron-store renames `name` to conf's `configName`; the stand-in does the same.)
class ConfAsElectronStore extends Conf {
  constructor({ name, ...options }: { name: string } & Record<string, unknown>) {
    super({ ...options, configName: name });
  }
}
const Store = ConfAsElectronStore as unknown as SettingsStore;

describe('the shell’s settings file (electron/shell/settings.ts)', () => {
  it('reads a good file as it is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ lastFolder: '/media/usb' }));
    const { settings, setAside } = openSettings(Store, dir);
    expect(settings.get('lastFolder')).toBe('/media/usb');
    expect(setAside).toBeNull();
  });

  for (const [what, content] of [
    ['not JSON at all (a power cut mid-write)', '{"windowBounds": {"x": 1, "y'],
    ['JSON that breaks the schema', JSON.stringify({ windowBounds: 'big', lastFolder: 42 })],
    ['bytes of something else', '\u0000\u0001PK\u0003\u0004'],
  ] as const) {
    it(`starts with defaults when the file is ${what}, keeping the old one aside`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'settings.json'), content);
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const { settings, setAside } = openSettings(Store, dir);
      expect(quiet).toHaveBeenCalledOnce();
      quiet.mockRestore();
      expect(settings.get('lastFolder')).toBeUndefined();
      expect(setAside).toMatch(/settings\.json\.broken-\d+$/);
      expect(readFileSync(setAside!, 'utf8')).toBe(content);
      // The fresh file works and survives reopening.
      settings.set('lastFolder', '/media/KINGSTON');
      expect(openSettings(Store, dir).settings.get('lastFolder')).toBe('/media/KINGSTON');
      expect(readdirSync(dir).sort()).toEqual(['settings.json', setAside!.split('/').pop()!].sort());
    });
  }

  it('starts with defaults when there is no file yet', () => {
    const dir = tempDir();
    const { settings, setAside } = openSettings(Store, dir);
    expect(settings.get('windowBounds')).toBeUndefined();
    expect(setAside).toBeNull();
  });
});
