import { tagLabel } from '../../shared/labels.ts';
import { RegionFollowUp } from '../components/RegionFollowUp.tsx';
import { ClusterFilterBox, useFilteredClusters } from '../components/ClusterFilter.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { formatDate, formatNumber, formatPercent } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';

/** The region overview: totals, and every CoP with its headline figures. */
export function RegionScreen() {
  const { t, lang } = useI18n();
  const { overview, clusters, filter, setFilter } = useFilteredClusters();

  if (overview.error) return <ErrorBox error={overview.error} onRetry={overview.reload} />;
  if (!overview.data) return <Loading />;
  const { region, totals, latestTerm } = overview.data;

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('region.title', { name: region?.name ?? '' })}</h1>
          <p className="muted">
            {t('region.subtitle', {
              clusters: formatNumber(lang, totals.clusters),
              schools: formatNumber(lang, totals.schools),
              learners: formatNumber(lang, totals.learners),
            })}
            {latestTerm && <> · {t('region.latestTerm', { term: latestTerm })}</>}
          </p>
        </div>
      </div>
      <div className="tiles">
        <Tile value={totals.sessions} label={t('region.tile.sessions')} />
        <Tile value={totals.practices} label={t('region.tile.practices')} />
        <Tile value={totals.members} label={t('region.tile.members')} />
        <Tile value={totals.openCommitments} label={t('region.tile.open')} />
        <Tile
          value={totals.overdueCommitments}
          label={t('region.tile.overdue')}
          alert={totals.overdueCommitments > 0}
        />
      </div>
      <div className="card">
        <div className="page-head" style={{ marginBottom: '0.5rem' }}>
          <h2>{t('region.clusters')}</h2>
          <ClusterFilterBox value={filter} onChange={setFilter} />
        </div>
        <table className="data" data-testid="region-clusters">
          <thead>
            <tr>
              <th>{t('region.col.cluster')}</th>
              <th>{t('region.col.coach')}</th>
              <th className="num">{t('region.col.schools')}</th>
              <th>{t('region.col.priorities')}</th>
              <th className="num">{t('region.col.attendance')}</th>
              <th className="num">{t('region.col.dropout')}</th>
              <th className="num">{t('region.col.literacy')}</th>
              <th>{t('region.col.lastSession')}</th>
              <th className="num">{t('region.col.commitments')}</th>
            </tr>
          </thead>
          <tbody>
            {clusters.map((c) => (
              <tr key={c.id} className="link-row" onClick={() => navigate(`/clusters/${c.id}`)}>
                <td>
                  <a href={`#/clusters/${c.id}`} onClick={(e) => e.stopPropagation()}>
                    {c.name}
                  </a>
                </td>
                <td>{c.coachName}</td>
                <td className="num">{c.schools}</td>
                <td>
                  <span className="chips">
                    {c.priorities.map((p) => (
                      <span key={p} className="chip">
                        {tagLabel(lang, p)}
                      </span>
                    ))}
                  </span>
                </td>
                <td className="num">{formatPercent(c.latest.attendance_rate)}</td>
                <td className="num">{formatPercent(c.latest.dropout_rate)}</td>
                <td className="num">{formatPercent(c.latest.literacy_rate)}</td>
                <td>{c.lastSession ? formatDate(lang, c.lastSession) : t('region.noSession')}</td>
                <td className="num">
                  {c.openCommitments}
                  {c.overdueCommitments > 0 && <span className="overdue"> ({c.overdueCommitments})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <RegionFollowUp />
    </section>
  );
}

function Tile({ value, label, alert = false }: { value: number; label: string; alert?: boolean }) {
  const { lang } = useI18n();
  return (
    <div className={alert ? 'tile alert' : 'tile'}>
      <div className="value">{formatNumber(lang, value)}</div>
      <div className="label">{label}</div>
    </div>
  );
}
