import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveState = 'clean' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Saves `value` a moment after the coach stops typing, and at least every `maxWaitMs`
 * while she keeps typing, so a closed window or a flat battery loses at most the last
 * two seconds. Hiding or closing the page saves at once (the request outlives the page).
 * Saves run one after another, so an older one never lands after a newer one. The first
 * value seen (what was loaded) is not saved back; `markClean` says the current value is
 * safe elsewhere (e.g. the record was just saved), and `flush` saves now if anything waits.
 */
export function useAutosave<T>(
  value: T | null,
  save: (value: T, options: { leaving: boolean }) => Promise<unknown>,
  delayMs = 600,
  maxWaitMs = 2000,
): {
  state: AutosaveState;
  savedAt: Date | null;
  flush: () => Promise<void>;
  markClean: () => void;
  /** Takes `next` as what is stored now (after a discard or an undo), without saving it. */
  reset: (next: T) => void;
} {
  const [state, setState] = useState<AutosaveState>('clean');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const baseline = useRef<string | null>(null);
  const latest = useRef<{ json: string; value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** When the oldest change not yet saved was made (null when nothing waits). */
  const waitingSince = useRef<number | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback((leaving = false): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    waitingSince.current = null;
    const run = async (): Promise<void> => {
      const current = latest.current;
      if (!current || current.json === baseline.current) return;
      setState('saving');
      try {
        await saveRef.current(current.value, { leaving });
        baseline.current = current.json;
        setSavedAt(new Date());
        setState(latest.current?.json === current.json ? 'saved' : 'pending');
      } catch {
        setState('error');
      }
    };
    // Leaving the page cannot wait for an earlier save to finish: send now.
    queue.current = leaving ? run() : queue.current.then(run);
    return queue.current;
  }, []);

  const json = value === null ? null : JSON.stringify(value);
  useEffect(() => {
    if (json === null || value === null) return;
    latest.current = { json, value };
    if (baseline.current === null) {
      baseline.current = json;
      return;
    }
    if (json === baseline.current) return;
    setState('pending');
    const now = Date.now();
    waitingSince.current ??= now;
    // A pause in typing saves after `delayMs`; typing on saves `maxWaitMs` after the first
    // unsaved keystroke at the latest.
    const wait = Math.min(delayMs, Math.max(0, waitingSince.current + maxWaitMs - now));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), wait);
    // `value` changes identity with `json`; comparing the text is what matters.
  }, [json, delayMs, maxWaitMs, flush]);

  // Leaving the screen or hiding the window saves what is waiting.
  useEffect(() => {
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') void flush(true);
    };
    const onHide = (): void => void flush(true);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  const markClean = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    baseline.current = latest.current?.json ?? baseline.current;
    setState('clean');
  }, []);

  const reset = useCallback((next: T) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    waitingSince.current = null;
    const text = JSON.stringify(next);
    baseline.current = text;
    latest.current = { json: text, value: next };
    setState('clean');
  }, []);

  return { state, savedAt, flush: () => flush(), markClean, reset };
}
