import { useState } from 'react';
import { practiceProblemText } from '../../shared/practices/messages.ts';
import { writeUpProblems, type PracticeWriteUp } from '../../shared/practices/writeUp.ts';
import { costLabel, settingLabel, tagLabel } from '../../shared/labels.ts';
import { costLevels, practiceSettings, priorityTags, schoolSizes } from '../../shared/schema/enums.ts';
import { todayIso } from '../../shared/today.ts';
import { useOp } from '../api.ts';
import { Field } from '../components/editing/Field.tsx';
import { refusalOf } from '../components/editing/problems.ts';
import { useI18n } from '../i18n/index.tsx';

export const emptyWriteUp = (today = todayIso()): PracticeWriteUp => ({
  title: '',
  problem: '',
  summary: '',
  tags: [],
  steps: [''],
  resources: '',
  timeNeeded: '',
  cost: 'low',
  setting: 'any',
  schoolSize: 'any',
  language: 'en',
  originClusterId: null,
  originSchoolId: null,
  originPlace: '',
  startedOn: today,
});

/**
 * The write-up of a practice, as a coach writes it down or corrects it: what it solves,
 * the steps another school would follow, what it needs, where it worked. The shared rules
 * are checked as she types (a field's message shows once she has left it, all of them
 * when she tries to save); `save` runs only when they pass and keeps the typing if it fails.
 */
