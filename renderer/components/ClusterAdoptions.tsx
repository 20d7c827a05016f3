import { useEffect, useState } from 'react';
import type { ClusterAdoption } from '../../shared/contract/recommend.ts';
import { indicatorLabel, outcomeLabel } from '../../shared/labels.ts';
import {
  adoptionOutcomes,
  indicatorNames,
  type AdoptionOutcome,
  type IndicatorName,
} from '../../shared/schema/enums.ts';
import { ApiError, call, useOp } from '../api.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorBox, Loading } from './Status.tsx';

/** One adoption's outcome being edited; saved with its own button. */
function OutcomeRow({ a, onSaved }: { a: ClusterAdoption; onSaved: (message: string) => void }) {
  const { t, lang } = useI18n();
  const [outcome, setOutcome] = useState<AdoptionOutcome>(a.outcome);
  const [indicator, setIndicator] = useState<IndicatorName | ''>(a.indicator ?? '');
  const [error, setError] = useState<string | null>(null);
  const changed = outcome !== a.outcome || indicator !== (a.indicator ?? '');
  const label = `${a.practiceTitle} — ${a.schoolName ?? t('recommend.wholeCluster')}`;

  async function save() {
    setError(null);
    try {
      await call('recommend.recordOutcome', { adoptionId: a.id, outcome, indicator: indicator || null });
      onSaved(t('recommend.savedOutcome'));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <tr data-testid="adoption-row">
      <td>
        <a href={`#/practices/${a.practiceId}`}>{a.practiceTitle}</a>
        <div className="muted small">
          {a.schoolName ?? t('recommend.wholeCluster')} ·{' '}
          {t('recommend.since', { date: formatDate(lang, a.adoptedOn) })}
        </div>
      </td>
      <td>
        <select
          aria-label={`${t('recommend.col.outcome')}: ${label}`}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as AdoptionOutcome)}
        >
          {adoptionOutcomes.map((o) => (
            <option key={o} value={o}>
              {outcomeLabel(lang, o)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`${t('recommend.col.indicator')}: ${label}`}
          value={indicator}
          onChange={(e) => setIndicator(e.target.value as IndicatorName | '')}
        >
          <option value="">{t('recommend.indicatorNone')}</option>
          {indicatorNames.map((n) => (
            <option key={n} value={n}>
              {indicatorLabel(lang, n)}
            </option>
          ))}
        </select>
        {error && (
          <div className="overdue small" role="alert">
            {error}
          </div>
        )}
      </td>
      <td>
        <button type="button" className="button" disabled={!changed} onClick={() => void save()}>
          {t('recommend.saveOutcome')}
        </button>
      </td>
    </tr>
  );
}

/** The cluster's adoptions, where the coach records what came of each. */
export function ClusterAdoptions({
  clusterId,
  version,
  onSaved,
}: {
  clusterId: string;
  /** Changes when adoptions were added elsewhere on the page. */
  version: number;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const adoptions = useOp('recommend.adoptions', { clusterId });
  const { reload } = adoptions;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  return (
    <section className="rec-adoptions" aria-labelledby="rec-adoptions-title">
      <h3 id="rec-adoptions-title">{t('recommend.adoptions')}</h3>
      {adoptions.error && <ErrorBox error={adoptions.error} onRetry={reload} />}
      {!adoptions.data && !adoptions.error && <Loading />}
      {adoptions.data?.length === 0 && <p className="muted">{t('recommend.adoptionsNone')}</p>}
      {adoptions.data && adoptions.data.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th>{t('recommend.col.practice')}</th>
              <th>{t('recommend.col.outcome')}</th>
              <th>{t('recommend.col.indicator')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {adoptions.data.map((a) => (
              <OutcomeRow key={`${a.id}:${a.outcome}:${a.indicator ?? ''}`} a={a} onSaved={onSaved} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
