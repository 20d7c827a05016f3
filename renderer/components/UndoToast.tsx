import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';

/** One offer to take back what was just done. */
export interface UndoOffer {
  /** What happened, in the coach's words ("Removed “Mary Achieng”."). */
  message: string;
  /** Takes it back; a rejected promise shows its message instead. */
  undo: () => Promise<unknown> | void;
  /** Called after a successful undo (e.g. to reload the screen). */
  onUndone?: () => void;
}

interface Undo {
  offer: (offer: UndoOffer) => void;
}

const UndoContext = createContext<Undo | null>(null);

/** How long Undo stays on screen; it waits while the pointer or keyboard focus is on it. */
export const UNDO_SECONDS = 8;

/**
 * The Undo toast for destructive actions, once for the whole app (above the screens, so
 * it stays when the screen changes). Any screen calls `useUndo().offer({ message, undo })`
 * right after removing, discarding or rebuilding something; a newer offer replaces an
 * older one. The toast is a polite live region, so screen readers announce it, and its
 * timer pauses while hovered or focused (WCAG 2.2.1, timing adjustable).
 */
export function UndoProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<(UndoOffer & { key: number }) | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const keys = useRef(0);
  const offer = useCallback((o: UndoOffer) => {
    setNote(null);
    setCurrent({ ...o, key: ++keys.current });
  }, []);
  return (
    <UndoContext.Provider value={{ offer }}>
      {children}
      <div className="toast-area" role="status" aria-live="polite">
        {current && (
          <UndoToast
            key={current.key}
            offer={current}
            onClose={(message) => {
              setCurrent(null);
              setNote(message);
            }}
          />
        )}
        {!current && note && <p className="toast">{note}</p>}
      </div>
    </UndoContext.Provider>
  );
}

export function useUndo(): Undo {
  const undo = useContext(UndoContext);
  if (!undo) throw new Error('useUndo outside UndoProvider');
  return undo;
}

function UndoToast({ offer, onClose }: { offer: UndoOffer; onClose: (note: string | null) => void }) {
  const t = useT();
  const [paused, setPaused] = useState(false);
  const [busy, setBusy] = useState(false);
  const [left, setLeft] = useState(UNDO_SECONDS);
  useEffect(() => {
    if (paused || busy) return;
    if (left <= 0) {
      onClose(null);
      return;
    }
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, paused, busy, onClose]);

  const undo = async () => {
    setBusy(true);
    try {
      await offer.undo();
      offer.onUndone?.();
      onClose(t('removals.undone'));
    } catch (e) {
      onClose(t('removals.failed', { message: (e as Error).message }));
    }
  };
  return (
    <div
      className="toast"
      data-testid="undo-toast"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span>{offer.message}</span>
      <button className="button primary" onClick={() => void undo()} disabled={busy}>
        {t('removals.undo')}
      </button>
      <button className="button plain" onClick={() => onClose(null)} aria-label={t('removals.dismiss')}>
        ×
      </button>
    </div>
  );
}