export function PracticeForm({
  initial,
  heading,
  showHeading = true,
  saveLabel,
  onSave,
  onCancel,
}: {
  initial: PracticeWriteUp;
  heading: string;
  /** False where the screen's own title already says it (the form keeps it as its name). */
  showHeading?: boolean;
  saveLabel?: string;
  onSave: (w: PracticeWriteUp) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [w, setW] = useState<PracticeWriteUp>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const clusters = useOp('clusters.list', {});
  const cluster = useOp('clusters.get', w.originClusterId ? { id: w.originClusterId } : null);
  const schools = (cluster.data?.id === w.originClusterId ? cluster.data.schools : []).filter(
    (s) => !s.closedOn || s.id === w.originSchoolId,
  );

  const today = todayIso();
  const problems = writeUpProblems(w, today);
  const message = (field: keyof PracticeWriteUp): string | undefined => {
    const p = problems.find((x) => x.field === field);
    if (p && (tried || touched.has(field))) return practiceProblemText(p.code, lang);
    return refusal?.field === field ? refusal.message : undefined;
  };
  const set = (patch: Partial<PracticeWriteUp>): void => {
    setW((v) => ({ ...v, ...patch }));
    if (refusal?.field && refusal.field in patch) setRefusal(null);
  };
  const leave = (field: string) => () => setTouched((s) => (s.has(field) ? s : new Set(s).add(field)));
  const setStep = (i: number, text: string): void =>
    set({ steps: w.steps.map((s, j) => (j === i ? text : s)) });

  const submit = async (): Promise<void> => {
    setTried(true);
    if (problems.length > 0) {
      // After the messages show: the first field with one takes the focus.
      setTimeout(
        () =>
          document.querySelector<HTMLElement>('[data-testid="practice-form"] [aria-invalid="true"]')?.focus(),
        0,
      );
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      await onSave(w);
    } catch (e) {
      const r = refusalOf(e);
      // practices.update names fields under `writeUp.`; a field not on the form goes above the buttons.
      const field = r.field?.replace(/^writeUp\./, '') ?? null;
      setRefusal({ message: r.message, field: field && field in w ? field : null });
    } finally {
      setBusy(false);
    }
  };
  const optional = ` ${t('pw.optional')}`;

  return (
    <form
      className="card practice-form"
      aria-label={heading}
      data-testid="practice-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        // On the record screen this form sits inside another screen: never submit that one.
        e.stopPropagation();
        void submit();
      }}
    >
      {showHeading && <h2>{heading}</h2>}
      <div className="form-grid">
        <Field label={t('pw.title')} message={message('title')} hint={t('pw.titleHint')} wide>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={200}
              value={w.title}
              autoFocus
              onChange={(e) => set({ title: e.target.value })}
              onBlur={leave('title')}
            />
          )}
        </Field>
        <Field label={t('pw.problem')} message={message('problem')} wide>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={w.problem}
              onChange={(e) => set({ problem: e.target.value })}
              onBlur={leave('problem')}
            />
          )}
        </Field>
        <Field label={t('pw.summary') + optional} wide>
          {(p) => (
            <textarea {...p} rows={2} value={w.summary} onChange={(e) => set({ summary: e.target.value })} />
          )}
        </Field>
      </div>

      <fieldset className="field-set" aria-describedby={message('tags') ? 'pw-tags-note' : undefined}>
        <legend>{t('pw.tags')}</legend>
        <div className="chips">
          {priorityTags.map((tag) => (
            <button
              key={tag}
              type="button"
              className="chip"
              aria-pressed={w.tags.includes(tag)}
              onClick={() => {
                set({ tags: w.tags.includes(tag) ? w.tags.filter((x) => x !== tag) : [...w.tags, tag] });
                leave('tags')();
              }}
            >
              {tagLabel(lang, tag)}
            </button>
          ))}
        </div>
        {message('tags') && (
          <p className="field-message" id="pw-tags-note">
            {message('tags')}
          </p>
        )}
      </fieldset>

      <fieldset className="field-set" data-testid="practice-steps">
        <legend>{t('pw.steps')}</legend>
        <ol className="step-inputs">
          {w.steps.map((step, i) => (
            <li key={i}>
              <span className="step-no" aria-hidden="true">
                {i + 1}.
              </span>
              <input
                type="text"
                aria-label={t('pw.step', { n: i + 1 })}
                aria-invalid={message('steps') && i === 0 ? true : undefined}
                aria-describedby={message('steps') && i === 0 ? 'pw-steps-note' : undefined}
                maxLength={2000}
                value={step}
                onChange={(e) => setStep(i, e.target.value)}
                onBlur={leave('steps')}
                onKeyDown={(e) => {
                  // Enter in a step starts the next one, as in a list on paper.
                  if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
                    e.preventDefault();
                    set({ steps: [...w.steps.slice(0, i + 1), '', ...w.steps.slice(i + 1)] });
                    setTimeout(() => {
                      const inputs = document.querySelectorAll<HTMLInputElement>(
                        '[data-testid="practice-steps"] input',
                      );
                      inputs.item(i + 1)?.focus();
                    }, 0);
                  }
                }}
              />
              {w.steps.length > 1 && (
                <button
                  type="button"
                  className="button plain"
                  aria-label={t('pw.removeStep', { n: i + 1 })}
                  onClick={() => set({ steps: w.steps.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ol>
        {message('steps') && (
          <p className="field-message" id="pw-steps-note">
            {message('steps')}
          </p>
        )}
        <button
          type="button"
          className="button"
          disabled={w.steps.length >= 40}
          onClick={() => set({ steps: [...w.steps, ''] })}
        >
          {t('pw.addStep')}
        </button>
      </fieldset>

      <div className="form-grid">
        <Field label={t('pw.resources')} hint={t('pw.resourcesHint')} wide>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={w.resources}
              onChange={(e) => set({ resources: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('pw.time')} hint={t('pw.timeHint')} wide>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={2000}
              value={w.timeNeeded}
              onChange={(e) => set({ timeNeeded: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('pw.cost')}>
          {(p) => (
            <select
              {...p}
              value={w.cost}
              onChange={(e) => set({ cost: e.target.value as PracticeWriteUp['cost'] })}
            >
              {costLevels.map((c) => (
                <option key={c} value={c}>
                  {costLabel(lang, c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pw.setting')}>
          {(p) => (
            <select
              {...p}
              value={w.setting}
              onChange={(e) => set({ setting: e.target.value as PracticeWriteUp['setting'] })}
            >
              {practiceSettings.map((s) => (
                <option key={s} value={s}>
                  {settingLabel(lang, s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pw.size')}>
          {(p) => (
            <select
              {...p}
              value={w.schoolSize}
              onChange={(e) => set({ schoolSize: e.target.value as PracticeWriteUp['schoolSize'] })}
            >
              {schoolSizes.map((s) => (
                <option key={s} value={s}>
                  {t(`pw.size.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pw.language')}>
          {(p) => (
            <select {...p} value={w.language} onChange={(e) => set({ language: e.target.value })}>
              {[...new Set(['en', 'sw', w.language])].map((l) => (
                <option key={l} value={l}>
                  {l === 'en' || l === 'sw' ? t(`pw.lang.${l}`) : l}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pw.originCluster')} message={message('originClusterId')}>
          {(p) => (
            <select
              {...p}
              value={w.originClusterId ?? ''}
              onChange={(e) => set({ originClusterId: e.target.value || null, originSchoolId: null })}
              onBlur={leave('originClusterId')}
            >
              <option value="">{t('pw.noCluster')}</option>
              {(clusters.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pw.originSchool')} message={message('originSchoolId')}>
          {(p) => (
            <select
              {...p}
              value={w.originSchoolId ?? ''}
              disabled={!w.originClusterId}
              onChange={(e) => set({ originSchoolId: e.target.value || null })}
            >
              <option value="">{t('pw.noSchool')}</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('pw.originPlace') + optional} hint={t('pw.originPlaceHint')}>
          {(p) => (
            <input
              {...p}
              type="text"
              maxLength={200}
              value={w.originPlace}
              onChange={(e) => set({ originPlace: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('pw.startedOn')} message={message('startedOn')}>
          {(p) => (
            <input
              {...p}
              type="date"
              max={today}
              value={w.startedOn}
              onChange={(e) => e.target.value && set({ startedOn: e.target.value })}
              onBlur={leave('startedOn')}
            />
          )}
        </Field>
      </div>
      {tried && problems.length > 0 ? (
        <p className="field-message" role="alert">
          {t('pw.fix', { n: problems.length })}
        </p>
      ) : refusal && !refusal.field ? (
        <p className="field-message" role="alert">
          {refusal.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={busy}>
          {busy ? t('pw.saving') : (saveLabel ?? t('pw.save'))}
        </button>
        <button className="button" type="button" onClick={onCancel}>
          {t('pw.cancel')}
        </button>
      </div>
    </form>
  );
}
