import { useState } from 'react';
import { indicatorDefs, indicatorNames, type IndicatorName } from '../../shared/schema/enums.ts';
import { indicatorLabel, kindLabel, modeLabel, tagLabel } from '../../shared/labels.ts';
import { priorityIndicator } from '../../shared/priorityIndicator.ts';
import { useOp } from '../api.ts';
import { ClusterAgreements } from '../components/ClusterAgreements.tsx';
import { ClusterForm } from '../components/ClusterForm.tsx';
import { ClusterFollowUp } from '../components/ClusterFollowUp.tsx';
import { ClusterMembers } from '../components/ClusterMembers.tsx';
import { ClusterNeighbours } from '../components/ClusterNeighbours.tsx';
import { ClusterSchools } from '../components/ClusterSchools.tsx';
import { RecommendationsPanel } from '../components/RecommendationsPanel.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { hashQuery } from '../router.ts';

/** One CoP: who is in it, what it agreed, what it owes, and how its schools are doing. */
export function ClusterScreen({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const cluster = useOp('clusters.get', { id });
  const [chosen, setChosen] = useState<IndicatorName | null>(null);
  const firstPriority = cluster.data?.priorities[0]?.tag;
  const indicator = chosen ?? (firstPriority ? priorityIndicator[firstPriority] : 'attendance_rate');
  const trend = useOp('clusters.trend', cluster.data ? { id, indicator } : null);
  const clusters = useOp('clusters.list', {});
  const [editing, setEditing] = useState(false);
  const created = hashQuery().get('created') === '1';

  if (cluster.error) return <ErrorBox error={cluster.error} onRetry={cluster.reload} />;
  if (!cluster.data) return <Loading />;
  const c = cluster.data;
  const hasTrend = (trend.data ?? []).some((p) => p.cluster !== null);

  if (editing)
    return (
      <section>
        <ClusterForm
          clusterId={c.id}
          initial={{
            name: c.name,
            place: c.place,
            lat: String(c.lat),
            lon: String(c.lon),
            coachName: c.coachName,
          }}
          title={t('cop.editTitle', { name: c.name })}
          otherNames={(clusters.data ?? []).filter((x) => x.id !== c.id).map((x) => x.name)}
          onSaved={() => {
            setEditing(false);
            cluster.reload();
          }}
          onCancel={() => setEditing(false)}
        />
      </section>
    );

  return (
    <section>
      {created && (
        <p className="ok-note" role="status">
          {t('cop.created', { name: c.name })}
        </p>
      )}
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="#/">{c.regionName}</a> › <a href="#/clusters">{t('nav.clusters')}</a>
          </p>
          <h1>{c.name}</h1>
          <p className="muted">
            {t('cluster.coach', { name: c.coachName })} · {t('cluster.place', { place: c.place })}
          </p>
          <span className="chips" role="group" aria-label={t('cluster.priorities')}>
            {c.priorities.map((p) => (
              <span key={p.id} className="chip" title={p.title}>
                {tagLabel(lang, p.tag)}
              </span>
            ))}
          </span>
        </div>
        <div className="actions" id="cluster-actions">
          <button className="button" onClick={() => setEditing(true)}>
            {t('cop.edit')}
          </button>
          <a className="button" href={`#/clusters/${c.id}/figures`} data-testid="open-figures">
            {t('figures.open')}
          </a>
          <a className="button primary" href={`#/sessions/plan/${c.id}`}>
            {t('sessions.planSession')}
          </a>
        </div>
      </div>

      <div className="grid main-side">
        <div className="stack">
          <div className="card">
            <h2>
              {t('cluster.trend')}
              <label className="small muted">
                {t('cluster.trend.indicator')}{' '}
                <select
                  value={indicator}
                  onChange={(e) => setChosen(e.target.value as IndicatorName)}
                  data-testid="trend-indicator"
                >
                  {indicatorNames.map((n) => (
                    <option key={n} value={n}>
                      {indicatorLabel(lang, n)}
                    </option>
                  ))}
                </select>
              </label>
            </h2>
            {trend.data && hasTrend ? (
              <TrendChart points={trend.data} unit={indicatorDefs[indicator].kind === 'rate' ? '%' : ''} />
            ) : trend.loading ? (
              <Loading />
            ) : (
              <p className="muted">{t('cluster.trend.none')}</p>
            )}
          </div>

          <RecommendationsPanel clusterId={c.id} />

          <ClusterSchools cluster={c} onChange={cluster.reload} />
        </div>

        <div className="stack">
          <ClusterFollowUp clusterId={c.id} />
          <div className="card" data-testid="open-commitments">
            <h2>{t('cluster.commitments', { n: c.openCommitments.length })}</h2>
            {c.openCommitments.length === 0 && <p className="muted">{t('common.none')}</p>}
            <ul className="list-plain">
              {c.openCommitments.map((m) => (
                <li key={m.id}>
                  <div>{m.action}</div>
                  <div className="small muted">
                    {m.ownerName} ·{' '}
                    <span className={m.overdue ? 'overdue' : undefined}>
                      {m.overdue ? `${t('cluster.overdue')}, ` : ''}
                      {t('cluster.due', { date: formatDate(lang, m.dueDate) })}
                    </span>
                  </div>
                </li>
              ))}
            </ul>
          </div>

          <div className="card">
            <h2>{t('cluster.sessions')}</h2>
            {c.recentSessions.length === 0 && <p className="muted">{t('common.none')}</p>}
            <ul className="list-plain">
              {c.recentSessions.map((s) => (
                <li key={s.id}>
                  <a href={`#/sessions/${s.id}`}>{s.title || kindLabel(lang, s.kind)}</a>
                  <div className="small muted">
                    {formatDate(lang, s.date)} · {modeLabel(lang, s.mode)} ·{' '}
                    {t('cluster.present', { n: s.present })}
                  </div>
                </li>
              ))}
            </ul>
          </div>

          <ClusterAgreements cluster={c} onChange={cluster.reload} />

          <ClusterNeighbours cluster={c} onChange={cluster.reload} />

          <ClusterMembers cluster={c} onChange={cluster.reload} />
        </div>
      </div>
    </section>
  );
}
