import { useEffect, useState } from 'react';
import {
  costLevels,
  priorityTags,
  schoolSettings,
  type CostLevel,
  type PriorityTag,
  type SchoolSetting,
} from '../../shared/schema/enums.ts';
import { costLabel, settingLabel, tagLabel } from '../../shared/labels.ts';
import { useOp } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { PracticeResults } from '../components/PracticeResults.tsx';
import { formatNumber } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { hashQuery } from '../router.ts';

const PAGE = 30;

const toggle = <T,>(list: T[], value: T): T[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/** The practice library: search by words, filter by priority, cost and setting. */
export function PracticesScreen() {
  const { t, lang } = useI18n();
  const [text, setText] = useState(() => hashQuery().get('q') ?? '');
  const [query, setQuery] = useState(text);
  const [tags, setTags] = useState<PriorityTag[]>([]);
  const [cost, setCost] = useState<CostLevel[]>([]);
  const [setting, setSetting] = useState<SchoolSetting | ''>('');
  const [withEvidence, setWithEvidence] = useState(false);
  const [limit, setLimit] = useState(PAGE);

  // Search as the coach types, but not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text), 200);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => setLimit(PAGE), [query, tags, cost, setting, withEvidence]);

  const search = useOp('practices.search', {
    query,
    lang,
    tags,
    cost,
    ...(setting ? { setting } : {}),
    withEvidence,
    limit,
  });
  const data = search.data;

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('practices.title')}</h1>
          <p className="muted">{t('practices.subtitle')}</p>
        </div>
        <a className="button primary" href="#/practices/new">
          {t('pw.new')}
        </a>
      </div>
      <form className="searchbar" role="search" onSubmit={(e) => (e.preventDefault(), setQuery(text))}>
        <input
          type="search"
          aria-label={t('practices.search')}
          placeholder={t('practices.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="practice-search"
        />
        <button className="button primary" type="submit">
          {t('practices.search')}
        </button>
      </form>
      <div className="filters">
        <fieldset>
          <legend>{t('practices.tags')}</legend>
          <div className="chips">
            {priorityTags.map((tag) => {
              const count = data?.tagCounts.find((c) => c.tag === tag)?.count;
              return (
                <button
                  key={tag}
                  type="button"
                  className="chip"
                  aria-pressed={tags.includes(tag)}
                  onClick={() => setTags(toggle(tags, tag))}
                >
                  {tagLabel(lang, tag)}
                  {count !== undefined && ` · ${count}`}
                </button>
              );
            })}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('practices.cost')}</legend>
          <div className="chips">
            {costLevels.map((c) => (
              <button
                key={c}
                type="button"
                className="chip"
                aria-pressed={cost.includes(c)}
                onClick={() => setCost(toggle(cost, c))}
              >
                {costLabel(lang, c)}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="field">
          {t('practices.setting')}
          <select value={setting} onChange={(e) => setSetting(e.target.value as SchoolSetting | '')}>
            <option value="">{t('practices.anySetting')}</option>
            {schoolSettings.map((s) => (
              <option key={s} value={s}>
                {settingLabel(lang, s)}
              </option>
            ))}
          </select>
        </label>
        <label
          className="field"
          style={{ flexDirection: 'row', alignItems: 'center', gap: '0.4rem', marginTop: '1.3rem' }}
        >
          <input type="checkbox" checked={withEvidence} onChange={(e) => setWithEvidence(e.target.checked)} />
          {t('practices.withEvidence')}
        </label>
      </div>

      {search.error && <ErrorBox error={search.error} onRetry={search.reload} />}
      {!data && !search.error && <Loading />}
      {data && (
        <>
          <p className="muted" role="status" data-testid="practice-count">
            {t('practices.count', { n: formatNumber(lang, data.total) })}
          </p>
          {data.corrected.length > 0 && (
            <p className="muted" data-testid="corrected-words">
              {t('practices.corrected', { words: data.corrected.map((c) => c.to).join(', ') })}
            </p>
          )}
          {data.unknownWords.length > 0 && (
            <p className="muted" data-testid="unknown-words">
              {t('practices.unknownWords', { words: data.unknownWords.join(', ') })}
            </p>
          )}
          {data.anyOfWords && (
            <p className="muted" data-testid="any-of-words">
              {data.allWords
                ? t('practices.someWords', { n: data.allWords, words: data.anyOfWords.join(', ') })
                : t('practices.anyOfWords', { words: data.anyOfWords.join(', ') })}
            </p>
          )}
          {data.relatedTags && (
            <p className="muted" data-testid="related-tags">
              {t('practices.relatedTags', {
                tags: data.relatedTags.map((tag) => tagLabel(lang, tag)).join(', '),
              })}
            </p>
          )}
          {data.total === 0 && <p>{t('practices.none')}</p>}
          <PracticeResults results={data.results} />
          {data.more && (
            <p style={{ marginTop: '1rem' }}>
              <button className="button" onClick={() => setLimit(limit + PAGE)}>
                {t('practices.more')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
