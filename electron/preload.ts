import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { PamojaBridge, Progress } from '../shared/contract/bridge.ts';

/**
 * The only door between the page and the app: named calls, never raw ipcRenderer.
 * Runs sandboxed; bundled to CommonJS by scripts/build-electron.ts.
 */
const bridge = {
  call: (op, input) => ipcRenderer.invoke('pamoja:call', op, input),
  shell: {
    chooseFolder: () => ipcRenderer.invoke('pamoja:chooseFolder'),
    chooseFile: (filters) => ipcRenderer.invoke('pamoja:chooseFile', filters),
    saveFile: (defaultName) => ipcRenderer.invoke('pamoja:saveFile', defaultName),
    printToPdf: (html, defaultName) => ipcRenderer.invoke('pamoja:printToPdf', html, defaultName),
    pathForFile: (file) => webUtils.getPathForFile(file),
    onOpenFile: (listener) => {
      const handler = (_e: unknown, path: string): void => listener(path);
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
