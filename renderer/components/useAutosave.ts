import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveState = 'clean' | 'pending' | 'saving' | 'saved' | 'error';

/**
 * Saves `value` a moment after the coach stops typing, so a closed window or a flat
 * battery loses at most the last few keystrokes. The first value seen (what was loaded)
 * is not saved back; `markClean` says the current value is safe elsewhere (e.g. the
 * record was just saved), and `flush` saves now if anything is waiting.
 */
export function useAutosave<T>(
  value: T | null,
  save: (value: T) => Promise<unknown>,
  delayMs = 600,
): { state: AutosaveState; savedAt: Date | null; flush: () => Promise<void>; markClean: () => void } {
  const [state, setState] = useState<AutosaveState>('clean');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const baseline = useRef<string | null>(null);
  const latest = useRef<{ json: string; value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const current = latest.current;
    if (!current || current.json === baseline.current) return;
    setState('saving');
    try {
      await saveRef.current(current.value);
      baseline.current = current.json;
      setSavedAt(new Date());
      setState(latest.current?.json === current.json ? 'saved' : 'pending');
    } catch {
      setState('error');
    }
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
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delayMs);
    // `value` changes identity with `json`; comparing the text is what matters.
  }, [json, delayMs, flush]);

  // Leaving the screen or hiding the window saves what is waiting.
  useEffect(() => {
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onHide = (): void => void flush();
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

  return { state, savedAt, flush, markClean };
}
