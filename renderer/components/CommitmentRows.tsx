import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SessionDetail } from '../../shared/contract/sessions.ts';
import type { RecordDraft } from '../../shared/sessions/record.ts';
import { commitmentProblem, type CommitmentProblem } from '../../shared/sessions/rules.ts';
import { useI18n } from '../i18n/index.tsx';

type Row = RecordDraft['commitments'][number];
const blankRow = (): Row => ({
  id: crypto.randomUUID(),
  ownerMemberId: '',
  action: '',
  dueDate: '',
  witnesses: [],
});
const isBlank = (r: Row): boolean => !r.ownerMemberId && !r.action.trim() && !r.dueDate;

interface Props {
  members: SessionDetail['members'];
  /** Members marked present: the default witnesses ("witnessed by the group"). */
  present: string[];
  sessionDate: string;
  rows: Row[];
  onChange: (rows: Row[]) => void;
  problems: Map<number, CommitmentProblem>;
}

/**
 * New commitments as a quick-entry grid: owner, action, due date, then Enter adds the next
 * row and puts the cursor on its owner. Witnesses default to everyone present but the owner.
 */
export function CommitmentRows({ members, present, sessionDate, rows, onChange, problems }: Props) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  const focusOwner = useRef<string | null>(null);
  const memberIds = new Set(members.map((m) => m.id));
  const shown = rows.length === 0 || !isBlank(rows[rows.length - 1]!) ? [...rows, blankRow()] : rows;

  useEffect(() => {
    const id = focusOwner.current;
    if (!id) return;
    focusOwner.current = null;
    list.current?.querySelector<HTMLSelectElement>(`[data-row="${CSS.escape(id)}"] select`)?.focus();
  });

  const set = (id: string, patch: Partial<Row>): void => {
    const exists = rows.some((r) => r.id === id);
    const base = exists ? rows : shown;
    onChange(base.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  };
  const commit = (row: Row): void => {
    const witnesses = row.witnesses.length ? row.witnesses : present.filter((m) => m !== row.ownerMemberId);
    const filled = { ...row, witnesses };
    if (commitmentProblem(filled, sessionDate, memberIds)) {
      set(row.id, { witnesses });
      return;
    }
    const next = blankRow();
    const base = rows.some((r) => r.id === row.id) ? rows : shown;
    onChange([
      ...base.map((r) => (r.id === row.id ? filled : r)).filter((r) => r.id === row.id || !isBlank(r)),
      next,
    ]);
    focusOwner.current = next.id;
  };
  const onEnter = (row: Row) => (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    commit(row);
  };

  return (
    <>
      <p className="muted small" id="commitment-keys">
        {t('sessions.record.commitmentKeys')}
      </p>
      <ol className="commitment-rows" ref={list} aria-describedby="commitment-keys">
        {shown.map((row, i) => {
          const problem = problems.get(rows.indexOf(row));
          const witnesses = row.witnesses.length
            ? row.witnesses
            : present.filter((m) => m !== row.ownerMemberId);
          return (
            <li key={row.id} data-row={row.id} className="commitment-row" data-testid="commitment-row">
              <div className="commitment-inputs">
                <select
                  aria-label={t('sessions.record.owner', { n: i + 1 })}
                  value={row.ownerMemberId}
                  onChange={(e) => set(row.id, { ownerMemberId: e.target.value })}
                  onKeyDown={onEnter(row)}
                >
                  <option value="">{t('sessions.record.chooseOwner')}</option>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
                <input
                  type="text"
                  aria-label={t('sessions.record.action', { n: i + 1 })}
                  placeholder={t('sessions.record.actionPlaceholder')}
                  value={row.action}
                  maxLength={2000}
                  onChange={(e) => set(row.id, { action: e.target.value })}
                  onKeyDown={onEnter(row)}
                />
                <input
                  type="date"
                  aria-label={t('sessions.record.dueDate', { n: i + 1 })}
                  min={sessionDate}
                  value={row.dueDate}
                  onChange={(e) => set(row.id, { dueDate: e.target.value })}
                  onKeyDown={onEnter(row)}
                />
                {!isBlank(row) && (
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('sessions.record.removeCommitment', { n: i + 1 })}
                    onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                  >
                    ✕
                  </button>
                )}
              </div>
              {!isBlank(row) && (
                <div className="witnesses small" role="group" aria-label={t('sessions.record.witnesses')}>
                  <span className="muted">{t('sessions.record.witnesses')}:</span>
                  {members
                    .filter((m) => m.id !== row.ownerMemberId)
                    .map((m) => {
                      const on = witnesses.includes(m.id);
                      return (
                        <button
                          key={m.id}
                          type="button"
                          className="chip"
                          aria-pressed={on}
                          onClick={() =>
                            set(row.id, {
                              witnesses: on ? witnesses.filter((w) => w !== m.id) : [...witnesses, m.id],
                            })
                          }
                        >
                          {m.name}
                        </button>
                      );
                    })}
                </div>
              )}
              {problem && (
                <p className="problem small" role="alert">
                  {t(`sessions.problem.${problem}`)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
