import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/services/context.ts';
import { anyPath, shellGrants, withinFolders } from '../../electron/services/files/access.ts';
import { handlers } from '../../electron/services/index.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import type { ShellPort } from '../../electron/services/shell/port.ts';
import { footerTemplate } from '../../electron/shell/pdfFooter.ts';
import {
  bundleArgs,
  channels,
  fileDelivery,
  wireIpc,
  type IpcEvent,
  type IpcMainLike,
} from '../../electron/transport/ipc.ts';
import { isAllowedExternal } from '../../shared/externalLinks.ts';
import { tempDir, tempStore } from './helpers.ts';
import { seedRegion } from './syncHelpers.ts';

const PAGE = 'app://pamoja/index.html';

/** ipcMain as Electron's, minus Electron: handlers by channel, invoked like the preload does. */
function fakeIpcMain() {
  const handlersByChannel = new Map<string, (event: IpcEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlersByChannel.set(channel, listener),
    removeHandler: (channel) => void handlersByChannel.delete(channel),
  };
  const invoke = (from: string | null, channel: string, ...args: unknown[]) =>
    Promise.resolve(
      handlersByChannel.get(channel)!(
        from === null ? { senderFrame: null } : { senderFrame: { url: from } },
        ...args,
      ),
    );
  return { ipcMain, invoke, channels: () => [...handlersByChannel.keys()] };
}

/** A desktop shell whose dialogs answer from a script, recording what was asked. */
function scriptedShell(answers: { folder?: string; file?: string; save?: string | null }) {
  const asked: string[] = [];
  const port: ShellPort = {
    desktop: true,
    chooseFolder: async () => (asked.push('folder'), answers.folder ?? null),
    chooseFile: async () => (asked.push('file'), answers.file ?? null),
    saveFile: async ({ defaultName }) => (asked.push(`save:${defaultName}`), answers.save ?? null),
    printToPdf: async (html, target, options) => {
      asked.push(`pdf:${options.pageNumbers?.label ?? ''}`);
      writeFileSync(target, `%PDF-1.7 ${html.length}`);
    },
    showInFolder: (path) => void asked.push(`show:${path}`),
    openExternal: async (url) => void asked.push(`open:${url}`),
  };
  return { port, asked };
}

function appContext(shell: ShellPort) {
  const store = tempStore();
  return createContext(store, tempDir(), 'ipc', () => undefined, { files: shellGrants(), shell });
}

