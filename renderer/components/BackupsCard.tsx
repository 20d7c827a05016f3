import { useState } from 'react';
import type { BackupView } from '../../shared/contract/backups.ts';
import { ApiError, call, useOp } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { BackupWhen, backupKindKey, formatBytes } from './BackupWords.tsx';

/**
 * Settings → Backups: the snapshots Pamoja keeps (daily, before imports and upgrades),
 * a snapshot now, and restoring one (what is there now is backed up first).
 */
export function BackupsCard({ onRestored }: { onRestored: () => void }) {
  const { t, lang } = useI18n();
  const list = useOp('backups.list', {});
  const [asking, setAsking] = useState<BackupView | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);

  const act = async (work: () => Promise<string>): Promise<void> => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await work(), ok: true });
    } catch (e) {
      setMessage({ text: e instanceof ApiError ? e.message : String(e), ok: false });
    } finally {
      setBusy(false);
      setAsking(null);
      list.reload();
    }
  };
  const backUpNow = () =>
    act(async () => {
      const made = await call('backups.create', {});
      return t('backups.made', { size: formatBytes(lang, made.bytes) });
    });
  const restore = (b: BackupView) =>
    act(async () => {
      const r = await call('backups.restore', { name: b.name });
      onRestored();
      return r.savedAs ? t('backups.restored', { savedAs: r.savedAs }) : t('backups.restoredNoCopy');
    });

  return (
    <div className="card" data-testid="backups-card">
      <h2>{t('backups.title')}</h2>
      <p className="muted">{t('backups.help')}</p>
      <button className="button" disabled={busy} onClick={() => void backUpNow()} data-testid="backup-now">
        {t('backups.now')}
      </button>
      {message && (
        <p className={message.ok ? 'success' : 'error-box'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {list.data && list.data.backups.length === 0 && <p className="muted">{t('backups.none')}</p>}
      {list.data && list.data.backups.length > 0 && (
        <table className="data" data-testid="backups-list">
          <caption className="muted small" style={{ textAlign: 'left' }}>
            {t('backups.folder')} <code>{list.data.folder}</code>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('backups.when')}</th>
              <th scope="col">{t('backups.kind')}</th>
              <th scope="col" className="num">
                {t('backups.size')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.backups.map((b) => (
              <tr key={b.name}>
                <td>
                  <BackupWhen at={b.at} />
                </td>
                <td>{t(backupKindKey(b.kind))}</td>
                <td className="num">{formatBytes(lang, b.bytes)}</td>
                <td>
                  {asking?.name === b.name ? (
                    <span className="searchbar" role="group" aria-label={t('backups.confirm')}>
                      <span>{t('backups.confirm')}</span>
                      <button
                        className="button primary"
                        disabled={busy}
                        onClick={() => void restore(b)}
                        data-testid="backup-restore-yes"
                      >
                        {t('backups.restoreYes')}
                      </button>
                      <button className="button" disabled={busy} onClick={() => setAsking(null)}>
                        {t('backups.restoreNo')}
                      </button>
                    </span>
                  ) : (
                    <button
                      className="button"
                      disabled={busy}
                      onClick={() => setAsking(b)}
                      data-testid="backup-restore"
                    >
                      {t('backups.restore')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
