import { useState } from 'react';
import type { PracticeWriteUp } from '../../shared/practices/writeUp.ts';
import { call } from '../api.ts';
import { ErrorBox } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';
import { PracticeForm } from './PracticeForm.tsx';
import './practices.css';

/**
 * On the record screen, under "practices shared": a practice heard at the meeting is
 * written down without leaving the screen, prefilled from the session (its CoP, the host
 * school of a visit, the date, the CoP's priorities). Once saved it is in the library and
 * among the practices shared; the record being typed is not touched otherwise.
 */
export function WriteDownPanel({
  sessionId,
  onAdded,
}: {
  sessionId: string;
  onAdded: (practice: { id: string; title: string }) => void;
}) {
  const { t } = useI18n();
  const [initial, setInitial] = useState<PracticeWriteUp | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const open = async (): Promise<void> => {
    setError(null);
    try {
      setInitial(await call('practices.fromSession', { sessionId }));
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div className="write-practice" data-testid="write-down">
      {added && (
        <p className="ok-note small" role="status">
          {t('pw.added', { title: added })}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {initial ? (
        <PracticeForm
          initial={initial}
          heading={t('pw.fromSessionTitle')}
          onSave={async (w) => {
            const { id } = await call('practices.create', w);
            setInitial(null);
            setAdded(w.title.trim());
            onAdded({ id, title: w.title.trim() });
          }}
          onCancel={() => setInitial(null)}
        />
      ) : (
        <>
          <button
            type="button"
            className="button"
            onClick={() => void open()}
            aria-describedby="write-down-hint"
          >
            {t('pw.fromSession')}
          </button>
          <p className="muted small" id="write-down-hint">
            {t('pw.fromSessionHint')}
          </p>
        </>
      )}
    </div>
  );
}
