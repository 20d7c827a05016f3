import { useState } from 'react';
import type { ClusterDetail } from '../../shared/contract/clusters.ts';
import { priorityTags, type PriorityTag } from '../../shared/schema/enums.ts';
import { tagLabel } from '../../shared/labels.ts';
import { criteriaProblems, MAX_PRIORITIES, priorityProblems } from '../../shared/region/checks.ts';
import { todayIso } from '../../shared/today.ts';
import { call } from '../api.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { Field } from './editing/Field.tsx';
import { messagesOf, refusalOf } from './editing/problems.ts';

/** What the CoP agreed: its criteria of an effective school and its 2–3 priorities for a period. */
export function ClusterAgreements({ cluster, onChange }: { cluster: ClusterDetail; onChange: () => void }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<'criteria' | 'priorities' | null>(null);
  const done = () => {
    setEditing(null);
    onChange();
  };
  return (
    <div className="card" data-testid="cluster-agreements">
      <h2>{t('cop.priorities')}</h2>
      {editing === 'priorities' ? (
        <PrioritiesForm cluster={cluster} onDone={done} onCancel={() => setEditing(null)} />
      ) : (
        <>
          <ol className="small">
            {cluster.priorities.map((p) => (
              <li key={p.id}>
                <strong>{tagLabel(lang, p.tag)}</strong>
                {p.title && <> — {p.title}</>}
                <div className="muted">
                  {[p.period, t('cop.priorities.agreed', { date: formatDate(lang, p.agreedOn) })]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              </li>
            ))}
          </ol>
          <button className="button" onClick={() => setEditing('priorities')}>
            {t('cop.priorities.edit')}
          </button>
        </>
      )}
      <h2>{t('cop.criteria')}</h2>
      {editing === 'criteria' ? (
        <CriteriaForm cluster={cluster} onDone={done} onCancel={() => setEditing(null)} />
      ) : (
        <>
          {cluster.criteria.length === 0 ? (
            <p className="muted small">{t('cop.criteria.none')}</p>
          ) : (
            <ul className="small">
              {cluster.criteria.map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          )}
          <button className="button" onClick={() => setEditing('criteria')}>
            {t('cop.criteria.edit')}
          </button>
        </>
      )}
    </div>
  );
}

function CriteriaForm({
  cluster,
  onDone,
  onCancel,
}: {
  cluster: ClusterDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(cluster.criteria.join('\n'));
  const [message, setMessage] = useState<string | undefined>();
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <form
      aria-label={t('cop.criteria')}
      onSubmit={(e) => {
        e.preventDefault();
        const problem = messagesOf(lang, criteriaProblems(lines));
        const first = Object.values(problem)[0];
        if (first) return setMessage(first);
        void call('clusters.setCriteria', { id: cluster.id, criteria: lines }).then(onDone, (err: unknown) =>
          setMessage(refusalOf(err).message),
        );
      }}
    >
      <Field label={t('cop.criteria')} message={message} hint={t('cop.criteria.hint')} wide>
        {(p) => <textarea {...p} rows={5} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <div className="form-actions">
        <button className="button primary" type="submit">
          {t('edit.save')}
        </button>
        <button className="button" type="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}

interface PriorityRow {
  tag: string;
  title: string;
  agreedOn: string;
  period: string;
}

function PrioritiesForm({
  cluster,
  onDone,
  onCancel,
}: {
  cluster: ClusterDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [rows, setRows] = useState<PriorityRow[]>(
    cluster.priorities.length
      ? cluster.priorities.map((p) => ({
          tag: p.tag,
          title: p.title,
          agreedOn: p.agreedOn,
          period: p.period,
        }))
      : [{ tag: 'attendance', title: '', agreedOn: todayIso(), period: '' }],
  );
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const problems = messagesOf(lang, priorityProblems(rows, todayIso()));
  const shown = tried ? problems : {};
  const set = (i: number, patch: Partial<PriorityRow>) =>
    setRows((r) => r.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <form
      aria-label={t('cop.priorities')}
      data-testid="priorities-form"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (Object.keys(problems).length) return;
        void call('clusters.setPriorities', {
          id: cluster.id,
          priorities: rows.map((r) => ({
            ...r,
            tag: r.tag as PriorityTag,
            title: r.title.trim(),
            period: r.period.trim(),
          })),
        }).then(onDone, (err: unknown) => setRefusal(refusalOf(err).message));
      }}
    >
      <p className="muted small">{t('cop.priorities.hint')}</p>
      {rows.map((r, i) => (
        <fieldset key={i} className="form-grid priority-row">
          <legend className="visually-hidden">{t('cop.priorities.area', { n: i + 1 })}</legend>
          <Field label={t('cop.priorities.area', { n: i + 1 })} message={shown[`priorities[${i}].tag`]}>
            {(p) => (
              <select {...p} value={r.tag} onChange={(e) => set(i, { tag: e.target.value })}>
                {priorityTags.map((tag) => (
                  <option key={tag} value={tag}>
                    {tagLabel(lang, tag)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label={`${t('cop.priorities.words')} ${t('edit.optional')}`}
            message={shown[`priorities[${i}].title`]}
          >
            {(p) => (
              <input {...p} type="text" value={r.title} onChange={(e) => set(i, { title: e.target.value })} />
            )}
          </Field>
          <Field label={t('cop.priorities.agreedOn')} message={shown[`priorities[${i}].agreedOn`]}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={r.agreedOn}
                onChange={(e) => set(i, { agreedOn: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t('cop.priorities.period')}
            message={shown[`priorities[${i}].period`]}
            hint={t('cop.priorities.periodHint')}
          >
            {(p) => (
              <input
                {...p}
                type="text"
                value={r.period}
                onChange={(e) => set(i, { period: e.target.value })}
              />
            )}
          </Field>
          {rows.length > 1 && (
            <button
              type="button"
              className="button plain"
              aria-label={t('cop.priorities.removeRow', { n: i + 1 })}
              onClick={() => setRows((x) => x.filter((_, j) => j !== i))}
            >
              ×
            </button>
          )}
        </fieldset>
      ))}
      {(shown.priorities || refusal) && (
        <p className="field-message" role="alert">
          {shown.priorities ?? refusal}
        </p>
      )}
      <div className="form-actions">
        {rows.length < MAX_PRIORITIES && (
          <button
            type="button"
            className="button"
            onClick={() =>
              setRows((x) => [
                ...x,
                {
                  tag: priorityTags.find((tag) => !x.some((y) => y.tag === tag)) ?? 'attendance',
                  title: '',
                  agreedOn: x[0]?.agreedOn ?? todayIso(),
                  period: x[0]?.period ?? '',
                },
              ])
            }
          >
            {t('cop.priorities.add')}
          </button>
        )}
        <button className="button primary" type="submit">
          {t('edit.save')}
        </button>
        <button className="button" type="button" onClick={onCancel}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
