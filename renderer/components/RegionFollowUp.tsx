import { useState } from 'react';
import { formatRate, type PeriodKind } from '../../shared/sessions/completion.ts';
import { useOp } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import { CompletionChart } from './CompletionChart.tsx';
import { PeriodToggle } from './PeriodToggle.tsx';
import { ErrorBox, Loading } from './Status.tsx';

/** Commitments across the region: overdue per cluster and completion rate over recent periods. */
export function RegionFollowUp() {
  const { t } = useI18n();
  const [by, setBy] = useState<PeriodKind>('term');
  const follow = useOp('sessions.regionFollowUp', { by });
  if (follow.error) return <ErrorBox error={follow.error} onRetry={follow.reload} />;
  if (!follow.data) return <Loading />;
  const f = follow.data;
  const clusters = [...f.clusters].sort(
    (a, b) => b.overdue - a.overdue || a.clusterName.localeCompare(b.clusterName),
  );
  return (
    <div className="card region-follow-up" data-testid="region-follow-up">
      <h2>
        {t('sessions.followUp.regionTitle')}
        <PeriodToggle value={by} onChange={setBy} />
      </h2>
      <div className="grid main-side">
        <table className="data">
          <thead>
            <tr>
              <th>{t('sessions.col.cluster')}</th>
              <th className="num">{t('sessions.followUp.colOverdue')}</th>
              {f.periods.map((p) => (
                <th key={p} className="num">
                  {p}
                </th>
              ))}
              <th className="num">{t('sessions.followUp.colAll')}</th>
            </tr>
          </thead>
          <tbody>
            {clusters.map((c) => (
              <tr key={c.clusterId} className="link-row" onClick={() => navigate(`/clusters/${c.clusterId}`)}>
                <td>
                  <a href={`#/clusters/${c.clusterId}`} onClick={(e) => e.stopPropagation()}>
                    {c.clusterName}
                  </a>
                </td>
                <td className={c.overdue > 0 ? 'num overdue' : 'num'}>{c.overdue}</td>
                {c.rates.map((r, i) => (
                  <td key={f.periods[i]} className="num">
                    {formatRate(r)}
                  </td>
                ))}
                <td className="num">
                  <b>{formatRate(c.rate)}</b>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <p>
            <span className="big-figure">{formatRate(f.rate)}</span>{' '}
            <span className="muted small">{t('sessions.followUp.regionRate')}</span>
          </p>
          {f.series.length > 0 && <CompletionChart series={f.series.slice(-8)} />}
          <p className="muted small">{t('sessions.followUp.rateHelp')}</p>
        </div>
      </div>
    </div>
  );
}
