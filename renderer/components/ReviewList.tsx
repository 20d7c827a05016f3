import { useRef, type KeyboardEvent } from 'react';
import type { ToReview } from '../../shared/contract/sessions.ts';
import { commitmentLabel } from '../../shared/labels.ts';
import { reviewOutcomes, type ReviewOutcome } from '../../shared/schema/enums.ts';
import type { RecordDraft } from '../../shared/sessions/record.ts';
import type { ReviewProblem } from '../../shared/sessions/rules.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';

type Reviews = RecordDraft['reviews'];
const KEYS: Record<string, ReviewOutcome> = { '1': 'done', '2': 'partly', '3': 'not_done', '4': 'dropped' };

interface Props {
  commitments: ToReview[];
  value: Reviews;
  onChange: (next: Reviews) => void;
  problems: Map<string, ReviewProblem>;
}

/**
 * Holding members to what they agreed: each commitment, overdue first, gets done / partly /
 * not done / dropped (keys 1–4 on its row, 0 to clear) and a note; a dropped one needs a
 * reason, and an unfinished one can be carried forward to a new date.
 */
export function ReviewList({ commitments, value, onChange, problems }: Props) {
  const { t, lang } = useI18n();
  const rows = useRef<(HTMLLIElement | null)[]>([]);
  const set = (id: string, patch: Partial<Reviews[string]>): void => {
    const current = value[id] ?? { outcome: null, note: '', newDueDate: '' };
    onChange({ ...value, [id]: { ...current, ...patch } });
  };
  const onKeyDown = (i: number, id: string) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const outcome = KEYS[e.key];
    if (outcome) {
      e.preventDefault();
      set(id, { outcome, ...(outcome === 'done' || outcome === 'dropped' ? { newDueDate: '' } : {}) });
      if (outcome === 'dropped')
        rows.current[i]?.querySelector<HTMLInputElement>('input[data-field="note"]')?.focus();
    } else if (e.key === '0' || e.key === 'Backspace') {
      e.preventDefault();
      set(id, { outcome: null });
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rows.current[i + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  };

  if (commitments.length === 0) return <p className="muted">{t('sessions.record.nothingToReview')}</p>;
  return (
    <>
      <p className="muted small" id="review-keys">
        {t('sessions.record.reviewKeys')}
      </p>
      <ol className="review-list" aria-describedby="review-keys">
        {commitments.map((c, i) => {
          const r = value[c.id];
          const problem = problems.get(c.id);
          const unfinished = r?.outcome === 'partly' || r?.outcome === 'not_done';
          return (
            <li
              key={c.id}
              ref={(el) => {
                rows.current[i] = el;
              }}
              tabIndex={0}
              className={`review-row ${r?.outcome ?? 'unreviewed'}`}
              data-testid="review-row"
              aria-label={`${c.ownerName}: ${c.action}. ${r?.outcome ? commitmentLabel(lang, r.outcome) : t('sessions.record.notReviewed')}`}
              onKeyDown={onKeyDown(i, c.id)}
            >
              <div className="review-what">
                <b>{c.ownerName}</b> — {c.action}
                <div className="small">
                  <span className={c.overdue ? 'overdue' : 'muted'}>
                    {c.overdue ? `${t('sessions.overdue')}, ` : ''}
                    {t('sessions.due', { date: formatDate(lang, c.dueDate) })}
                  </span>
                  {c.status === 'partly' && (
                    <span className="chip warn">{commitmentLabel(lang, 'partly')}</span>
                  )}
                </div>
              </div>
              <div className="review-outcomes" role="group" aria-label={t('sessions.record.outcome')}>
                {reviewOutcomes.map((o, k) => (
                  <button
                    key={o}
                    type="button"
                    tabIndex={-1}
                    className={`chip outcome-${o}`}
                    aria-pressed={r?.outcome === o}
                    title={`${k + 1}`}
                    onClick={() => set(c.id, { outcome: r?.outcome === o ? null : o })}
                  >
                    {commitmentLabel(lang, o)}
                  </button>
                ))}
              </div>
              <div className="review-inputs">
                <input
                  type="text"
                  data-field="note"
                  aria-label={t('sessions.record.noteFor', { action: c.action })}
                  placeholder={
                    r?.outcome === 'dropped'
                      ? t('sessions.record.reasonPlaceholder')
                      : t('sessions.record.notePlaceholder')
                  }
                  value={r?.note ?? ''}
                  maxLength={2000}
                  aria-invalid={problem === 'reason_required'}
                  onChange={(e) => set(c.id, { note: e.target.value })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      (rows.current[i + 1] ?? rows.current[i])?.focus();
                    }
                  }}
                />
                {unfinished && (
                  <label className="small carry">
                    {t('sessions.record.carryForward')}
                    <input
                      type="date"
                      data-field="newDue"
                      value={r?.newDueDate ?? ''}
                      onChange={(e) => set(c.id, { newDueDate: e.target.value })}
                    />
                  </label>
                )}
              </div>
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
