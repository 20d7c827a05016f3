import type { JobView } from '../../shared/contract/jobs.ts';
import { formatNumber } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { jobMessages } from '../i18n/jobs.ts';

/** The words for a job's phase; a phase the page does not know is shown as it is. */
function usePhase() {
  const { t } = useI18n();
  return (view: JobView): string => {
    const key = `jobs.phase.${view.progress.phase}`;
    const detail = view.progress.detail ?? '';
    return Object.hasOwn(jobMessages.en, key)
      ? t(key as MessageKey, { detail })
      : `${view.progress.phase} ${detail}`.trim();
  };
}

/**
 * What a long job is doing: its phase, done / total and a bar, and Cancel while nothing
 * has been committed.
 */
export function JobProgress({ view, onCancel }: { view: JobView; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const phase = usePhase();
  const { done, total } = view.progress;
  const percent = total > 0 ? Math.min(100, Math.round((100 * done) / total)) : null;
  return (
    <div className="job-progress" role="status" aria-live="polite" data-testid="job-progress">
      <div className="job-progress-line">
        <span data-testid="job-phase">{phase(view)}</span>
        {total > 0 && (
          <span className="muted small" data-testid="job-count">
            {t('jobs.count', { done: formatNumber(lang, done), total: formatNumber(lang, total) })}
            {percent !== null && ` · ${percent}%`}
          </span>
        )}
      </div>
      <progress
        className="job-bar"
        aria-label={phase(view)}
        {...(total > 0 ? { max: total, value: done } : {})}
      />
      {view.cancellable && (
        <div className="job-cancel">
          <button
            className="button"
            type="button"
            disabled={view.cancelRequested}
            onClick={onCancel}
            data-testid="job-cancel"
          >
            {view.cancelRequested ? t('jobs.cancelling') : t('jobs.cancel')}
          </button>
          <span className="muted small">{t('jobs.cancelHelp')}</span>
        </div>
      )}
    </div>
  );
}
