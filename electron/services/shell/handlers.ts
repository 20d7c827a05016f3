import { basename, join } from 'node:path';
import { isAllowedExternal } from '../../../shared/externalLinks.ts';
import { PamojaError } from '../../../shared/errors.ts';
import type { FileAccess, FileUse } from '../files/access.ts';
import type { HandlerMap, OpsOf } from '../handlers.ts';

const choice = (files: FileAccess, path: string | null, use: FileUse) =>
  path === null ? null : { ref: files.grant(path, use), path, name: basename(path) };

/** Where bundles go when the coach has not chosen a place (made on first export). */
export const bundlesFolder = (dataDir: string): string => join(dataDir, 'bundles');

/** The shell's own calls: validated by the contract like every other operation. */
export const shellHandlers: HandlerMap<OpsOf<'shell'>> = {
  'shell.info': (_input, { shell, files, dataDir }) => ({
    desktop: shell.desktop,
    allowedFolders: [...files.allowedFolders],
    bundlesFolder: bundlesFolder(dataDir),
  }),
  'shell.chooseFolder': async (input, { shell, files }) =>
    choice(files, await shell.chooseFolder(input), 'folder'),
  'shell.chooseFile': async (input, { shell, files }) => choice(files, await shell.chooseFile(input), 'read'),
  'shell.saveFile': async (input, { shell, files }) => choice(files, await shell.saveFile(input), 'write'),
  'shell.printToPdf': async ({ html, defaultName, ...options }, { shell, files }) => {
    const target = await shell.saveFile({ defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (target === null) return null;
    await shell.printToPdf(html, target, options);
    return choice(files, target, 'write');
  },
  'shell.showInFolder': ({ ref }, { shell, files }) => {
    shell.showInFolder(files.resolve(ref, 'read'));
    return { ok: true as const };
  },
  'shell.openExternal': async ({ url }, { shell }) => {
    if (!isAllowedExternal(url)) throw new PamojaError('invalid', `The app does not open ${url}.`);
    await shell.openExternal(url);
    return { ok: true as const };
  },
};
