import { useState } from 'react';
import type { ClusterDetail } from '../../shared/contract/clusters.ts';
import { roleLabel } from '../../shared/labels.ts';
import { leaveProblems } from '../../shared/region/checks.ts';
import { problemText } from '../../shared/region/messages.ts';
import { todayIso } from '../../shared/today.ts';
import { call } from '../api.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { Field } from './editing/Field.tsx';
import { emptyMember, MemberForm } from './MemberForm.tsx';
import { useRemoval } from './useRemoval.ts';

type Member = ClusterDetail['members'][number];

/** The CoP's members: add, edit, leave (and come back), remove one entered by mistake (with Undo). */
export function ClusterMembers({ cluster, onChange }: { cluster: ClusterDetail; onChange: () => void }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [leaving, setLeaving] = useState<string | null>(null);
  const remove = useRemoval(onChange);
  const current = cluster.members.filter((m) => !m.leftOn);
  const left = cluster.members.filter((m) => m.leftOn);
  const schools = cluster.schools.filter((s) => !s.closedOn);
  const namesBut = (id: string | null) => current.filter((m) => m.id !== id).map((m) => m.name);
  const done = () => {
    setEditing(null);
    onChange();
  };

  const row = (m: Member) =>
    editing === m.id ? (
      <li key={m.id}>
        <MemberForm
          clusterId={cluster.id}
          memberId={m.id}
          initial={{
            name: m.name,
            role: m.role,
            schoolId: m.schoolId ?? '',
            phone: m.phone,
            gender: m.gender,
          }}
          title={t('member.editTitle', { name: m.name })}
          schools={schools}
          otherNames={namesBut(m.id)}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      </li>
    ) : (
      <li key={m.id} className="member-row">
        <div>
          {m.name} <span className="muted">— {roleLabel(lang, m.role)}</span>
          {m.schoolName && <div className="muted">{m.schoolName}</div>}
          {m.phone && <div className="muted">{m.phone}</div>}
          {m.leftOn && <div className="muted">{t('member.left', { date: formatDate(lang, m.leftOn) })}</div>}
        </div>
        <div className="row-actions">
          {m.leftOn ? (
            <button
              className="button"
              aria-label={t('member.rejoinNamed', { name: m.name })}
              onClick={() => void call('members.rejoin', { id: m.id }).then(onChange)}
            >
              {t('member.rejoin')}
            </button>
          ) : (
            <>
              <button
                className="button"
                aria-label={t('edit.editNamed', { name: m.name })}
                onClick={() => setEditing(m.id)}
              >
                {t('edit.edit')}
              </button>
              <button
                className="button"
                aria-label={t('member.leaveNamed', { name: m.name })}
                aria-expanded={leaving === m.id}
                onClick={() => setLeaving(leaving === m.id ? null : m.id)}
              >
                {t('member.leave')}
              </button>
            </>
          )}
          <button
            className="button danger"
            aria-label={t('edit.removeNamed', { name: m.name })}
            onClick={() => void remove('members', m.id)}
          >
            {t('edit.remove')}
          </button>
        </div>
        {leaving === m.id && (
          <LeaveForm
            name={m.name}
            onDone={() => {
              setLeaving(null);
              onChange();
            }}
            memberId={m.id}
          />
        )}
      </li>
    );

  return (
    <div className="card" data-testid="cluster-members">
      <h2>{t('cluster.members', { n: current.length })}</h2>
      <ul className="list-plain small">{current.map(row)}</ul>
      {editing === 'new' ? (
        <MemberForm
          clusterId={cluster.id}
          initial={emptyMember}
          title={t('member.addTitle', { cop: cluster.name })}
          schools={schools}
          otherNames={namesBut(null)}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <button className="button" onClick={() => setEditing('new')}>
          {t('member.add')}
        </button>
      )}
      {left.length > 0 && (
        <details>
          <summary className="small muted">{t('member.leftCount', { n: left.length })}</summary>
          <ul className="list-plain small">{left.map(row)}</ul>
        </details>
      )}
    </div>
  );
}

function LeaveForm({ memberId, name, onDone }: { memberId: string; name: string; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [leftOn, setLeftOn] = useState(todayIso());
  const [message, setMessage] = useState<string | undefined>();
  return (
    <form
      className="inline-form"
      aria-label={t('member.leaveNamed', { name })}
      onSubmit={(e) => {
        e.preventDefault();
        const problem = leaveProblems(leftOn, todayIso())[0];
        if (problem) return setMessage(problemText(lang, problem.problem));
        void call('members.leave', { id: memberId, leftOn }).then(onDone, (err: Error) =>
          setMessage(err.message),
        );
      }}
    >
      <Field label={t('member.leftOn')} message={message}>
        {(p) => <input {...p} type="date" value={leftOn} onChange={(e) => setLeftOn(e.target.value)} />}
      </Field>
      <button className="button primary" type="submit">
        {t('edit.save')}
      </button>
    </form>
  );
}
