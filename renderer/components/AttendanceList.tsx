import { useRef, useState, type KeyboardEvent } from 'react';
import type { SessionDetail } from '../../shared/contract/sessions.ts';
import { attendanceLabel, roleLabel } from '../../shared/labels.ts';
import { attendanceStatuses, type AttendanceStatus } from '../../shared/schema/enums.ts';
import { useI18n } from '../i18n/index.tsx';

/** Keys that mark attendance from the keyboard: numbers work in every language. */
const KEYS: Record<string, AttendanceStatus> = {
  '1': 'present',
  p: 'present',
  '2': 'apologies',
  a: 'apologies',
  '3': 'absent',
  x: 'absent',
};

interface Props {
  members: SessionDetail['members'];
  value: Record<string, AttendanceStatus>;
  onChange: (next: Record<string, AttendanceStatus>) => void;
  /** Peer-review visits list their reviewers here. */
  heading: string;
}

/**
 * Who came. One tab stop for the whole list: ↑/↓ move between members, 1/P, 2/A, 3/X mark
 * present, apologies or absent and move on to the next member, so a register of fifteen
 * takes fifteen key presses.
 */
export function AttendanceList({ members, value, onChange, heading }: Props) {
  const { t, lang } = useI18n();
  const [active, setActive] = useState(0);
  const rows = useRef<(HTMLDivElement | null)[]>([]);
  const focusRow = (i: number): void => {
    const next = Math.max(0, Math.min(members.length - 1, i));
    setActive(next);
    rows.current[next]?.focus();
  };
  const mark = (memberId: string, status: AttendanceStatus): void =>
    onChange({ ...value, [memberId]: status });
  const onKeyDown = (i: number, memberId: string) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const status = KEYS[e.key.toLowerCase()];
    if (status) {
      e.preventDefault();
      mark(memberId, status);
      focusRow(i + 1);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(i + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      focusRow(e.key === 'Home' ? 0 : members.length - 1);
    }
  };
  const counts = attendanceStatuses.map((s) => Object.values(value).filter((v) => v === s).length);
  const unmarked = members.filter((m) => !value[m.id]);

  return (
    <section className="card" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">
        {heading}
        <span className="muted small" data-testid="attendance-counts">
          {t('sessions.record.attendanceCounts', {
            present: counts[0]!,
            apologies: counts[1]!,
            absent: counts[2]!,
          })}
        </span>
      </h2>
      <p className="muted small" id="attendance-keys">
        {t('sessions.record.attendanceKeys')}
      </p>
      <div className="attendance-list" role="list" aria-describedby="attendance-keys">
        {members.map((m, i) => {
          const status = value[m.id];
          return (
            <div
              key={m.id}
              role="listitem"
              ref={(el) => {
                rows.current[i] = el;
              }}
              className={`att-row ${status ?? 'unmarked'}`}
              tabIndex={i === active ? 0 : -1}
              aria-label={`${m.name}: ${status ? attendanceLabel(lang, status) : t('sessions.record.notMarked')}`}
              data-testid="attendance-row"
              onFocus={() => setActive(i)}
              onKeyDown={onKeyDown(i, m.id)}
            >
              <span className="att-name">
                {m.name}
                <span className="muted small">
                  {' '}
                  — {roleLabel(lang, m.role)}
                  {m.schoolName && `, ${m.schoolName}`}
                </span>
              </span>
              <span className="att-choices">
                {attendanceStatuses.map((s) => (
                  <button
                    key={s}
                    type="button"
                    tabIndex={-1}
                    className={`chip ${s}`}
                    aria-pressed={status === s}
                    onClick={() => mark(m.id, s)}
                  >
                    {attendanceLabel(lang, s)}
                  </button>
                ))}
              </span>
            </div>
          );
        })}
      </div>
      {unmarked.length > 0 && (
        <button
          type="button"
          className="button small-button"
          onClick={() =>
            onChange({ ...value, ...Object.fromEntries(unmarked.map((m) => [m.id, 'present'])) })
          }
        >
          {t('sessions.record.markRestPresent', { n: unmarked.length })}
        </button>
      )}
    </section>
  );
}
