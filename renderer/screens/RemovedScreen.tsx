import { useState } from 'react';
import type { Removal } from '../../shared/contract/removals.ts';
import { call, useOp } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { effectsText } from '../components/useRemoval.ts';
import { formatDate } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

/** "Recently removed": what the coach removed on this laptop, each with Restore. */
export function RemovedScreen() {
  const { t, lang } = useI18n();
  const list = useOp('removals.list', { limit: 100 });
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const restore = async (r: Removal) => {
    setBusy(r.id);
    try {
      await call('removals.restore', { id: r.id });
      setNote({ text: t('removals.restored', { label: r.label }), error: false });
      list.reload();
    } catch (e) {
      setNote({ text: t('removals.failed', { message: (e as Error).message }), error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="stack">
      <h1>{t('removals.title')}</h1>
      <p className="muted">{t('removals.intro')}</p>
      {note && (
        <p className={note.error ? 'error-box' : 'ok-note'} role={note.error ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && <p className="muted">{t('removals.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="data" data-testid="removed-list">
          <thead>
            <tr>
              <th scope="col">{t('removals.what')}</th>
              <th scope="col">{t('removals.cop')}</th>
              <th scope="col">{t('removals.when')}</th>
              <th scope="col">{t('removals.with')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('removals.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((r) => (
              <tr key={r.id}>
                <td>
                  <span className="chip plain">{t(`removals.kind.${r.table}` as MessageKey)}</span> {r.label}
                </td>
                <td>{r.clusterName ?? '–'}</td>
                <td>{formatDate(lang, r.removedAt)}</td>
                <td className="small">{effectsText(t, r.effects, r.table) || '–'}</td>
                <td>
                  <button
                    className="button"
                    disabled={busy === r.id}
                    onClick={() => void restore(r)}
                    aria-label={t('removals.restoreNamed', { label: r.label })}
                  >
                    {t('removals.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
