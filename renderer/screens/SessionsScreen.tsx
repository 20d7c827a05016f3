import { useState } from 'react';
import { kindLabel, modeLabel, sessionStatusLabel } from '../../shared/labels.ts';
import { toRecord } from '../../shared/sessions/sense.ts';
import { todayIso } from '../../shared/today.ts';
import { useOp } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { hashQuery, navigate } from '../router.ts';
import '../sessions.css';

const PAGE = 50;

/** Every session across the coach's clusters, newest first; plan the next one from here. */
export function SessionsScreen() {
  const { t, lang } = useI18n();
  const clusters = useOp('clusters.list', {});
  const [clusterId, setClusterId] = useState(() => hashQuery().get('cluster') ?? '');
  const [limit, setLimit] = useState(PAGE);
  const list = useOp('sessions.list', clusterId ? { clusterId, limit } : { limit });
  const today = todayIso();

  const choose = (id: string): void => {
    setClusterId(id);
    setLimit(PAGE);
    history.replaceState(null, '', id ? `#/sessions?cluster=${id}` : '#/sessions');
  };

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('sessions.title')}</h1>
          <p className="muted">{t('sessions.subtitle')}</p>
        </div>
      </div>
      <div className="card sessions-toolbar">
        <label className="field">
          {t('sessions.filterCluster')}
          <select value={clusterId} onChange={(e) => choose(e.target.value)} data-testid="sessions-cluster">
            <option value="">{t('sessions.allClusters')}</option>
            {(clusters.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button primary"
          disabled={!clusterId}
          title={clusterId ? undefined : t('sessions.chooseClusterFirst')}
          onClick={() => navigate(`/sessions/plan/${clusterId}`)}
        >
          {t('sessions.planSession')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!clusterId}
          onClick={() => navigate(`/sessions/plan/${clusterId}?kind=peer_review`)}
        >
          {t('sessions.planPeerReview')}
        </button>
        {!clusterId && <span className="muted small">{t('sessions.chooseClusterFirst')}</span>}
      </div>

      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {!list.data ? (
        <Loading />
      ) : (
        <div className="card">
          <p className="muted small">{t('sessions.count', { n: list.data.total })}</p>
          <table className="data" data-testid="sessions-table">
            <thead>
              <tr>
                <th>{t('sessions.col.date')}</th>
                <th>{t('sessions.col.cluster')}</th>
                <th>{t('sessions.col.title')}</th>
                <th>{t('sessions.col.mode')}</th>
                <th>{t('sessions.col.status')}</th>
                <th className="num">{t('sessions.col.present')}</th>
                <th className="num">{t('sessions.col.commitments')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.sessions.map((s) => (
                <tr key={s.id} className="link-row" onClick={() => navigate(`/sessions/${s.id}`)}>
                  <td>{formatDate(lang, s.date)}</td>
                  <td>{s.clusterName}</td>
                  <td>
                    <a href={`#/sessions/${s.id}`} onClick={(e) => e.stopPropagation()}>
                      {s.title || kindLabel(lang, s.kind)}
                    </a>
                    {s.kind === 'peer_review' && (
                      <span className="chip plain">{kindLabel(lang, s.kind)}</span>
                    )}
                    {s.hasDraft && <span className="chip warn">{t('sessions.draftChip')}</span>}
                  </td>
                  <td>{modeLabel(lang, s.mode)}</td>
                  <td>
                    {toRecord(s, today) ? (
                      <a
                        className="chip warn"
                        href={`#/sessions/${s.id}/record`}
                        title={t('sense.toRecordHint')}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {t('sense.toRecord')}
                      </a>
                    ) : (
                      <span className={`chip status-${s.status}`}>{sessionStatusLabel(lang, s.status)}</span>
                    )}
                  </td>
                  <td className="num">{s.present}</td>
                  <td className="num">{s.commitmentsMade}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.total > list.data.sessions.length && (
            <button type="button" className="button" onClick={() => setLimit(limit + PAGE)}>
              {t('sessions.more')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
