import { useState } from 'react';
import type { OpOutput } from '../../shared/contract/index.ts';
import type { OutboxItemView } from '../../shared/contract/mail.ts';
import { ApiError, call, useOp } from '../api.ts';
import { formatNumber } from '../format.ts';
import type { MailKey } from '../i18n/mail.ts';
import { useMailT } from '../i18n/useMailT.ts';
import { TestFailed } from './MailSettings.tsx';
import { Outcome, useAction } from './SyncActions.tsx';
import { useUndo } from './UndoToast.tsx';

type Address = OpOutput<'mail.addresses'>[number];
const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

function statusText(t: ReturnType<typeof useMailT>['t'], i: OutboxItemView): { text: string; tone: string } {
  const reason = i.failure ? t(`mail.failure.${i.failure}` as MailKey) : '';
  switch (i.status) {
    case 'queued':
      return i.failure
        ? { text: `${t('mail.status.retrying', { at: when(i.nextAttemptAt) })} — ${reason}`, tone: 'warn' }
        : { text: t('mail.status.queued'), tone: 'plain' };
    case 'sending':
      return { text: t('mail.status.sending'), tone: 'plain' };
    case 'sent':
      return { text: t('mail.status.sent', { at: when(i.sentAt) }), tone: 'ok' };
    case 'failed':
      return { text: `${t('mail.status.failed')}: ${reason}`, tone: 'danger' };
    case 'delivered':
      return { text: i.sentAt ? t('mail.status.delivered') : t('mail.status.notNeeded'), tone: 'ok' };
  }
}

/**
 * The email outbox on the Sync screen: queue a bundle for a laptop or an address (no
 * connection needed), Send now, Fetch mail, each item's status with its reason, Retry, and
 * Remove with Undo. `onDone` refreshes the rest of the screen (history, laptops, badge).
 */
