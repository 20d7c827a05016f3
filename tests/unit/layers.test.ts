import { ESLint } from 'eslint';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, fed one import at a time: each forbidden import must
 * be an error where it is forbidden, and the imports each layer lives on must pass.
 */
const eslint = new ESLint({ cwd: process.cwd() });
const RULE = '@typescript-eslint/no-restricted-imports';

async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}
const importing = (source: string, typeOnly = false) =>
  typeOnly ? `import type { X as x } from '${source}';` : `import { x } from '${source}';`;

const builtins = [...new Set(builtinModules.flatMap((m) => [m, m.startsWith('node:') ? m : `node:${m}`]))];

describe('lint layer rules', () => {
  it('shared/ never imports a Node built-in (every one Node lists), electron or electron-store', async () => {
    for (const source of [
      ...builtins,
      'electron',
      'electron-store',
      'better-sqlite3',
      'react',
      '../electron/db/store.ts',
      '../renderer/api.ts',
    ]) {
      expect(await restricted('shared/sync/anything.ts', importing(source)), source).toHaveLength(1);
    }
    expect(await restricted('shared/sync/anything.ts', importing('zod'))).toEqual([]);
    expect(await restricted('shared/sync/anything.ts', importing('../clock.ts'))).toEqual([]);
  });

  it('renderer/ never imports a Node built-in, electron or the Node code', async () => {
    for (const source of [
      ...builtins,
      'electron',
      'electron-store',
      'better-sqlite3',
      '../electron/services/dispatch.ts',
    ]) {
      expect(await restricted('renderer/screens/Anything.tsx', importing(source)), source).toHaveLength(1);
    }
    for (const source of ['react', 'recharts', '../api.ts', '../../shared/i18n.ts'])
      expect(await restricted('renderer/screens/Anything.tsx', importing(source)), source).toEqual([]);
  });

  it('electron/ never imports react or renderer/, main and preload included', async () => {
    for (const file of [
      'electron/main.ts',
      'electron/preload.ts',
      'electron/services/sync/x.ts',
      'electron/db/x.ts',
      'electron/cli/x.ts',
    ]) {
      for (const source of [
        'react',
        'react-dom/client',
        'recharts',
        '../renderer/api.ts',
        '../../renderer/screens/SyncScreen.tsx',
      ]) {
        expect(await restricted(file, importing(source)), `${file} ← ${source}`).toHaveLength(1);
      }
    }
  });

  it('only main.ts and preload.ts import electron at run time; electron/shell/ has no exemption', async () => {
    for (const file of [
      'electron/shell/desktop.ts',
      'electron/shell/settings.ts',
      'electron/transport/ipc.ts',
      'electron/services/x.ts',
      'electron/db/x.ts',
      'electron/serve.ts',
    ]) {
      expect(await restricted(file, importing('electron')), file).toHaveLength(1);
      expect(await restricted(file, importing('electron', true)), `${file} (type)`).toEqual([]);
    }
    for (const file of ['electron/main.ts', 'electron/preload.ts'])
      expect(await restricted(file, importing('electron')), file).toEqual([]);
  });

  it('electron/db/ never imports the services', async () => {
    for (const source of [
      '../services/index.ts',
      '../services/sync/bundles.ts',
      '../../electron/services/context.ts',
    ])
      expect(await restricted('electron/db/store.ts', importing(source)), source).toHaveLength(1);
    expect(await restricted('electron/db/store.ts', importing('../../shared/clock.ts'))).toEqual([]);
    expect(await restricted('electron/services/sync/x.ts', importing('../../db/store.ts'))).toEqual([]);
    expect(await restricted('electron/services/sync/x.ts', importing('node:fs'))).toEqual([]);
  });
});
