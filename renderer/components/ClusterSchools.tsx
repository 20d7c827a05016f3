import { Fragment, useState } from 'react';
import type { ClusterDetail } from '../../shared/contract/clusters.ts';
import { settingLabel } from '../../shared/labels.ts';
import { closeProblems } from '../../shared/region/checks.ts';
import { todayIso } from '../../shared/today.ts';
import { call, useOp } from '../api.ts';
import { formatDate, formatNumber } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { Field } from './editing/Field.tsx';
import { useForm } from './editing/useForm.ts';
import { SchoolForm, type SchoolValues } from './SchoolForm.tsx';
import { useRemoval } from './useRemoval.ts';

type School = ClusterDetail['schools'][number];
type Action = { kind: 'edit' | 'move' | 'close'; id: string } | { kind: 'add' } | null;

const valuesOf = (s: School): SchoolValues => ({
  name: s.name,
  headName: s.headName,
  setting: s.setting,
  learners: String(s.learners),
  teachers: String(s.teachers),
  lat: String(s.lat),
  lon: String(s.lon),
  officialCode: s.officialCode,
});

/** The CoP's schools: add, edit, move to another CoP, close with a reason, reopen, remove (with Undo). */
export function ClusterSchools({ cluster, onChange }: { cluster: ClusterDetail; onChange: () => void }) {
  const { t, lang } = useI18n();
  const [action, setAction] = useState<Action>(null);
  const remove = useRemoval(onChange);
  const done = () => {
    setAction(null);
    onChange();
  };
  const open = cluster.schools.filter((s) => !s.closedOn);
  const others = (id: string | null) => cluster.schools.filter((s) => s.id !== id);
  const formFor = (s: School | null) => (
    <SchoolForm
      clusterId={cluster.id}
      {...(s ? { schoolId: s.id } : {})}
      initial={
        s
          ? valuesOf(s)
          : {
              name: '',
              headName: '',
              setting: 'rural',
              learners: '',
              teachers: '',
              lat: String(cluster.lat),
              lon: String(cluster.lon),
              officialCode: '',
            }
      }
      title={s ? t('school.editTitle', { name: s.name }) : t('school.addTitle', { cop: cluster.name })}
      otherNames={others(s?.id ?? null).map((x) => x.name)}
      takenCodes={others(s?.id ?? null)
        .map((x) => x.officialCode)
        .filter(Boolean)}
      onSaved={done}
      onCancel={() => setAction(null)}
    />
  );

  return (
    <div className="card" data-testid="cluster-schools">
      <h2>{t('cluster.schools', { n: open.length })}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t('cluster.col.school')}</th>
            <th scope="col">{t('cluster.col.head')}</th>
            <th scope="col">{t('cluster.col.setting')}</th>
            <th scope="col" className="num">
              {t('cluster.col.learners')}
            </th>
            <th scope="col" className="num">
              {t('cluster.col.teachers')}
            </th>
            <th scope="col">
              <span className="visually-hidden">{t('school.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {cluster.schools.map((s) => (
            <Fragment key={s.id}>
              {schoolRow(s)}
              {action && 'id' in action && action.id === s.id && (
                <tr>
                  <td colSpan={6}>
                    {action.kind === 'edit' && formFor(s)}
                    {action.kind === 'move' && (
                      <MoveForm
                        school={s}
                        fromId={cluster.id}
                        onDone={done}
                        onCancel={() => setAction(null)}
                      />
                    )}
                    {action.kind === 'close' && (
                      <CloseForm school={s} onDone={done} onCancel={() => setAction(null)} />
                    )}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {action?.kind === 'add' ? (
        formFor(null)
      ) : (
        <button className="button" onClick={() => setAction({ kind: 'add' })}>
          {t('school.add')}
        </button>
      )}
    </div>
  );

  function schoolRow(s: School) {
    const onRemove = () => void remove('schools', s.id);
    return (
      <tr className={s.closedOn ? 'closed' : undefined}>
        <td>
          {s.name}
          {s.officialCode && (
            <div className="small muted">{t('school.code.short', { code: s.officialCode })}</div>
          )}
          {s.closedOn && (
            <div className="small muted">
              {t('school.closed', { date: formatDate(lang, s.closedOn), reason: s.closedReason })}
            </div>
          )}
        </td>
        <td>{s.headName}</td>
        <td>{settingLabel(lang, s.setting)}</td>
        <td className="num">{formatNumber(lang, s.learners)}</td>
        <td className="num">{s.teachers}</td>
        <td>
          <div className="row-actions">
            {s.closedOn ? (
              <button
                className="button"
                aria-label={t('school.reopenNamed', { name: s.name })}
                onClick={() => void call('schools.reopen', { id: s.id }).then(onChange)}
              >
                {t('school.reopen')}
              </button>
            ) : (
              <>
                <button
                  className="button"
                  aria-label={t('edit.editNamed', { name: s.name })}
                  onClick={() => setAction({ kind: 'edit', id: s.id })}
                >
                  {t('edit.edit')}
                </button>
                <button
                  className="button"
                  aria-label={t('school.moveNamed', { name: s.name })}
                  onClick={() => setAction({ kind: 'move', id: s.id })}
                >
                  {t('school.move')}
                </button>
                <button
                  className="button"
                  aria-label={t('school.closeNamed', { name: s.name })}
                  onClick={() => setAction({ kind: 'close', id: s.id })}
                >
                  {t('school.close')}
                </button>
              </>
            )}
            <button
              className="button danger"
              aria-label={t('edit.removeNamed', { name: s.name })}
              onClick={onRemove}
            >
              {t('edit.remove')}
            </button>
          </div>
        </td>
      </tr>
    );
  }
}

function MoveForm({
  school,
  fromId,
  onDone,
  onCancel,
}: {
  school: School;
  fromId: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const clusters = useOp('clusters.list', {});
  const choices = (clusters.data ?? []).filter((c) => c.id !== fromId);
  const form = useForm({ clusterId: '', withMembers: true as boolean }, (v) =>
    v.clusterId ? [] : [{ field: 'clusterId', problem: 'required' as const }],
  );
  return (
    <form
      className="inline-form"
      aria-label={t('school.moveNamed', { name: school.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit((v) =>
            call('schools.move', { id: school.id, clusterId: v.clusterId, withMembers: v.withMembers }),
          )
          .then((ok) => ok && onDone());
      }}
    >
      <Field label={t('school.moveTo')} message={form.messages.clusterId}>
        {(p) => (
          <select
            {...p}
            value={form.values.clusterId}
            onChange={(e) => form.set('clusterId', e.target.value)}
          >
            <option value="">—</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={form.values.withMembers}
          onChange={(e) => form.set('withMembers', e.target.checked)}
        />{' '}
        {t('school.moveWithMembers')}
      </label>
      <button className="button primary" type="submit" disabled={form.busy}>
        {t('school.move')}
      </button>
      <button className="button" type="button" onClick={onCancel}>
        {t('edit.cancel')}
      </button>
    </form>
  );
}

function CloseForm({
  school,
  onDone,
  onCancel,
}: {
  school: School;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const form = useForm({ closedOn: todayIso(), reason: '' }, (v) =>
    closeProblems(v.closedOn, v.reason, todayIso()),
  );
  return (
    <form
      className="inline-form"
      aria-label={t('school.closeNamed', { name: school.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void form
          .submit((v) =>
            call('schools.close', { id: school.id, closedOn: v.closedOn, reason: v.reason.trim() }),
          )
          .then((ok) => ok && onDone());
      }}
    >
      <Field label={t('school.closedOn')} message={form.messages.closedOn}>
        {(p) => (
          <input
            {...p}
            type="date"
            value={form.values.closedOn}
            onChange={(e) => form.set('closedOn', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('school.reason')} message={form.messages.reason} hint={t('school.reasonHint')}>
        {(p) => (
          <input
            {...p}
            type="text"
            value={form.values.reason}
            onChange={(e) => form.set('reason', e.target.value)}
            onBlur={() => form.leave('reason')}
          />
        )}
      </Field>
      <button className="button primary" type="submit" disabled={form.busy}>
        {t('school.close')}
      </button>
      <button className="button" type="button" onClick={onCancel}>
        {t('edit.cancel')}
      </button>
    </form>
  );
}
