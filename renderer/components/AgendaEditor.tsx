import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { moveItem, totalMinutes, type AgendaItem } from '../../shared/sessions/agenda.ts';
import { agendaMinutes, senseText } from '../../shared/sessions/sense.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { SpotlightChart } from './SpotlightChart.tsx';

interface Props {
  items: AgendaItem[];
  onChange: (items: AgendaItem[]) => void;
  clusterName: string;
  schools: { id: string; name: string }[];
  /** Told how many items have minutes that cannot be kept (the plan is not saved meanwhile). */
  onProblems?: (errors: number) => void;
}

/**
 * The draft agenda, editable: titles, minutes and notes of every item, the peer-review
 * slot's host and question, the practices to share. Items move with their ↑/↓ buttons or
 * Alt+↑/↓ from anywhere inside the item; focus follows the moved item.
 */
export function AgendaEditor({ items, onChange, clusterName, schools, onProblems }: Props) {
  const { t, lang } = useI18n();
  // Minutes as typed, while they differ from the stored number: "99999" stays on screen
  // with its message, and the plan keeps its last good value.
  const [typed, setTyped] = useState<Record<string, string>>({});
  const errors = items.filter(
    (i) => typed[i.id] !== undefined && agendaMinutes(typed[i.id]!).minutes === null,
  ).length;
  useEffect(() => onProblems?.(errors), [errors, onProblems]);
  const list = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ id: string; field: string } | null>(null);

  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    refocus.current = null;
    const el = list.current?.querySelector<HTMLElement>(
      `[data-item="${CSS.escape(target.id)}"] [data-field="${CSS.escape(target.field)}"]`,
    );
    el?.focus();
  });

  const update = (id: string, patch: Partial<AgendaItem>): void =>
    onChange(items.map((i) => (i.id === id ? ({ ...i, ...patch } as AgendaItem) : i)));
  const move = (index: number, delta: number, field: string): void => {
    const item = items[index];
    if (!item) return;
    refocus.current = { id: item.id, field };
    onChange(moveItem(items, index, delta));
  };
  const remove = (index: number): void => {
    const next = items[index + 1] ?? items[index - 1];
    if (next) refocus.current = { id: next.id, field: 'title' };
    onChange(items.filter((_, i) => i !== index));
  };
  const add = (): void => {
    const id = `free-${crypto.randomUUID().slice(0, 8)}`;
    refocus.current = { id, field: 'title' };
    onChange([...items, { id, kind: 'free', title: '', minutes: 10, notes: '' }]);
  };
  const onKeyDown = (index: number) => (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const field = (e.target as HTMLElement).dataset.field ?? 'title';
    move(index, e.key === 'ArrowUp' ? -1 : 1, field);
  };

  return (
    <div className="agenda-editor">
      <p className="muted small" id="agenda-help">
        {t('sessions.plan.reorderHelp')}
      </p>
      <ol className="agenda-list" ref={list} aria-describedby="agenda-help" data-testid="agenda">
        {items.map((item, i) => {
          const note = agendaMinutes(typed[item.id] ?? String(item.minutes)).note;
          return (
            <li
              key={item.id}
              className={`agenda-item kind-${item.kind}`}
              data-item={item.id}
              data-testid="agenda-item"
              onKeyDown={onKeyDown(i)}
            >
              <div className="agenda-item-head">
                <span className="agenda-n" aria-hidden="true">
                  {i + 1}.
                </span>
                <input
                  type="text"
                  className="agenda-title"
                  data-field="title"
                  aria-label={t('sessions.plan.itemTitle', { n: i + 1 })}
                  placeholder={t('sessions.plan.itemTitlePlaceholder')}
                  value={item.title}
                  maxLength={300}
                  onChange={(e) => update(item.id, { title: e.target.value })}
                />
                <label className="agenda-minutes">
                  <input
                    type="text"
                    inputMode="numeric"
                    data-field="minutes"
                    aria-label={t('sense.itemMinutes', { n: i + 1 })}
                    aria-invalid={note?.severity === 'error' ? true : undefined}
                    aria-describedby={note ? `minutes-note-${item.id}` : undefined}
                    value={typed[item.id] ?? String(item.minutes)}
                    onChange={(e) => {
                      const text = e.target.value;
                      const { minutes } = agendaMinutes(text);
                      setTyped((m) => ({ ...m, [item.id]: text }));
                      if (minutes !== null && minutes !== item.minutes) update(item.id, { minutes });
                    }}
                  />
                  <span>{t('sessions.plan.min')}</span>
                </label>
                <span className="agenda-tools">
                  <button
                    type="button"
                    className="icon-button"
                    data-field="up"
                    aria-label={t('sessions.plan.moveUp', { title: item.title || String(i + 1) })}
                    disabled={i === 0}
                    onClick={() => move(i, -1, i - 1 === 0 ? 'down' : 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    data-field="down"
                    aria-label={t('sessions.plan.moveDown', { title: item.title || String(i + 1) })}
                    disabled={i === items.length - 1}
                    onClick={() => move(i, 1, i + 1 === items.length - 1 ? 'up' : 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    data-field="remove"
                    aria-label={t('sessions.plan.remove', { title: item.title || String(i + 1) })}
                    onClick={() => remove(i)}
                  >
                    ✕
                  </button>
                </span>
              </div>
              {note && (
                <p
                  id={`minutes-note-${item.id}`}
                  className={note.severity === 'error' ? 'problem small' : 'sense-warning small'}
                >
                  {senseText(note, lang)}
                </p>
              )}
              <ItemBody
                item={item}
                update={(p) => update(item.id, p)}
                clusterName={clusterName}
                schools={schools}
              />
              <textarea
                className="agenda-notes"
                data-field="notes"
                aria-label={t('sessions.plan.notes', { n: i + 1 })}
                placeholder={t('sessions.plan.notesPlaceholder')}
                value={item.notes}
                maxLength={5000}
                rows={item.notes ? 3 : 1}
                onChange={(e) => update(item.id, { notes: e.target.value })}
              />
            </li>
          );
        })}
      </ol>
      <div className="agenda-foot">
        <button type="button" className="button" onClick={add}>
          {t('sessions.plan.addItem')}
        </button>
        <span className="muted" data-testid="agenda-total">
          {t('sessions.plan.total', { n: totalMinutes(items) })}
        </span>
      </div>
    </div>
  );
}

function ItemBody({
  item,
  update,
  clusterName,
  schools,
}: {
  item: AgendaItem;
  update: (patch: Partial<AgendaItem>) => void;
  clusterName: string;
  schools: { id: string; name: string }[];
}) {
  const { t, lang } = useI18n();
  switch (item.kind) {
    case 'commitments_review':
      return (
        <ul className="list-plain small agenda-commitments">
          {item.commitments.map((c) => (
            <li key={c.id}>
              <b>{c.ownerName}</b> — {c.action}{' '}
              <span className={c.overdue ? 'overdue' : 'muted'}>
                ({c.overdue ? `${t('sessions.overdue')}, ` : ''}
                {t('sessions.due', { date: formatDate(lang, c.dueDate) })})
              </span>
            </li>
          ))}
        </ul>
      );
    case 'data_spotlight':
      return item.spotlight ? (
        <SpotlightChart spotlight={item.spotlight} clusterName={clusterName} />
      ) : (
        <p className="muted small">{t('sessions.spotlight.none')}</p>
      );
    case 'practice_spotlight':
      return (
        <div className="small">
          {item.problem && (
            <p>
              <b>{t('sessions.plan.problem')}:</b> {item.problem}
            </p>
          )}
          {item.practices.length === 0 && <p className="muted">{t('sessions.plan.noPractices')}</p>}
          <ul className="list-plain">
            {item.practices.map((p) => (
              <li key={p.id}>
                <div className="row-between">
                  <a href={`#/practices/${p.id}`}>{p.title}</a>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => update({ practices: item.practices.filter((x) => x.id !== p.id) })}
                  >
                    {t('sessions.plan.removePractice')}
                  </button>
                </div>
                <div>{p.summary}</div>
                {p.why.length > 0 && (
                  <ul className="why muted">
                    {p.why.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      );
    case 'peer_review':
      return (
        <div className="grid two small">
          <label className="field">
            {t('sessions.peer.host')}
            <select
              data-field="host"
              value={item.hostSchoolId ?? ''}
              onChange={(e) => {
                const school = schools.find((s) => s.id === e.target.value);
                update({ hostSchoolId: school?.id ?? null, hostSchoolName: school?.name ?? '' });
              }}
            >
              <option value="">{t('sessions.peer.noHost')}</option>
              {schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <span />
          <label className="field">
            {t('sessions.peer.question')}
            <textarea
              data-field="question"
              rows={2}
              value={item.enquiryQuestion}
              maxLength={2000}
              onChange={(e) => update({ enquiryQuestion: e.target.value })}
            />
          </label>
          <label className="field">
            {t('sessions.peer.evidenceToGather')}
            <textarea
              data-field="evidence"
              rows={2}
              value={item.evidenceToGather}
              maxLength={5000}
              onChange={(e) => update({ evidenceToGather: e.target.value })}
            />
          </label>
        </div>
      );
    case 'free':
      return null;
  }
}
