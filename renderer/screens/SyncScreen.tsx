import { useState } from 'react';
import { call, useOp } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { ExportCard, SyncFolderCard } from '../components/SyncActions.tsx';
import { ImportCard, JoinCard, UnlockCard } from '../components/SyncOpen.tsx';
import { MailOutbox } from '../components/MailOutbox.tsx';
import { MailSettings } from '../components/MailSettings.tsx';
import { AddressBook } from '../components/AddressBook.tsx';
import { formatDate, formatNumber } from '../format.ts';
import { useFilesT } from '../i18n/useFilesT.ts';
import { useSyncT } from '../i18n/useSyncT.ts';
import { useMailT } from '../i18n/useMailT.ts';

const DAY = 86_400_000;
const when = (iso: string) => (iso ? iso.slice(0, 16).replace('T', ' ') : '–');

/**
 * The Sync screen: this laptop and its region, clock warnings, the USB mailbox, writing and
 * opening bundles, the laptops known and what each has taken, the sync history, and the
 * data fingerprint two laptops compare.
 */
export function SyncScreen() {
  const { t, lang } = useSyncT();
  const files = useFilesT();
  const { t: tMail } = useMailT();
  const status = useOp('sync.status', {});
  const devices = useOp('sync.devices', {});
  const log = useOp('sync.log', { limit: 50 });
  const warnings = useOp('sync.clockWarnings', {});
  const mail = useOp('mail.settings', {});
  const [digest, setDigest] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState<boolean | null>(null);
  const reload = (): void => {
    status.reload();
    devices.reload();
    log.reload();
    warnings.reload();
    mail.reload();
    setDigest(null);
    window.dispatchEvent(new Event('pamoja:outbox'));
  };

  if (status.error) return <ErrorBox error={status.error} onRetry={status.reload} />;
  if (!status.data) return <Loading />;
  const s = status.data;
  const needsPassphrase = s.region === null;

  return (
    <section className="stack" data-testid="sync-screen">
      <div className="page-head">
        <div>
          <h1>{t('sync.title')}</h1>
          <p className="muted">{t('sync.subtitle')}</p>
        </div>
      </div>

      {needsPassphrase && (
        <div className="card notice" role="status" data-testid="sync-not-joined">
          <h2>{files.t('files.notJoined.title')}</h2>
          <p>{files.t('files.notJoined.body')}</p>
        </div>
      )}

      {/* Only a joined laptop's keys open with the region's passphrase. */}
      {s.keys === 'locked' && !needsPassphrase && <UnlockCard onDone={reload} />}

      <div className="card">
        <h2>{t('sync.thisDevice')}</h2>
        <table className="data">
          <tbody>
            <tr>
              <th>{t('sync.deviceName')}</th>
              <td>
                {s.deviceName} <span className="muted small">{s.deviceId}</span>
              </td>
            </tr>
            <tr>
              <th>{t('sync.region')}</th>
              <td data-testid="sync-region">
                {s.region ? s.region.name || s.region.id : t('sync.noRegion')}
              </td>
            </tr>
            <tr>
              <th>{t('sync.clock')}</th>
              <td>{when(s.clock)}</td>
            </tr>
            <tr>
              <th>{t('sync.lastSync')}</th>
              <td>{s.lastSync ? when(s.lastSync) : t('sync.never')}</td>
            </tr>
          </tbody>
        </table>
        {s.heldBack > 0 && <p className="overdue">{t('sync.held', { n: s.heldBack })}</p>}
      </div>

      {warnings.data && warnings.data.length > 0 && (
        <div className="card error-box" role="alert" data-testid="clock-warnings">
          <h2>{t('sync.clockWarnings')}</h2>
          <ul className="list-plain">
            {warnings.data.slice(0, 5).map((w, i) => (
              <li key={i}>
                {t('sync.clockWarning', {
                  device: w.deviceName || w.deviceId.slice(0, 8),
                  days: Math.round(w.aheadMs / DAY),
                  file: w.file,
                  at: formatDate(lang, w.at),
                  held: w.held,
                })}
              </li>
            ))}
          </ul>
        </div>
      )}

      {needsPassphrase && <JoinCard onDone={reload} />}
      <div className="grid two">
        <SyncFolderCard needsPassphrase={needsPassphrase} onDone={reload} />
        <ImportCard needsPassphrase={needsPassphrase} onDone={reload} />
      </div>
      {s.region && <ExportCard devices={devices.data ?? []} onDone={reload} />}
      {s.region && (
        <MailOutbox
          onDone={reload}
          passwordReady={{
            smtp: mail.data?.smtpPasswordReady ?? false,
            imap: mail.data?.imapPasswordReady ?? false,
          }}
        />
      )}
      {mail.data && (
        <details
          className="card"
          data-testid="mail-settings-card"
          open={settingsOpen ?? !mail.data.settings}
          onToggle={(e) => setSettingsOpen((e.target as HTMLDetailsElement).open)}
        >
          <summary>
            <h2 style={{ display: 'inline' }}>{tMail('mail.settings.title')}</h2>
          </summary>
          <MailSettings state={mail.data} onSaved={reload} />
        </details>
      )}
      {mail.data && (
        <details className="card" data-testid="address-book-card">
          <summary>
            <h2 style={{ display: 'inline' }}>{tMail('mail.book.title')}</h2>
          </summary>
          <AddressBook devices={devices.data ?? []} selfDevice={s.deviceId} />
        </details>
      )}

      <div className="card">
        <h2>{t('sync.devices')}</h2>
        <table className="data" data-testid="sync-devices">
          <thead>
            <tr>
              <th>{t('sync.devices.name')}</th>
              <th className="num">{t('sync.devices.changes')}</th>
              <th>{t('sync.devices.lastBundle')}</th>
              <th>{t('sync.devices.taken')}</th>
            </tr>
          </thead>
          <tbody>
            {(devices.data ?? []).map((d) => (
              <tr key={d.deviceId}>
                <td>
                  {d.name || d.deviceId.slice(0, 8)}{' '}
                  {d.self && <span className="chip plain">{t('sync.devices.self')}</span>}
                </td>
                <td className="num">{formatNumber(lang, d.changes)}</td>
                <td>{when(d.lastBundleAt)}</td>
                <td>
                  {d.self
                    ? ''
                    : d.missing === null
                      ? t('sync.devices.unknown')
                      : d.missing === 0
                        ? t('sync.devices.upToDate')
                        : t('sync.devices.missing', { n: formatNumber(lang, d.missing) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="card">
        <h2>{t('sync.log')}</h2>
        {log.data && log.data.length === 0 ? (
          <p className="muted">{t('sync.log.empty')}</p>
        ) : (
          <table className="data" data-testid="sync-log">
            <thead>
              <tr>
                <th>{t('sync.log.when')}</th>
                <th>{t('sync.log.what')}</th>
                <th>{t('sync.log.file')}</th>
                <th>{t('sync.log.device')}</th>
                <th className="num">{t('sync.log.changes')}</th>
                <th>{t('sync.log.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {(log.data ?? []).map((e) => (
                <tr key={e.id}>
                  <td>{when(e.at)}</td>
                  <td>
                    {t(e.action === 'export' ? 'sync.log.export' : 'sync.log.import')} {e.kind}
                  </td>
                  <td>{e.file}</td>
                  <td>{e.deviceName || e.deviceId.slice(0, 8)}</td>
                  <td className="num">{formatNumber(lang, e.changes)}</td>
                  <td className={e.outcome === 'failed' ? 'overdue' : ''}>
                    {e.outcome === 'failed' ? t('sync.log.failed', { message: e.message }) : '✓'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="card">
        <h2>{t('sync.digest')}</h2>
        <p className="muted">{t('sync.digest.help')}</p>
        {digest ? (
          <code data-testid="sync-digest">{digest}</code>
        ) : (
          <button
            className="button"
            onClick={() => void call('sync.digest', {}).then((d) => setDigest(d.digest))}
          >
            {t('sync.digest.show')}
          </button>
        )}
      </div>
    </section>
  );
}
