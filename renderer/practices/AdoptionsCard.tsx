import { useState } from 'react';
import type { PracticeDetail } from '../../shared/contract/practices.ts';
import { indicatorLabel, outcomeLabel } from '../../shared/labels.ts';
import {
  adoptionOutcomes,
  indicatorNames,
  type AdoptionOutcome,
  type IndicatorName,
} from '../../shared/schema/enums.ts';
import { todayIso } from '../../shared/today.ts';
import { call, useOp } from '../api.ts';
import { Field } from '../components/editing/Field.tsx';
import { refusalOf } from '../components/editing/problems.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';

type Adoption = PracticeDetail['adoptions'][number];

/** Which schools adopt the practice, when, and (later) what came of it. */
export function AdoptionsCard({
  practice,
  onChange,
  onRemove,
}: {
  practice: PracticeDetail;
  onChange: () => void;
  /** Removes an adoption recorded by mistake (the screen offers Undo). */
  onRemove: (adoptionId: string) => void;
}) {
  const { t, lang } = useI18n();
  const [adding, setAdding] = useState(false);
  const [outcomeFor, setOutcomeFor] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const adoptions = practice.adoptions;
  return (
    <section className="card" data-testid="practice-adoptions" aria-labelledby="adoptions-heading">
      <div className="row-between">
        <h2 id="adoptions-heading">{t('practice.adoptions')}</h2>
        <span className="muted small">{t('ad.count', { n: adoptions.length })}</span>
      </div>
      {note && (
        <p className="ok-note small" role="status">
          {note}
        </p>
      )}
      {adoptions.length === 0 && <p className="muted">{t('practice.noAdoptions')}</p>}
      <ul className="list-plain small">
        {adoptions.map((a) => (
          <li key={a.id}>
            {a.schoolName ?? a.clusterName ?? '–'}
            {a.schoolName && a.clusterName && <span className="muted"> ({a.clusterName})</span>} ·{' '}
            {formatDate(lang, a.adoptedOn)}{' '}
            <span
              className={`chip ${a.outcome === 'improved' ? 'ok' : a.outcome === 'worse' ? 'danger' : 'plain'}`}
            >
              {outcomeLabel(lang, a.outcome)}
            </span>
            {a.indicator && <span className="muted"> · {indicatorLabel(lang, a.indicator)}</span>}
            {a.outcomeNote && <div className="muted">{a.outcomeNote}</div>}
            {outcomeFor === a.id ? (
              <OutcomeForm
                adoption={a}
                onDone={(saved) => {
                  setOutcomeFor(null);
                  if (saved) {
                    setNote(t('pw.saved'));
                    onChange();
                  }
                }}
              />
            ) : (
              <button
                type="button"
                className="link-button"
                aria-label={`${t(a.outcome === 'pending' ? 'ad.outcome' : 'ad.changeOutcome')}: ${a.schoolName ?? a.clusterName ?? ''}`}
                onClick={() => {
                  setNote('');
                  setOutcomeFor(a.id);
                }}
              >
                {t(a.outcome === 'pending' ? 'ad.outcome' : 'ad.changeOutcome')}
              </button>
            )}{' '}
            {outcomeFor !== a.id && (
              <button
                type="button"
                className="link-button"
                aria-label={`${t('ad.remove')}: ${a.schoolName ?? a.clusterName ?? ''}`}
                onClick={() => onRemove(a.id)}
              >
                {t('ad.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {adding ? (
        <AdoptionForm
          practice={practice}
          onDone={(n) => {
            setAdding(false);
            if (n > 0) {
              setNote(t('ad.saved', { n }));
              onChange();
            }
          }}
        />
      ) : (
        <button
          type="button"
          className="button"
          onClick={() => {
            setNote('');
            setAdding(true);
          }}
        >
          {t('ad.add')}
        </button>
      )}
    </section>
  );
}

function AdoptionForm({ practice, onDone }: { practice: PracticeDetail; onDone: (added: number) => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const clusters = useOp('clusters.list', {});
  const [clusterId, setClusterId] = useState(practice.originCluster?.id ?? '');
  const [picked, setPicked] = useState<string[]>([]);
  const [on, setOn] = useState(today);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<{ field: string | null; message: string } | null>(null);
  const cluster = useOp('clusters.get', clusterId ? { id: clusterId } : null);
  const adopted = new Set(practice.adoptions.map((a) => a.schoolId));
  const schools = (cluster.data?.id === clusterId ? cluster.data.schools : []).filter(
    (s) => !s.closedOn && !adopted.has(s.id),
  );
  const noSchools = picked.length === 0 ? t('ad.noSchools') : undefined;
  const save = async () => {
    setTried(true);
    if (!clusterId || picked.length === 0) return;
    try {
      const r = await call('recommend.adopt', { clusterId, practiceId: practice.id, schoolIds: picked, on });
      onDone(r.adoptionIds.length);
    } catch (e) {
      setRefused(refusalOf(e));
    }
  };
  return (
    <form
      className="practice-form"
      aria-label={t('ad.title')}
      data-testid="adoption-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('ad.title')}</h3>
      <div className="form-grid">
        <Field label={t('ad.cluster')}>
          {(p) => (
            <select
              {...p}
              value={clusterId}
              onChange={(e) => {
                setClusterId(e.target.value);
                setPicked([]);
              }}
            >
              <option value="" disabled>
                –
              </option>
              {(clusters.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ad.on')}>
          {(p) => (
            <input {...p} type="date" value={on} onChange={(e) => e.target.value && setOn(e.target.value)} />
          )}
        </Field>
      </div>
      {clusterId && (
        <fieldset className="field-set" aria-describedby={tried && noSchools ? 'ad-schools-note' : undefined}>
          <legend>{t('ad.schools')}</legend>
          {cluster.data && schools.length === 0 && <p className="muted small">{t('ad.allAdopted')}</p>}
          {schools.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={picked.includes(s.id)}
                onChange={() =>
                  setPicked(picked.includes(s.id) ? picked.filter((x) => x !== s.id) : [...picked, s.id])
                }
              />
              {s.name}
            </label>
          ))}
          {tried && noSchools && (
            <p className="field-message" id="ad-schools-note">
              {noSchools}
            </p>
          )}
        </fieldset>
      )}
      {refused && (
        <p className="field-message" role="alert">
          {refused.message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('ad.save')}
        </button>
        <button type="button" className="button" onClick={() => onDone(0)}>
          {t('pw.cancel')}
        </button>
      </div>
    </form>
  );
}

function OutcomeForm({ adoption, onDone }: { adoption: Adoption; onDone: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const [outcome, setOutcome] = useState<AdoptionOutcome>(adoption.outcome);
  const [indicator, setIndicator] = useState<IndicatorName | ''>(adoption.indicator ?? '');
  const [note, setNote] = useState(adoption.outcomeNote);
  const [refused, setRefused] = useState<string | null>(null);
  const save = async () => {
    try {
      await call('recommend.recordOutcome', {
        adoptionId: adoption.id,
        outcome,
        indicator: indicator || null,
        note,
      });
      onDone(true);
    } catch (e) {
      setRefused(refusalOf(e).message);
    }
  };
  const heading = t('ad.outcomeOf', { school: adoption.schoolName ?? adoption.clusterName ?? '' });
  return (
    <form
      className="practice-form"
      aria-label={heading}
      data-testid="outcome-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{heading}</h3>
      <div className="form-grid">
        <Field label={t('ad.outcomeField')}>
          {(p) => (
            <select {...p} value={outcome} onChange={(e) => setOutcome(e.target.value as AdoptionOutcome)}>
              {adoptionOutcomes.map((o) => (
                <option key={o} value={o}>
                  {outcomeLabel(lang, o)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ad.indicator')}>
          {(p) => (
            <select
              {...p}
              value={indicator}
              onChange={(e) => setIndicator(e.target.value as IndicatorName | '')}
            >
              <option value="">{t('ad.noIndicator')}</option>
              {indicatorNames.map((n) => (
                <option key={n} value={n}>
                  {indicatorLabel(lang, n)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={`${t('ad.note')} ${t('pw.optional')}`} wide>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </Field>
      </div>
      {refused && (
        <p className="field-message" role="alert">
          {refused}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('ad.saveOutcome')}
        </button>
        <button type="button" className="button" onClick={() => onDone(false)}>
          {t('pw.cancel')}
        </button>
      </div>
    </form>
  );
}
