import { useCallback, useRef, useState } from 'react';
import { indicatorDefs } from '../../shared/schema/enums.ts';
import { costLabel, indicatorLabel, settingLabel, tagLabel } from '../../shared/labels.ts';
import { useOp } from '../api.ts';
import { FieldHistory } from '../components/FieldHistory.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useRemoval } from '../components/useRemoval.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import { AdoptionsCard } from '../practices/AdoptionsCard.tsx';
import { EvidenceForm } from '../practices/EvidenceForm.tsx';
import { MergePanel } from '../practices/MergePanel.tsx';
import '../practices/practices.css';

/**
 * One practice in full: the problem, the steps, the evidence that it works (or not) and
 * who adopted it — and where the coach corrects it, adds evidence and adoptions, or
 * merges another write-up of the same practice into it. A field another laptop also
 * edited says so ("also edited on …") with the other version kept.
 */
export function PracticeScreen({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const practice = useOp('practices.get', { id });
  const [addingEvidence, setAddingEvidence] = useState(false);
  const [merging, setMerging] = useState(false);
  const [note, setNote] = useState('');
  const { reload } = practice;
  const removeRow = useRemoval(reload);
  // Removing the practice leaves its page for the library; Undo comes back to it.
  const gone = useRef(false);
  const removePractice = useRemoval(
    useCallback(() => {
      gone.current = !gone.current;
      navigate(gone.current ? '/practices' : `/practices/${id}`);
    }, [id]),
  );
  const [problem, setProblem] = useState('');
  const failed = (e: unknown) => setProblem((e as Error).message);
  if (practice.error) return <ErrorBox error={practice.error} onRetry={practice.reload} />;
  if (!practice.data) return <Loading />;
  const p = practice.data;
  const origin = p.originSchool?.name ?? p.originCluster?.name ?? p.originPlace;
  const value = (indicator: keyof typeof indicatorDefs | null, v: number | null): string =>
    v === null ? '–' : indicator && indicatorDefs[indicator].kind === 'rate' ? `${v}%` : String(v);
  const changed = (message: string) => {
    setNote(message);
    practice.reload();
  };

  return (
    <article className="practice-detail">
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="#/practices">{t('practices.title')}</a>
          </p>
          <h1>{p.title}</h1>
          <FieldHistory table="practices" rowId={p.id} column="title" />
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
        <div className="actions">
          <a className="button" href={`#/practices/${p.id}/edit`}>
            {t('pw.editLink')}
          </a>
          <button type="button" className="button" onClick={() => setMerging(true)} disabled={merging}>
            {t('mg.open')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void removePractice('practices', p.id).catch(failed)}
          >
            {t('pw.remove')}
          </button>
        </div>
      </div>
      {p.mergedFrom && <p className="muted small">{t('mg.mergedFrom')}</p>}
      {note && (
        <p className="ok-note small" role="status">
          {note}
        </p>
      )}
      {problem && (
        <p className="field-message" role="alert">
          {problem}
        </p>
      )}
      {merging && (
        <MergePanel
          practice={p}
          onMerged={(message) => {
            setMerging(false);
            changed(message);
          }}
          onCancel={() => setMerging(false)}
        />
      )}
      <div className="grid main-side">
        <div className="stack">
          <div className="card">
            <h2>{t('practice.problem')}</h2>
            <p>{p.problem}</p>
            <FieldHistory table="practices" rowId={p.id} column="problem" />
            {p.summary && <p className="muted">{p.summary}</p>}
          </div>
          <div className="card">
            <h2>{t('practice.steps')}</h2>
            <ol className="steps">
              {p.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
            <FieldHistory table="practices" rowId={p.id} column="steps" />
          </div>
          <div className="card">
            <h2>{t('practice.resources')}</h2>
            {p.resources && <p>{p.resources}</p>}
            {p.timeNeeded && <p>{t('pw.timeShown', { time: p.timeNeeded })}</p>}
            <FieldHistory table="practices" rowId={p.id} column="resources" />
            <span className="chips">
              <span className="chip plain">{costLabel(lang, p.cost)}</span>
              <span className="chip plain">{settingLabel(lang, p.setting)}</span>
              <span className="chip plain">{t(`pw.size.${p.schoolSize}`)}</span>
            </span>
          </div>
          {p.origins.length > 0 && (
            <div className="card" data-testid="practice-origins">
              <h2>{t('mg.origins')}</h2>
              <ul className="list-plain small">
                {p.origins.map((o) => (
                  <li key={o.id}>
                    {t('mg.originFrom', {
                      title: o.title,
                      place: o.originSchool?.name ?? o.originCluster?.name ?? o.originPlace,
                      date: formatDate(lang, o.startedOn),
                    })}
                    {o.problem && <div className="muted">{o.problem}</div>}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="stack">
          <section className="card" data-testid="practice-evidence" aria-labelledby="evidence-heading">
            <div className="row-between">
              <h2 id="evidence-heading">{t('practice.evidence')}</h2>
              <span className="muted small">{t('ev.count', { n: p.evidence.length })}</span>
            </div>
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
                  {e.story && <blockquote className="small evidence-story">{e.story}</blockquote>}
                  <button
                    type="button"
                    className="link-button small"
                    aria-label={`${t('pw.removeEvidence')}: ${e.indicator ? indicatorLabel(lang, e.indicator) : e.story.slice(0, 40)}`}
                    onClick={() => void removeRow('practice_evidence', e.id).catch(failed)}
                  >
                    {t('pw.removeEvidence')}
                  </button>
                </li>
              ))}
            </ul>
            {addingEvidence ? (
              <EvidenceForm
                practiceId={p.id}
                onSaved={() => {
                  setAddingEvidence(false);
                  changed(t('ev.saved'));
                }}
                onCancel={() => setAddingEvidence(false)}
              />
            ) : (
              <button type="button" className="button" onClick={() => setAddingEvidence(true)}>
                {t('ev.add')}
              </button>
            )}
          </section>
          <AdoptionsCard
            practice={p}
            onChange={practice.reload}
            onRemove={(adoptionId) => void removeRow('adoptions', adoptionId).catch(failed)}
          />
        </div>
      </div>
    </article>
  );
}
