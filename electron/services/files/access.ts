import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { PamojaError, PlaceError } from '../../../shared/errors.ts';

/** What a chosen path is for: reading a file, writing one, or using a folder (the mailbox). */
export type FileUse = 'read' | 'write' | 'folder';

/**
 * How a transport turns the `path` an operation was given into a real path. Every handler
 * that touches a file the coach named goes through `ctx.files.resolve(ref, use)`:
 * - the app (IPC): only grants made by the shell (dialogs, drops, opened files) are
 *   accepted, so the page never names a path itself;
 * - `serve` (HTTP): paths inside the data folder and folders named with `--allow`;
 * - the CLI and tests: any path (the person typing it owns the machine).
 */
export interface FileAccess {
  /** The real path for `ref`, or a PamojaError saying why it may not be used. */
  resolve(ref: string, use: FileUse): string;
  /** Records a path the shell itself chose and returns the ref the page hands back. */
  grant(path: string, use: FileUse): string;
  /** Folders the page may name (browser); empty where paths come only from the shell. */
  readonly allowedFolders: readonly string[];
}

/** The CLI's and the tests' access: a path is a path. */
export function anyPath(): FileAccess {
  return {
    resolve: (ref) => resolve(ref),
    grant: (path) => path,
    allowedFolders: [],
  };
}

const GRANT = 'grant:';

/**
 * The app's access: paths the shell chose, kept here in the main process; the page only
 * ever sees an opaque `grant:…` ref. A grant for a folder also covers what is inside it;
 * a grant to read does not allow writing.
 */
export function shellGrants(): FileAccess & { describe(ref: string): string | undefined } {
  const grants = new Map<string, { path: string; use: FileUse }>();
  return {
    grant(path, use) {
      const ref = GRANT + randomBytes(18).toString('base64url');
      grants.set(ref, { path: resolve(path), use });
      return ref;
    },
    resolve(ref, use) {
      const granted = grants.get(ref);
      if (!granted) {
        throw ref.startsWith(GRANT)
          ? new PlaceError(
              'invalid',
              'grant_expired',
              '',
              'That file choice has expired: choose the file again.',
            )
          : new PlaceError(
              'invalid',
              'typed_path',
              ref,
              'Choose the file or folder with its Choose… button: the app does not take typed paths.',
            );
      }
      const fits = granted.use === use || (granted.use === 'write' && use === 'read');
      if (!fits) {
        throw new PamojaError('invalid', `${basename(granted.path)} was not chosen to be ${verb(use)}.`);
      }
      return granted.path;
    },
    describe: (ref) => grants.get(ref)?.path,
    allowedFolders: [],
  };
}

const verb = (use: FileUse): string => (use === 'read' ? 'read' : use === 'write' ? 'written' : 'synced');

/**
 * The browser's access: a path must lie inside one of `folders` (the data folder and those
 * named with `--allow DIR`). Links are followed before checking, so a link inside an
 * allowed folder cannot lead outside it.
 */
export function withinFolders(folders: readonly string[]): FileAccess {
  const roots = folders.map((f) => realOrSelf(resolve(f)));
  return {
    resolve(ref, use) {
      if (!isAbsolute(ref)) {
        throw new PamojaError('invalid', `Give the whole path, starting from the top folder: ${ref}`);
      }
      const wanted = resolve(ref);
      const real = realOfNearest(wanted);
      if (!roots.some((root) => inside(root, real))) {
        throw new PlaceError(
          'invalid',
          'outside_allowed',
          wanted,
          `${wanted} is outside the folders this server may ${use === 'read' ? 'read' : 'write'}: ` +
            `${roots.join(', ')}. Start it with --allow "${use === 'folder' ? wanted : dirname(wanted)}" to use it.`,
        );
      }
      return wanted;
    },
    grant: (path) => path,
    allowedFolders: roots,
  };
}

function inside(root: string, path: string): boolean {
  const r = relative(root, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The real path of `path`, through its nearest existing ancestor for paths not made yet. */
function realOfNearest(path: string): string {
  const rest: string[] = [];
  let at = path;
  for (;;) {
    try {
      return resolve(realpathSync(at), ...rest);
    } catch {
      const up = dirname(at);
      if (up === at) return path;
      rest.unshift(basename(at));
      at = up;
    }
  }
}
