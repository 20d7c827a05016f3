import { useState } from 'react';
import { formatRate, type PeriodKind } from '../../shared/sessions/completion.ts';
import { useOp } from '../api.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { CompletionChart } from './CompletionChart.tsx';
import { PeriodToggle } from './PeriodToggle.tsx';
import { ErrorBox, Loading } from './Status.tsx';

/** A cluster's overdue commitments and how many it completes, per term or month. */
export function ClusterFollowUp({ clusterId }: { clusterId: string }) {
  const { t, lang } = useI18n();
  const [by, setBy] = useState<PeriodKind>('term');
  const follow = useOp('sessions.followUp', { clusterId, by });
  if (follow.error) return <ErrorBox error={follow.error} onRetry={follow.reload} />;
  if (!follow.data) return <Loading />;
  const f = follow.data;
  return (
    <>
      <div className="card" data-testid="overdue-commitments">
        <h2>{t('sessions.followUp.overdue', { n: f.overdue.length })}</h2>
        {f.overdue.length === 0 && <p className="muted small">{t('sessions.followUp.noneOverdue')}</p>}
        <ul className="list-plain small">
          {f.overdue.map((c) => (
            <li key={c.id}>
              <div>{c.action}</div>
              <div className="muted">
                {c.ownerName} ·{' '}
                <span className="overdue">
                  {t('sessions.followUp.daysLate', { n: c.daysOverdue, date: formatDate(lang, c.dueDate) })}
                </span>
              </div>
            </li>
          ))}
        </ul>
      </div>
      <div className="card" data-testid="completion-rate">
        <h2>
          {t('sessions.followUp.completion')}
          <PeriodToggle value={by} onChange={setBy} />
        </h2>
        <p>
          <span className="big-figure" data-testid="completion-overall">
            {formatRate(f.rate)}
          </span>{' '}
          <span className="muted small">{t('sessions.followUp.rateHelp')}</span>
        </p>
        {f.series.length > 0 ? (
          <CompletionChart series={f.series} />
        ) : (
          <p className="muted small">{t('sessions.followUp.nothingDue')}</p>
        )}
      </div>
    </>
  );
}
