import { useI18n } from '../i18n/index.tsx';

/** "Discard the draft" on the plan and record screens; the Undo is `useDraftDiscard`'s. */
export function DiscardDraftButton({
  discard,
  onError,
}: {
  discard: () => Promise<void>;
  onError: (error: Error) => void;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button"
      title={t('draft.discardHint')}
      onClick={() => void discard().catch((e: unknown) => onError(e as Error))}
    >
      {t('draft.discard')}
    </button>
  );
}
