import { useEffect, useState } from 'react';
import type { DraftData, DraftKey } from '../../shared/contract/sessions.ts';
import { call } from '../api.ts';
import { useT } from '../i18n/index.tsx';
import { useUndo } from './UndoToast.tsx';

/**
 * "Discard draft" on the plan and record screens: the draft kept on this laptop is cleared
 * and the screen goes back to what is stored (or a fresh start), with Undo for a few
 * seconds, which puts the draft back on the screen and on the laptop.
 */
export function useDraftDiscard<T>({
  draftKey,
  value,
  wrap,
  autosave,
  restoredAt,
  fresh,
  apply,
}: {
  draftKey: DraftKey | null;
  value: T | null;
  wrap: (value: T) => DraftData;
  autosave: { savedAt: Date | null; flush: () => Promise<void>; reset: (next: T) => void };
  restoredAt: number | null;
  /** What the screen shows without a draft. */
  fresh: () => Promise<T> | T;
  /** Shows a value on the screen. */
  apply: (value: T) => void;
}): { canDiscard: boolean; discard: () => Promise<void> } {
  const t = useT();
  const { offer } = useUndo();
  // A draft is kept on this laptop once one was found at opening or anything was saved since.
  const [stored, setStored] = useState(false);
  useEffect(() => {
    if (restoredAt !== null) setStored(true);
  }, [restoredAt]);
  useEffect(() => {
    if (autosave.savedAt !== null) setStored(true);
  }, [autosave.savedAt]);

  const show = (next: T): void => {
    autosave.reset(next);
    apply(next);
  };
  const discard = async (): Promise<void> => {
    if (!draftKey || value === null) return;
    const kept = value;
    // Whatever waits is saved first, so no late save brings the draft back after the clear.
    await autosave.flush();
    await call('sessions.clearDraft', draftKey);
    show(await fresh());
    setStored(false);
    offer({
      message: t('draft.discarded'),
      undo: async () => {
        await call('sessions.saveDraft', { key: draftKey, data: wrap(kept) });
        show(kept);
        setStored(true);
      },
    });
  };
  return { canDiscard: stored, discard };
}
