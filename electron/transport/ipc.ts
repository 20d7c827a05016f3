import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Envelope, Progress } from '../../shared/contract/bridge.ts';
import type { OpName } from '../../shared/contract/index.ts';
import type { FileChoice } from '../../shared/contract/shell.ts';
import type { ServiceContext } from '../services/context.ts';
import { dispatch } from '../services/dispatch.ts';
import type { HandlerMap } from '../services/handlers.ts';

/** The channels between the preload and the main process (nothing else is listened to). */
export const channels = {
  /** page → main: one operation of the contract (the shell's own calls included). */
  call: 'pamoja:call',
  /** page → main: a file dropped on the window; the preload reads its path. */
  dropped: 'pamoja:dropped',
  /** main → page: a bundle opened with the app (double-click, command line, drop). */
  openFile: 'pamoja:openFile',
  /** main → page: progress of long work. */
  progress: 'pamoja:progress',
} as const;

/** The parts of Electron's `ipcMain` used here (given by main.ts, so this runs in plain Node). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}
export interface IpcEvent {
  senderFrame: { url: string } | null;
}
/** The parts of a window's `webContents` used to push to the page. */
export interface PageLike {
  send(channel: string, ...args: unknown[]): void;
}

const refused: Envelope = { ok: false, error: { code: 'invalid', message: 'refused' } };
export const BUNDLE_EXTENSION = '.pamoja';
/** What the app opens: bundles, parts of split bundles, and emails carrying them. */
export const OPENABLE_EXTENSIONS = [BUNDLE_EXTENSION, '.pamoja-part', '.eml'] as const;
const openable = (path: string): boolean => OPENABLE_EXTENSIONS.some((e) => path.toLowerCase().endsWith(e));

/**
 * The Electron transport: every call from the page goes through the same `dispatch` as the
 * HTTP transport (contract validation, error envelopes). Calls are answered only when they
 * come from our own page (`isOurPage` of the sender frame's URL), never from anything it
 * might navigate to or embed. Returns a function that removes the handlers.
 */
export function wireIpc(options: {
  ipcMain: IpcMainLike;
  handlers: HandlerMap<OpName>;
  ctx: ServiceContext;
  isOurPage: (url: string) => boolean;
}): () => void {
  const { ipcMain, handlers, ctx, isOurPage } = options;
  const ours = (event: IpcEvent): boolean => event.senderFrame !== null && isOurPage(event.senderFrame.url);

  ipcMain.handle(channels.call, (event, op, input) => {
    if (!ours(event) || typeof op !== 'string') return refused;
    return dispatch(handlers, ctx, op, input);
  });
  ipcMain.handle(channels.dropped, (event, path) => {
    if (!ours(event) || typeof path !== 'string') return null;
    return bundleChoice(ctx, path);
  });
  return () => {
    ipcMain.removeHandler(channels.call);
    ipcMain.removeHandler(channels.dropped);
  };
}

/**
 * A bundle the coach handed the app (dropped, opened with it, named on its command line),
 * granted for reading; null for anything that is not an existing bundle, part or `.eml` file.
 */
export function bundleChoice(ctx: ServiceContext, path: string): FileChoice | null {
  if (!openable(path)) return null;
  try {
    if (!statSync(path).isFile()) return null;
  } catch {
    return null;
  }
  return { ref: ctx.files.grant(path, 'read'), path, name: basename(path) };
}

/** Bundles named on a command line (a double-clicked file arrives this way on Windows and Linux). */
export const bundleArgs = (argv: readonly string[]): string[] =>
  argv.filter((a) => !a.startsWith('-') && openable(a));

/**
 * Delivers opened bundles to the page, holding them until it has loaded.
 */
export function fileDelivery(ctx: ServiceContext) {
  let page: PageLike | null = null;
  const pending: FileChoice[] = [];
  return {
    deliver(path: string): void {
      const chosen = bundleChoice(ctx, path);
      if (!chosen) return;
      if (page) page.send(channels.openFile, chosen);
      else pending.push(chosen);
    },
    /** The page has loaded (or null: the window closed). */
    attach(next: PageLike | null): void {
      page = next;
      if (page) for (const chosen of pending.splice(0)) page.send(channels.openFile, chosen);
    },
  };
}

/** Progress pushed to the page as it happens. */
export const progressTo =
  (page: () => PageLike | null) =>
  (p: Progress): void =>
    page()?.send(channels.progress, p);