export function MailOutbox({
  onDone,
  passwordReady,
}: {
  onDone: () => void;
  passwordReady: { smtp: boolean; imap: boolean };
}) {
  const { t, lang } = useMailT();
  const outbox = useOp('mail.outbox', {});
  const addresses = useOp('mail.addresses', {});
  const desktop = useOp('shell.info', {}).data?.desktop ?? false;
  const [to, setTo] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { offer } = useUndo();
  const refresh = (): void => {
    outbox.reload();
    onDone();
  };
  const action = useAction(refresh);
  const recipient = email.trim() || to;
  const needsPassword = !passwordReady.smtp || !passwordReady.imap;

  const queue = () =>
    action.run(async () => {
      const item = await call('mail.queue', { to: recipient });
      return t('mail.outbox.queued', {
        to: item.toName || item.toEmail,
        changes: item.changes,
        kb: Math.ceil(item.bytes / 1024),
      });
    });
  const draft = () =>
    action.run(async () => {
      const r = await call('mail.draft', { to: recipient });
      return (
        <>
          {t('mail.outbox.draftDone', { file: r.file, bundle: r.bundle })}{' '}
          {desktop && (
            <button
              className="button"
              type="button"
              onClick={() => void call('shell.showInFolder', { ref: r.bundleRef })}
            >
              {t('mail.outbox.showFile')}
            </button>
          )}
        </>
      );
    });
  const send = () =>
    action.run(async () => {
      const r = await call('mail.send', password && !passwordReady.smtp ? { smtpPassword: password } : {});
      const text = t('mail.outbox.sent', {
        sent: r.sent.length,
        retrying: r.retrying.length,
        failed: r.failed.length,
      });
      if (r.retrying.length || r.failed.length) {
        refresh(); // the statuses changed all the same
        throw new TestFailed(text);
      }
      return text;
    });
  const fetchMail = () =>
    action.run(async () => {
      const r = await call('mail.fetch', password && !passwordReady.imap ? { imapPassword: password } : {});
      const n = (o: string) => r.messages.filter((m) => m.outcome === o).length;
      const answer = (
        <>
          <p>
            {t('mail.outbox.fetched', {
              n: r.messages.length,
              imported: n('imported'),
              waiting: n('waiting'),
              failed: n('failed'),
            })}
          </p>
          {r.messages
            .filter((m) => m.outcome === 'failed')
            .map((m) => (
              <p key={m.messageId} className="overdue">
                {m.subject}: {m.message}
              </p>
            ))}
        </>
      );
      if (n('failed')) {
        refresh();
        throw new TestFailed(answer);
      }
      return answer;
    });
  // Removed at once; the app-wide Undo toast offers it back (the outbox is local, not synced).
  const remove = (item: OutboxItemView) =>
    void call('mail.remove', { id: item.id }).then(
      () => {
        refresh();
        offer({
          message: t('mail.outbox.removed', { to: item.toName || item.toEmail }),
          undo: () => call('mail.restore', { id: item.id }),
          onUndone: refresh,
        });
      },
      (e: unknown) => action.run(() => Promise.reject(e instanceof ApiError ? e : new Error(String(e)))),
    );
  const retry = (item: OutboxItemView) =>
    action.run(async () => (await call('mail.retry', { id: item.id }), t('mail.status.queued')));

  const items = outbox.data?.items ?? [];
  const waiting = outbox.data?.waiting;
  const book: Address[] = addresses.data ?? [];
  return (
    <div className="card" data-testid="mail-outbox">
      <h2>
        {t('mail.outbox.title')}{' '}
        {waiting && waiting.queued + waiting.failed > 0 && (
          <span className={`chip ${waiting.failed ? 'danger' : 'warn'}`} data-testid="outbox-waiting">
            {t('mail.badge', { n: waiting.queued + waiting.failed })}
          </span>
        )}
      </h2>
      <p className="muted">{t('mail.outbox.help')}</p>
      <div className="searchbar" style={{ alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <label className="field">
          {t('mail.outbox.recipient')}
          <select value={to} onChange={(e) => setTo(e.target.value)} data-testid="outbox-to">
            <option value="">—</option>
            {book.map((a) => (
              <option key={a.id} value={a.deviceId ?? a.email}>
                {a.name ? `${a.name} <${a.email}>` : a.email}
              </option>
            ))}
          </select>
        </label>
        <label className="field" style={{ flex: 1 }}>
          {t('mail.outbox.recipientEmail')}
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="outbox-email"
          />
        </label>
        <button
          className="button primary"
          disabled={!recipient || action.busy}
          onClick={() => void queue()}
          data-testid="outbox-queue"
        >
          {t('mail.outbox.queue')}
        </button>
        <button
          className="button"
          disabled={!recipient || action.busy}
          onClick={() => void draft()}
          data-testid="outbox-draft"
        >
          {t('mail.outbox.draft')}
        </button>
      </div>
      <div className="searchbar" style={{ alignItems: 'flex-end' }}>
        {needsPassword && (
          <label className="field">
            {t('mail.outbox.password')}
            <input
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoComplete="current-password"
              data-testid="outbox-password"
            />
          </label>
        )}
        <button
          className="button primary"
          disabled={action.busy}
          onClick={() => void send()}
          data-testid="outbox-send"
        >
          {t('mail.outbox.sendNow')}
        </button>
        <button
          className="button"
          disabled={action.busy}
          onClick={() => void fetchMail()}
          data-testid="outbox-fetch"
        >
          {t('mail.outbox.fetch')}
        </button>
      </div>
      <Outcome action={action} />
      {items.length === 0 ? (
        <p className="muted">{t('mail.outbox.empty')}</p>
      ) : (
        <table className="data" data-testid="outbox-items">
          <thead>
            <tr>
              <th>{t('mail.outbox.to')}</th>
              <th>{t('mail.outbox.what')}</th>
              <th className="num">{t('mail.outbox.size')}</th>
              <th>{t('mail.outbox.status')}</th>
              <th>{t('mail.outbox.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const s = statusText(t, i);
              return (
                <tr key={i.id} data-testid="outbox-item" data-status={i.status}>
                  <td>
                    {i.toName || i.toEmail}
                    {i.toName && <div className="muted small">{i.toEmail}</div>}
                  </td>
                  <td>
                    {i.kind === 'bundle'
                      ? t('mail.kind.bundle', { changes: i.changes })
                      : i.kind === 'receipt'
                        ? t('mail.kind.receipt')
                        : t('mail.kind.report', { title: i.summary })}
                    {i.partsTotal > 1 && (
                      <div className="muted small">
                        {t('mail.parts', { sent: i.partsSent, total: i.partsTotal })}
                      </div>
                    )}
                  </td>
                  <td className="num">{formatNumber(lang, Math.ceil(i.bytes / 1024))} KB</td>
                  <td>
                    <span className={`chip ${s.tone}`}>{s.text}</span>
                    {i.lastError && <div className="muted small">{i.lastError}</div>}
                  </td>
                  <td>
                    {(i.status === 'failed' || (i.status === 'queued' && i.failure)) && (
                      <button className="button" onClick={() => void retry(i)} data-testid="outbox-retry">
                        {t('mail.outbox.retry')}
                      </button>
                    )}{' '}
                    {i.status !== 'sending' && (
                      <button className="button" onClick={() => remove(i)} data-testid="outbox-remove">
                        {t('mail.outbox.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {(outbox.data?.partsWaiting.length ?? 0) > 0 && (
        <>
          <h3>{t('mail.outbox.partsWaiting')}</h3>
          <ul className="list-plain">
            {outbox.data!.partsWaiting.map((w) => (
              <li key={w.bundle}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
