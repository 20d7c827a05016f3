import { useEffect, useState } from 'react';
import type { PracticeCard, PracticeDetail } from '../../shared/contract/practices.ts';
import { samePractice } from '../../shared/practices/samePractice.ts';
import { call } from '../api.ts';
import { refusalOf } from '../components/editing/problems.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * Merging another write-up of the same practice into this one. The coach finds it (the
 * title is searched first; write-ups that look like the same practice come first), reads
 * what will move, and confirms: merging removes the other write-up, so it asks first.
 */
export function MergePanel({
  practice,
  onMerged,
  onCancel,
}: {
  practice: PracticeDetail;
  onMerged: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState(practice.title);
  const [found, setFound] = useState<(PracticeCard & { alike: boolean })[] | null>(null);
  const [chosen, setChosen] = useState<PracticeCard | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const find = async (): Promise<void> => {
    const r = await call('practices.search', { query, lang, limit: 12 });
    const me = {
      title: practice.title,
      summary: practice.summary,
      problem: practice.problem,
      language: practice.language,
    };
    setFound(
      r.results
        .filter((p) => p.id !== practice.id)
        .map((p) => ({
          ...p,
          alike: samePractice(me, { title: p.title, summary: p.summary, language: p.language }),
        }))
        .sort((a, b) => Number(b.alike) - Number(a.alike)),
    );
  };
  // The title is searched as soon as the panel opens: the likely duplicates are listed at once.
  useEffect(() => {
    void find();
  }, []);
  const merge = async (other: PracticeCard): Promise<void> => {
    setBusy(true);
    setRefused(null);
    try {
      const r = await call('practices.merge', { keepId: practice.id, mergeId: other.id });
      onMerged(t('mg.done', { evidence: r.evidence, adoptions: r.adoptions }));
    } catch (e) {
      setRefused(refusalOf(e).message);
      setBusy(false);
    }
  };

  return (
    <section className="card practice-form" aria-labelledby="merge-heading" data-testid="merge-panel">
      <h2 id="merge-heading">{t('mg.title')}</h2>
      <p className="muted small">{t('mg.hint')}</p>
      {chosen ? (
        <div role="alertdialog" aria-labelledby="merge-confirm" className="merge-confirm">
          <p id="merge-confirm">
            {t('mg.confirm', {
              other: chosen.title,
              title: practice.title,
              evidence: chosen.evidence,
              adoptions: chosen.adoptions,
            })}
          </p>
          {refused && (
            <p className="field-message" role="alert">
              {refused}
            </p>
          )}
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => void merge(chosen)}
            >
              {t('mg.yes')}
            </button>
            <button type="button" className="button" onClick={() => setChosen(null)}>
              {t('mg.back')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <form
            className="searchbar small-search"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              void find();
            }}
          >
            <input
              type="search"
              aria-label={t('mg.search')}
              placeholder={t('mg.search')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
            <button type="submit" className="button">
              {t('mg.find')}
            </button>
          </form>
          {found && found.length === 0 && <p className="muted small">{t('mg.none')}</p>}
          {found && found.length > 0 && (
            <ul className="list-plain merge-candidates">
              {found.map((p) => (
                <li key={p.id} className="row-between">
                  <div>
                    <strong>{p.title}</strong>
                    {p.alike && <span className="chip ok">{t('mg.alike')}</span>}
                    <div className="muted small">
                      {p.originPlace && t('practices.from', { place: p.originPlace })} ·{' '}
                      {t('ev.count', { n: p.evidence })} · {t('ad.count', { n: p.adoptions })}
                    </div>
                  </div>
                  <button
                    type="button"
                    className="button"
                    aria-label={`${t('mg.choose')}: ${p.title}`}
                    onClick={() => setChosen(p)}
                  >
                    {t('mg.choose')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={onCancel}>
              {t('pw.cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
