import { z } from 'zod';
import { op } from './define.ts';

/**
 * A file or folder the coach chose (a dialog, a drop, a bundle opened with the app).
 * `ref` is what the page hands back to operations that take a `path`: in the app it is an
 * opaque grant the main process keeps (the page never names a path itself); in the browser
 * and the CLI it is the path. `path` is only for showing.
 */
export const FileChoice = z.object({ ref: z.string(), path: z.string(), name: z.string() });
export type FileChoice = z.infer<typeof FileChoice>;

const FileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9-]{1,20}$/i))
    .min(1)
    .max(10),
});
const title = z.string().max(200).optional();
const fileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((n) => !/[\\/]/.test(n), 'a file name, without folders');

export const shellOps = {
  /** What this transport can do with files, and (browser) where it may read and write. */
  'shell.info': op(
    z.object({}),
    z.object({
      /** True in the desktop app: dialogs, PDF, drops and opened files. */
      desktop: z.boolean(),
      /** The data folder and folders named with `--allow` (browser); empty in the app. */
      allowedFolders: z.array(z.string()),
      /** Where bundles go when no place is chosen. */
      bundlesFolder: z.string(),
    }),
  ),
  'shell.chooseFolder': op(z.object({ title }), FileChoice.nullable()),
  'shell.chooseFile': op(z.object({ title, filters: z.array(FileFilter).max(10) }), FileChoice.nullable()),
  /** Asks where to save; the choice may then be written by an operation taking `path`. */
  'shell.saveFile': op(
    z.object({ title, defaultName: fileName, filters: z.array(FileFilter).max(10).optional() }),
    FileChoice.nullable(),
  ),
  /**
   * Saves an HTML document as PDF (asks where first). `pageNumbers.label` is the footer,
   * with `{page}` and `{pages}` standing for the numbers, e.g. "Page {page} of {pages}".
   */
  'shell.printToPdf': op(
    z.object({
      html: z.string().min(1).max(50_000_000),
      defaultName: fileName,
      landscape: z.boolean().optional(),
      pageNumbers: z.object({ label: z.string().min(1).max(100) }).optional(),
    }),
    FileChoice.nullable(),
  ),
  /** Shows a chosen or written file in the system's file manager. */
  'shell.showInFolder': op(z.object({ ref: z.string().min(1).max(4096) }), z.object({ ok: z.literal(true) })),
  /** Opens a web address in the system browser; only addresses on the allowlist. */
  'shell.openExternal': op(z.object({ url: z.string().max(2000) }), z.object({ ok: z.literal(true) })),
};
