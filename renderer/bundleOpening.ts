import { useEffect } from 'react';
import type { FileChoice } from '../shared/contract/shell.ts';
import { uploadFile } from './api.ts';
import { navigate } from './router.ts';

/** Bundles, parts of split bundles, and emails carrying them (docs/mail.md). */
const BUNDLE = /\.(pamoja|pamoja-part|eml)$/i;

/**
 * Where a bundle goes to be shown and offered for import: `open` is the ref operations
 * take (a grant in the app, a path in the browser), `name` what the coach sees.
 */
export const openBundle = (chosen: FileChoice): void =>
  navigate(`/sync?open=${encodeURIComponent(chosen.ref)}&name=${encodeURIComponent(chosen.path)}`);

/**
 * Bundles opened with the app (double-click, "Open with") or dropped on its window go to
 * the Sync screen, whichever screen is showing. Any other drop is refused, so a stray
 * file never replaces the app in its window. In the app only the preload can read a
 * dropped file's path (it hands it to the main process, which grants it for reading); in
 * the browser the file is uploaded.
 */
export function useBundleOpening(): void {
  useEffect(() => {
    const events = window.pamoja?.events;
    const stopOpen = events?.onOpenFile(openBundle);
    const onDragOver = (e: DragEvent): void => e.preventDefault();
    const onDrop = (e: DragEvent): void => {
      e.preventDefault();
      const file = [...(e.dataTransfer?.files ?? [])].find((f) => BUNDLE.test(f.name));
      if (!file) return;
      if (events) void events.dropped(file).then((chosen) => chosen && openBundle(chosen));
      // In the browser a dropped bundle is uploaded to the local server, like a picked one.
      else
        void uploadFile(file).then(
          (chosen) => openBundle({ ...chosen, path: file.name }),
          () => undefined,
        );
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      stopOpen?.();
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
}
