import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { PamojaBridge, Progress } from '../shared/contract/bridge.ts';
import type { FileChoice } from '../shared/contract/shell.ts';

/**
 * The only door between the page and the app: named calls, never raw ipcRenderer. The
 * channel names match electron/transport/ipc.ts (a sandboxed preload cannot import it).
 * Bundled to CommonJS by scripts/build-electron.ts.
 */
const bridge = {
  call: (op, input) => ipcRenderer.invoke('pamoja:call', op, input),
  events: {
    dropped: (file) => ipcRenderer.invoke('pamoja:dropped', webUtils.getPathForFile(file)),
    onOpenFile: (listener) => {
      const handler = (_e: unknown, chosen: FileChoice): void => listener(chosen);
      ipcRenderer.on('pamoja:openFile', handler);
      return () => ipcRenderer.off('pamoja:openFile', handler);
    },
    onProgress: (listener) => {
      const handler = (_e: unknown, p: Progress): void => listener(p);
      ipcRenderer.on('pamoja:progress', handler);
      return () => ipcRenderer.off('pamoja:progress', handler);
    },
  },
} satisfies PamojaBridge;

contextBridge.exposeInMainWorld('pamoja', bridge);
