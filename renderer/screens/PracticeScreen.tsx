import { indicatorDefs } from '../../shared/schema/enums.ts';
import { costLabel, indicatorLabel, outcomeLabel, settingLabel, tagLabel } from '../../shared/labels.ts';
import { useOp } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';

/** One practice in full: the problem, the steps, and the evidence that it works (or not). */
export function PracticeScreen({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const practice = useOp('practices.get', { id });
  if (practice.error) return <ErrorBox error={practice.error} onRetry={practice.reload} />;
  if (!practice.data) return <Loading />;
  const p = practice.data;
  const origin = p.originSchool?.name ?? p.originCluster?.name ?? p.originPlace;
  const value = (indicator: keyof typeof indicatorDefs | null, v: number | null): string =>
    v === null ? '–' : indicator && indicatorDefs[indicator].kind === 'rate' ? `${v}%` : String(v);

  return (
    <article>
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="#/practices">{t('practices.title')}</a>
          </p>
          <h1>{p.title}</h1>
          <p className="muted">
            {origin && t('practices.from', { place: origin })} ·{' '}
            {t('practice.started', { date: formatDate(lang, p.startedOn) })}
          </p>
          <span className="chips">
            {p.tags.map((tag) => (
              <span key={tag} className="chip">
                {tagLabel(lang, tag)}
              </span>
            ))}
          </span>
        </div>
      </div>
      <div className="grid main-side">
        <div className="stack">
          <div className="card">
            <h2>{t('practice.problem')}</h2>
            <p>{p.problem}</p>
            {p.summary && <p className="muted">{p.summary}</p>}
          </div>
          <div className="card">
            <h2>{t('practice.steps')}</h2>
            <ol className="steps">
              {p.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </div>
          <div className="card">
            <h2>{t('practice.resources')}</h2>
            <p>{p.resources}</p>
            <span className="chips">
              <span className="chip plain">{costLabel(lang, p.cost)}</span>
              <span className="chip plain">{settingLabel(lang, p.setting)}</span>
            </span>
          </div>
        </div>
        <div className="stack">
          <div className="card" data-testid="practice-evidence">
            <h2>{t('practice.evidence')}</h2>
            {p.evidence.length === 0 && <p className="muted">{t('practice.noEvidence')}</p>}
            <ul className="list-plain">
              {p.evidence.map((e) => (
                <li key={e.id}>
                  {e.kind === 'indicator' && e.indicator ? (
                    <div>
                      {t('practice.measured', {
                        indicator: indicatorLabel(lang, e.indicator),
                        before: value(e.indicator, e.beforeValue),
                        after: value(e.indicator, e.afterValue),
                        beforePeriod: e.beforePeriod,
                        afterPeriod: e.afterPeriod,
                        schools: e.schoolsCount,
                      })}
                      {e.clusterName && <span className="muted"> — {e.clusterName}</span>}
                    </div>
                  ) : null}
                  {e.story && (
                    <blockquote className="small" style={{ margin: '0.3rem 0 0', fontStyle: 'italic' }}>
                      {e.story}
                    </blockquote>
                  )}
                </li>
              ))}
            </ul>
          </div>
          <div className="card">
            <h2>{t('practice.adoptions')}</h2>
            {p.adoptions.length === 0 && <p className="muted">{t('practice.noAdoptions')}</p>}
            <ul className="list-plain small">
              {p.adoptions.map((a) => (
                <li key={a.id}>
                  {a.schoolName ?? a.clusterName ?? '–'}
                  {a.schoolName && a.clusterName && <span className="muted"> ({a.clusterName})</span>} ·{' '}
                  {formatDate(lang, a.adoptedOn)}{' '}
                  <span
                    className={`chip ${a.outcome === 'improved' ? 'ok' : a.outcome === 'worse' ? 'danger' : 'plain'}`}
                  >
                    {outcomeLabel(lang, a.outcome)}
                  </span>
                  {a.outcomeNote && <div className="muted">{a.outcomeNote}</div>}
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </article>
  );
}
