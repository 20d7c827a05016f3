import { useEffect } from 'react';
import { useOp } from '../api.ts';
import { useMailT } from '../i18n/useMailT.ts';

/**
 * The count of emails waiting to be sent, beside "Sync" in the sidebar: looked at again on
 * every screen change and whenever the Sync screen changed the outbox ('pamoja:outbox').
 */
export function OutboxBadge({ path }: { path: string }) {
  const { t } = useMailT();
  const outbox = useOp('mail.outbox', {});
  const { reload } = outbox;
  useEffect(() => reload(), [path, reload]);
  useEffect(() => {
    window.addEventListener('pamoja:outbox', reload);
    return () => window.removeEventListener('pamoja:outbox', reload);
  }, [reload]);
  const w = outbox.data?.waiting;
  const n = w ? w.queued + w.failed : 0;
  if (!n) return null;
  const label = t('mail.badge', { n });
  return (
    <span className="nav-badge" role="img" title={label} aria-label={label} data-testid="outbox-badge">
      {n}
    </span>
  );
}
