import type { AutosaveState } from './useAutosave.ts';
import { useI18n } from '../i18n/index.tsx';

const time = (lang: string, d: Date): string =>
  new Intl.DateTimeFormat(lang === 'sw' ? 'sw-KE' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(
    d,
  );

/** Tells the coach, quietly, whether what they typed is safe on this laptop. */
export function AutosaveStatus({
  state,
  savedAt,
  restoredAt,
}: {
  state: AutosaveState;
  savedAt: Date | null;
  restoredAt: number | null;
}) {
  const { t, lang } = useI18n();
  let text: string;
  if (state === 'pending' || state === 'saving') text = t('sessions.draft.saving');
  else if (state === 'error') text = t('sessions.draft.error');
  else if (state === 'saved' && savedAt) text = t('sessions.draft.saved', { time: time(lang, savedAt) });
  else if (restoredAt !== null)
    text = t('sessions.draft.restored', { time: time(lang, new Date(restoredAt)) });
  else text = t('sessions.draft.clean');
  return (
    <p className={`autosave small ${state}`} role="status" data-testid="autosave" data-state={state}>
      {text}
    </p>
  );
}