describe('the IPC transport (electron/transport/ipc.ts)', () => {
  it('answers calls from our page through the contract, and refuses any other sender', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const ctx = appContext(scriptedShell({}).port);
    wireIpc({ ipcMain, handlers, ctx, isOurPage: (url) => url.startsWith(PAGE) });
    const ok = (await invoke(`${PAGE}#/sync`, channels.call, 'app.info', {})) as { ok: boolean };
    expect(ok.ok).toBe(true);
    const refused = { ok: false, error: { code: 'invalid', message: 'refused' } };
    expect(await invoke('https://example.org/', channels.call, 'app.info', {})).toEqual(refused);
    expect(await invoke(null, channels.call, 'app.info', {})).toEqual(refused);
    expect(await invoke(PAGE, channels.call, 42, {})).toEqual(refused);
  });

  it('validates the shell’s own calls like every other operation', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const shell = scriptedShell({ save: '/never' });
    wireIpc({ ipcMain, handlers, ctx: appContext(shell.port), isOurPage: (u) => u === PAGE });
    const bad = (await invoke(PAGE, channels.call, 'shell.saveFile', {
      defaultName: '../../etc/passwd',
    })) as {
      ok: false;
      error: { path: string };
    };
    expect(bad.ok).toBe(false);
    expect(bad.error.path).toBe('defaultName');
    expect(shell.asked).toEqual([]);
  });

  it('removes its handlers when unwired', () => {
    const fake = fakeIpcMain();
    const unwire = wireIpc({
      ipcMain: fake.ipcMain,
      handlers,
      ctx: appContext(scriptedShell({}).port),
      isOurPage: () => true,
    });
    expect(fake.channels().sort()).toEqual([channels.call, channels.dropped].sort());
    unwire();
    expect(fake.channels()).toEqual([]);
  });

  it('grants a dropped bundle for reading, and nothing else that is dropped', async () => {
    const { ipcMain, invoke } = fakeIpcMain();
    const ctx = appContext(scriptedShell({}).port);
    wireIpc({ ipcMain, handlers, ctx, isOurPage: (u) => u === PAGE });
    const dir = tempDir();
    const bundle = join(dir, 'from-kilifi.pamoja');
    writeFileSync(bundle, 'not really a bundle');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    const chosen = (await invoke(PAGE, channels.dropped, bundle)) as {
      ref: string;
      path: string;
      name: string;
    };
    expect(chosen.path).toBe(bundle);
    expect(chosen.name).toBe('from-kilifi.pamoja');
    expect(chosen.ref).toMatch(/^grant:/);
    expect(ctx.files.resolve(chosen.ref, 'read')).toBe(bundle);
    expect(() => ctx.files.resolve(chosen.ref, 'write')).toThrow(/was not chosen to be written/);
    expect(await invoke(PAGE, channels.dropped, join(dir, 'notes.txt'))).toBeNull();
    expect(await invoke(PAGE, channels.dropped, join(dir, 'gone.pamoja'))).toBeNull();
    // Emails carrying bundles and parts of split bundles open too (docs/mail.md).
    for (const name of ['from-amina.eml', 'b-part-2-of-3.pamoja-part']) {
      writeFileSync(join(dir, name), 'x');
      expect(((await invoke(PAGE, channels.dropped, join(dir, name))) as { name: string }).name).toBe(name);
    }
    expect(await invoke('https://example.org/', channels.dropped, bundle)).toBeNull();
  });

  it('holds opened bundles until the page has loaded, then delivers them as grants', () => {
    const ctx = appContext(scriptedShell({}).port);
    const dir = tempDir();
    const bundle = join(dir, 'a.pamoja');
    writeFileSync(bundle, 'x');
    const delivery = fileDelivery(ctx);
    delivery.deliver(bundle);
    delivery.deliver(join(dir, 'missing.pamoja'));
    const sent: unknown[][] = [];
    delivery.attach({ send: (...args) => void sent.push(args) });
    expect(sent).toHaveLength(1);
    expect(sent[0]![0]).toBe(channels.openFile);
    expect((sent[0]![1] as { path: string }).path).toBe(bundle);
    expect(bundleArgs(['/usr/bin/pamoja', '--demo', bundle, '--x=y.pamoja'])).toEqual([bundle]);
  });
});

