import { useState } from 'react';
import type { OpOutput } from '../../shared/contract/index.ts';
import { ApiError, call, useOp } from '../api.ts';
import { BackupWhen, backupKindKey, formatBytes } from '../components/BackupWords.tsx';
import { useI18n } from '../i18n/index.tsx';

type Damaged = Extract<OpOutput<'backups.health'>, { state: 'damaged' }>;

/**
 * Shown instead of the app when the store failed its check at start: what was found,
 * the latest good backup with one button to put it back, and the other backups.
 */
export function RestoreScreen({ health, onRestored }: { health: Damaged; onRestored: () => void }) {
  const { t, lang } = useI18n();
  const list = useOp('backups.list', {});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const restore = async (name: string): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      await call('backups.restore', { name });
      setMessage({ text: t('recovery.done'), ok: true });
      onRestored();
    } catch (e) {
      setMessage({ text: e instanceof ApiError ? e.message : String(e), ok: false });
      setBusy(false);
    }
  };
  const latest = health.latestGood;
  const others = (list.data?.backups ?? []).filter((b) => b.name !== latest?.name);
  return (
    <section className="welcome card stack" data-testid="restore-screen">
      <h1>{t('recovery.title')}</h1>
      <p>{t('recovery.body')}</p>
      <p className="muted small">
        {t('recovery.problem', { problem: health.problem })}
        <br />
        <code>{health.storeFile}</code>
      </p>
      {latest ? (
        <div className="notice">
          <p data-testid="latest-good">
            {t('recovery.latest', {
              kind: t(backupKindKey(latest.kind)),
              when: new Date(latest.at).toLocaleString(lang === 'sw' ? 'sw-KE' : 'en-GB'),
              size: formatBytes(lang, latest.bytes),
            })}
          </p>
          <button
            className="button primary"
            disabled={busy}
            onClick={() => void restore(latest.name)}
            data-testid="restore-latest"
          >
            {t('recovery.restore')}
          </button>
        </div>
      ) : (
        <p className="error-box" role="alert">
          {t('recovery.none')}
        </p>
      )}
      {message && (
        <p className={message.ok ? 'success' : 'error-box'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {others.length > 0 && (
        <>
          <h2>{t('recovery.others')}</h2>
          <ul className="list-plain">
            {others.map((b) => (
              <li key={b.name} className="searchbar">
                <span>
                  {t(backupKindKey(b.kind))}, <BackupWhen at={b.at} /> ({formatBytes(lang, b.bytes)})
                </span>
                <button className="button" disabled={busy} onClick={() => void restore(b.name)}>
                  {t('backups.restore')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
