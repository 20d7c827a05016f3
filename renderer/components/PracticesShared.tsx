import { useState } from 'react';
import type { RecordDraft } from '../../shared/sessions/record.ts';
import { call } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

type Picked = Pick<RecordDraft, 'practicesShared' | 'adoptions' | 'practiceTitles'>;

interface Props {
  /** The practices the plan put forward (the practice spotlight), offered first. */
  suggested: { id: string; title: string }[];
  schools: { id: string; name: string }[];
  value: Picked;
  onChange: (next: Picked) => void;
}

/**
 * Practices shared at the meeting and, for each, the schools (or the whole cluster) that
 * agreed to adopt it. The plan's suggestions come first; any other practice can be found.
 */
export function PracticesShared({ suggested, schools, value, onChange }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<{ id: string; title: string }[] | null>(null);
  const shared = new Set(value.practicesShared);
  const options = [
    ...suggested,
    ...value.practicesShared
      .filter((id) => !suggested.some((s) => s.id === id))
      .map((id) => ({ id, title: value.practiceTitles[id] ?? id })),
  ];

  const toggleShared = (p: { id: string; title: string }): void => {
    const on = shared.has(p.id);
    onChange({
      practicesShared: on
        ? value.practicesShared.filter((x) => x !== p.id)
        : [...value.practicesShared, p.id],
      adoptions: on ? value.adoptions.filter((a) => a.practiceId !== p.id) : value.adoptions,
      practiceTitles: { ...value.practiceTitles, [p.id]: p.title },
    });
  };
  const adopted = (practiceId: string, schoolId: string | null): boolean =>
    value.adoptions.some((a) => a.practiceId === practiceId && a.schoolId === schoolId);
  const toggleAdoption = (practiceId: string, schoolId: string | null): void =>
    onChange({
      ...value,
      adoptions: adopted(practiceId, schoolId)
        ? value.adoptions.filter((a) => !(a.practiceId === practiceId && a.schoolId === schoolId))
        : [...value.adoptions, { practiceId, schoolId }],
    });
  const search = async (): Promise<void> => {
    if (!query.trim()) return setFound(null);
    const r = await call('practices.search', { query, limit: 6 });
    setFound(r.results.map((p) => ({ id: p.id, title: p.title })));
  };

  return (
    <div className="practices-shared">
      {options.length === 0 && <p className="muted small">{t('sessions.record.noSuggested')}</p>}
      <ul className="list-plain">
        {options.map((p) => (
          <li key={p.id}>
            <label className="check">
              <input type="checkbox" checked={shared.has(p.id)} onChange={() => toggleShared(p)} />
              {p.title}
            </label>
            {shared.has(p.id) && (
              <div
                className="chips adoption-chips"
                role="group"
                aria-label={t('sessions.record.adoptedBy', { title: p.title })}
              >
                <span className="muted small">{t('sessions.record.adoptedByShort')}</span>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={adopted(p.id, null)}
                  onClick={() => toggleAdoption(p.id, null)}
                >
                  {t('sessions.record.wholeCluster')}
                </button>
                {schools.map((s) => (
                  <button
                    key={s.id}
                    type="button"
                    className="chip"
                    aria-pressed={adopted(p.id, s.id)}
                    onClick={() => toggleAdoption(p.id, s.id)}
                  >
                    {s.name}
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      <form
        className="searchbar small-search"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <input
          type="search"
          aria-label={t('sessions.record.findPractice')}
          placeholder={t('sessions.record.findPractice')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="submit" className="button">
          {t('sessions.record.find')}
        </button>
      </form>
      {found && (
        <ul className="list-plain small">
          {found.length === 0 && <li className="muted">{t('sessions.record.noneFound')}</li>}
          {found
            .filter((p) => !options.some((o) => o.id === p.id))
            .map((p) => (
              <li key={p.id} className="row-between">
                <span>{p.title}</span>
                <button type="button" className="link-button" onClick={() => toggleShared(p)}>
                  {t('sessions.record.addShared')}
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