describe('file paths in the app: only what the shell granted', () => {
  it('refuses a typed path with a plain message, even one that exists', async () => {
    const ctx = appContext(scriptedShell({}).port);
    seedRegion(ctx.store);
    const dir = tempDir();
    const r = await dispatch(handlers, ctx, 'sync.export', { kind: 'full', path: join(dir, 'x.pamoja') });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: 'Choose the file or folder with its Choose… button: the app does not take typed paths.',
        reason: 'typed_path',
        detail: join(dir, 'x.pamoja'),
      },
    });
    const folder = await dispatch(handlers, ctx, 'sync.folder', { dir });
    expect(folder.ok).toBe(false);
    const expired = await dispatch(handlers, ctx, 'sync.inspect', { path: 'grant:nothing-like-this' });
    expect(!expired.ok && expired.error.message).toBe('That file choice has expired: choose the file again.');
  });

  it('turns dialog answers into grants the operations accept', async () => {
    const dir = tempDir();
    const shell = scriptedShell({ folder: dir, save: join(dir, 'plan.pdf') });
    const ctx = appContext(shell.port);
    const folder = await dispatch(handlers, ctx, 'shell.chooseFolder', {});
    expect(folder.ok && folder.value).toMatchObject({ path: dir });
    const ref = folder.ok ? (folder.value as { ref: string }).ref : '';
    expect(ctx.files.resolve(ref, 'folder')).toBe(dir);
    expect(() => ctx.files.resolve(ref, 'write')).toThrow();

    const pdf = await dispatch(handlers, ctx, 'shell.printToPdf', {
      html: '<h1>Plan</h1>',
      defaultName: 'plan.pdf',
      pageNumbers: { label: 'Page {page} of {pages}' },
    });
    expect(pdf.ok && pdf.value).toMatchObject({ path: join(dir, 'plan.pdf'), name: 'plan.pdf' });
    expect(shell.asked).toEqual(['folder', 'save:plan.pdf', 'pdf:Page {page} of {pages}']);
  });

  it('answers a cancelled dialog with null', async () => {
    const ctx = appContext(scriptedShell({ save: null }).port);
    expect(await dispatch(handlers, ctx, 'shell.saveFile', { defaultName: 'x.pamoja' })).toEqual({
      ok: true,
      value: null,
    });
    expect(await dispatch(handlers, ctx, 'shell.printToPdf', { html: 'x', defaultName: 'x.pdf' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('opens only allowlisted web addresses', async () => {
    const shell = scriptedShell({});
    const ctx = appContext(shell.port);
    const ok = await dispatch(handlers, ctx, 'shell.openExternal', {
      url: 'https://www.openstreetmap.org/copyright',
    });
    expect(ok.ok).toBe(true);
    for (const url of [
      'http://www.openstreetmap.org/',
      'https://evil.example/',
      'file:///etc/passwd',
      'https://u:p@www.openstreetmap.org/',
      'nonsense',
    ]) {
      expect(isAllowedExternal(url)).toBe(false);
      expect((await dispatch(handlers, ctx, 'shell.openExternal', { url })).ok).toBe(false);
    }
    expect(shell.asked).toEqual(['open:https://www.openstreetmap.org/copyright']);
  });

  it('says the browser has no dialogs', async () => {
    const ctx = createContext(tempStore(), tempDir(), 'http');
    const r = await dispatch(handlers, ctx, 'shell.chooseFolder', {});
    expect(!r.ok && r.error.code).toBe('unavailable');
    const info = await dispatch(handlers, ctx, 'shell.info', {});
    expect(info.ok && (info.value as { desktop: boolean }).desktop).toBe(false);
  });
});

describe('file paths in the browser: the data folder and --allow folders only', () => {
  it('accepts paths inside, refuses outside, relative and linked-out paths', () => {
    const data = tempDir();
    const stick = tempDir();
    const elsewhere = tempDir();
    const files = withinFolders([data, stick]);
    expect(files.resolve(join(data, 'bundles', 'new.pamoja'), 'write')).toBe(
      join(data, 'bundles', 'new.pamoja'),
    );
    expect(files.resolve(stick, 'folder')).toBe(stick);
    expect(() => files.resolve(join(elsewhere, 'x.pamoja'), 'write')).toThrow(
      /outside the folders .* --allow/,
    );
    expect(() => files.resolve(join(data, '..', 'x.pamoja'), 'write')).toThrow(/outside/);
    expect(() => files.resolve('x.pamoja', 'read')).toThrow(/whole path/);
    mkdirSync(join(data, 'inner'));
    symlinkSync(elsewhere, join(data, 'inner', 'out'));
    expect(() => files.resolve(join(data, 'inner', 'out', 'x.pamoja'), 'write')).toThrow(/outside/);
    expect(anyPath().resolve('x', 'read')).toBe(join(process.cwd(), 'x'));
  });
});

describe('PDF page numbers', () => {
  it('puts the printer’s number fields where the label says, escaping the rest', () => {
    const footer = footerTemplate('Ukurasa {page} kati ya {pages} <b>');
    expect(footer).toContain(
      'Ukurasa <span class="pageNumber"></span> kati ya <span class="totalPages"></span>',
    );
    expect(footer).toContain('&#60;b&#62;');
    expect(footer).toMatch(/font-size:9px/);
  });
});
