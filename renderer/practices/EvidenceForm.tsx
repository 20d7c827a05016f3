import { useState } from 'react';
import { practiceProblemText } from '../../shared/practices/messages.ts';
import {
  checkTypedEvidence,
  type TypedEvidence as Typed,
  type TypedEvidenceField as TypedField,
} from '../../shared/practices/evidenceForm.ts';
import { indicatorLabel } from '../../shared/labels.ts';
import { indicatorNames, type IndicatorName } from '../../shared/schema/enums.ts';
import { todayIso } from '../../shared/today.ts';
import { call, useOp } from '../api.ts';
import { Field } from '../components/editing/Field.tsx';
import { refusalOf } from '../components/editing/problems.ts';
import { useI18n } from '../i18n/index.tsx';

/** Evidence for a practice: an indicator before and after (with the periods), or a story. */
export function EvidenceForm({
  practiceId,
  onSaved,
  onCancel,
}: {
  practiceId: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const [v, setV] = useState<Typed>({
    kind: 'indicator',
    indicator: 'attendance_rate',
    beforeValue: '',
    afterValue: '',
    beforePeriod: String(thisYear - 1),
    afterPeriod: String(thisYear),
    schoolsCount: '1',
    clusterId: '',
    story: '',
    recordedOn: today,
  });
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const clusters = useOp('clusters.list', {});
  const checked = checkTypedEvidence(practiceId, v, today);
  const message = (f: TypedField): string | undefined => {
    const code = checked.problems[f];
    return code && (tried || touched.has(f)) ? practiceProblemText(code, lang) : undefined;
  };
  const set = (patch: Partial<Typed>) => setV((x) => ({ ...x, ...patch }));
  const leave = (f: TypedField) => () => setTouched((s) => new Set(s).add(f));
  const text = (
    f: 'beforeValue' | 'afterValue' | 'beforePeriod' | 'afterPeriod' | 'schoolsCount',
    label: string,
    hint?: string,
  ) => (
    <Field label={label} message={message(f)} {...(hint ? { hint } : {})}>
      {(p) => (
        <input
          {...p}
          type="text"
          inputMode={f.endsWith('Period') ? 'text' : 'decimal'}
          value={v[f]}
          onChange={(e) => set({ [f]: e.target.value })}
          onBlur={leave(f)}
        />
      )}
    </Field>
  );

  const save = async (): Promise<void> => {
    setTried(true);
    if (!checked.input) return;
    setBusy(true);
    setRefused(null);
    try {
      await call('practices.addEvidence', checked.input);
      onSaved();
    } catch (e) {
      setRefused(refusalOf(e).message);
    } finally {
      setBusy(false);
    }
  };
  const count = Object.keys(checked.problems).length;

  return (
    <form
      className="card practice-form"
      aria-label={t('ev.title')}
      data-testid="evidence-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('ev.title')}</h3>
      <fieldset className="field-set">
        <legend>{t('ev.kind')}</legend>
        {(['indicator', 'story'] as const).map((k) => (
          <label key={k} className="check">
            <input
              type="radio"
              name="evidence-kind"
              checked={v.kind === k}
              onChange={() => set({ kind: k })}
            />
            {t(`ev.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      <div className="form-grid">
        {v.kind === 'indicator' && (
          <>
            <Field label={t('ev.indicator')} wide>
              {(p) => (
                <select
                  {...p}
                  value={v.indicator}
                  onChange={(e) => set({ indicator: e.target.value as IndicatorName })}
                >
                  {indicatorNames.map((n) => (
                    <option key={n} value={n}>
                      {indicatorLabel(lang, n)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('beforeValue', t('ev.before'))}
            {text('beforePeriod', t('ev.beforePeriod'), t('ev.periodHint'))}
            {text('afterValue', t('ev.after'))}
            {text('afterPeriod', t('ev.afterPeriod'), t('ev.periodHint'))}
          </>
        )}
        {text('schoolsCount', t('ev.schools'))}
        <Field label={t('ev.cluster')}>
          {(p) => (
            <select {...p} value={v.clusterId} onChange={(e) => set({ clusterId: e.target.value })}>
              <option value="">{t('ev.noCluster')}</option>
              {(clusters.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('ev.recordedOn')} message={message('recordedOn')}>
          {(p) => (
            <input
              {...p}
              type="date"
              max={today}
              value={v.recordedOn}
              onChange={(e) => e.target.value && set({ recordedOn: e.target.value })}
              onBlur={leave('recordedOn')}
            />
          )}
        </Field>
        <Field
          label={v.kind === 'story' ? t('ev.story') : t('ev.storyOptional')}
          message={message('story')}
          wide
        >
          {(p) => (
            <textarea
              {...p}
              rows={3}
              value={v.story}
              onChange={(e) => set({ story: e.target.value })}
              onBlur={leave('story')}
            />
          )}
        </Field>
      </div>
      {tried && count > 0 ? (
        <p className="field-message" role="alert">
          {t('pw.fix', { n: count })}
        </p>
      ) : refused ? (
        <p className="field-message" role="alert">
          {refused}
        </p>
      ) : null}
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? t('pw.saving') : t('ev.save')}
        </button>
        <button className="button" type="button" onClick={onCancel}>
          {t('pw.cancel')}
        </button>
      </div>
    </form>
  );
}
