import type { ApiError } from '../api.ts';
import { useT } from '../i18n/index.tsx';

export function Loading() {
  const t = useT();
  return (
    <p className="muted loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function ErrorBox({ error, onRetry }: { error: ApiError | Error; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="error-box" role="alert">
      <p>{t('common.error', { message: error.message })}</p>
      {onRetry && (
        <button className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
