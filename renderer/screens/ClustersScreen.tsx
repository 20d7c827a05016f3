import { tagLabel } from '../../shared/labels.ts';
import { ClusterFilterBox, useFilteredClusters } from '../components/ClusterFilter.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';

/** Every CoP as a card, to jump to one quickly. */
export function ClustersScreen() {
  const { t, lang } = useI18n();
  const { overview, clusters, filter, setFilter } = useFilteredClusters();
  if (overview.error) return <ErrorBox error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  return (
    <section>
      <div className="page-head">
        <h1>{t('clusters.title')}</h1>
        <div className="actions">
          <ClusterFilterBox value={filter} onChange={setFilter} />
          <a className="button primary" href="#/clusters/new">
            {t('cop.new')}
          </a>
        </div>
      </div>
      <div className="grid three">
        {clusters.map((c) => (
          <a key={c.id} className="card practice-card" href={`#/clusters/${c.id}`}>
            <h3>{c.name}</h3>
            <p className="muted small">
              {t('cluster.coach', { name: c.coachName })} · {t('cluster.schools', { n: c.schools })}
            </p>
            <span className="chips">
              {c.priorities.map((p) => (
                <span key={p} className="chip">
                  {tagLabel(lang, p)}
                </span>
              ))}
            </span>
            <div className="meta-row">
              <span>
                {t('region.col.lastSession')}:{' '}
                {c.lastSession ? formatDate(lang, c.lastSession) : t('region.noSession')}
              </span>
              {c.overdueCommitments > 0 && (
                <span className="overdue">
                  {c.overdueCommitments} {t('cluster.overdue')}
                </span>
              )}
            </div>
          </a>
        ))}
      </div>
    </section>
  );
}
