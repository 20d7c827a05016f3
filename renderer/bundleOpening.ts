import { useEffect } from 'react';
import { navigate } from './router.ts';

const BUNDLE = /\.pamoja$/i;

/** Where a bundle file goes to be shown and offered for import. */
export const openBundlePath = (path: string): void => navigate(`/sync?open=${encodeURIComponent(path)}`);

/**
 * Bundles opened with the app (double-click, "Open with") or dropped on its window go to
 * the Sync screen, whichever screen is showing. Any other drop is refused, so a stray
 * file never replaces the app in its window. Dropped files have a path only in the shell.
 */
export function useBundleOpening(): void {
  useEffect(() => {
    const shell = window.pamoja?.shell;
    const stopOpen = shell?.onOpenFile(openBundlePath);
    const onDragOver = (e: DragEvent): void => e.preventDefault();
    const onDrop = (e: DragEvent): void => {
      e.preventDefault();
      const file = [...(e.dataTransfer?.files ?? [])].find((f) => BUNDLE.test(f.name));
      if (file && shell) openBundlePath(shell.pathForFile(file));
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
