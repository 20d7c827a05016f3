import { useCallback, useState, type FormEvent } from 'react';
import type { Recommendation } from '../../shared/contract/recommend.ts';
import { describeQuestion } from '../../shared/recommend/explain.ts';
import { costLabel, tagLabel } from '../../shared/labels.ts';
import { priorityTags, type CostLevel, type PriorityTag } from '../../shared/schema/enums.ts';
import { call, useOp } from '../api.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import '../recommend.css';
import { ClusterAdoptions } from './ClusterAdoptions.tsx';
import { RecommendationCard } from './RecommendationCard.tsx';
import { ErrorBox, Loading } from './Status.tsx';

const distances = [10, 25, 50, 100, 250] as const;
const costs: CostLevel[] = ['none', 'low', 'medium'];

export interface RecommendationsPanelProps {
  clusterId: string;
  /** A problem to ask about straight away (e.g. from a session's enquiry question). */
  initialProblem?: string;
  /** When preparing a session: "Shared at session" records this session. */
  sessionId?: string;
  limit?: number;
  /** When preparing a session: the practices already in the plan, and how to add one. */
  plan?: { practiceIds: readonly string[]; add: (item: Recommendation) => void };
}

/**
 * Practices that worked near a cluster for its problem: ask in free text (or let the
 * cluster's priorities and weakest indicators ask), filter, read why each is here, and
 * give feedback ("shared at session", "adopted by…", "not relevant") that feeds the
 * ranking. Adoptions of the cluster get their outcome recorded below the list.
 */
export function RecommendationsPanel({
  clusterId,
  initialProblem = '',
  sessionId,
  limit = 8,
  plan,
}: RecommendationsPanelProps) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState(initialProblem);
  const [problem, setProblem] = useState(initialProblem);
  const [tags, setTags] = useState<PriorityTag[]>([]);
  const [maxKm, setMaxKm] = useState<number | undefined>(undefined);
  const [maxCost, setMaxCost] = useState<CostLevel | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [version, setVersion] = useState(0);

  const list = useOp('recommend.list', {
    clusterId,
    limit,
    lang,
    ...(problem ? { problem } : {}),
    ...(tags.length ? { tags } : {}),
    ...(maxKm ? { maxDistanceKm: maxKm } : {}),
    ...(maxCost ? { maxCost } : {}),
  });
  const cluster = useOp('clusters.get', { id: clusterId });
  const schools = (cluster.data?.schools ?? []).map((s) => ({ id: s.id, name: s.name }));
  const { reload } = list;

  const changed = useCallback(
    (m: string) => {
      setMessage(m);
      setVersion((v) => v + 1);
      reload();
    },
    [reload],
  );

  function ask(e: FormEvent) {
    e.preventDefault();
    setProblem(draft.trim());
  }

  const toggle = (tag: PriorityTag) =>
    setTags(tags.includes(tag) ? tags.filter((x) => x !== tag) : [...tags, tag]);
  const result = list.data;

  return (
    <section className="card rec-panel" aria-labelledby="rec-title" data-testid="recommendations">
      <h2 id="rec-title">{t('recommend.title')}</h2>
      <p className="muted small">{t('recommend.intro')}</p>
      <form className="searchbar" onSubmit={ask} role="search">
        <label className="visually-hidden" htmlFor="rec-problem">
          {t('recommend.problem')}
        </label>
        <input
          id="rec-problem"
          type="search"
          value={draft}
          placeholder={t('recommend.problem')}
          title={t('recommend.problemHint')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button primary">
          {t('recommend.ask')}
        </button>
        {problem && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft('');
              setProblem('');
            }}
          >
            {t('recommend.clear')}
          </button>
        )}
      </form>

      <div className="filters" aria-label={t('recommend.filters')}>
        <fieldset>
          <legend>{t('recommend.priorities')}</legend>
          <div className="chips">
            {priorityTags.map((tag) => (
              <button
                key={tag}
                type="button"
                className="chip"
                aria-pressed={tags.includes(tag)}
                onClick={() => toggle(tag)}
              >
                {tagLabel(lang, tag)}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="field">
          {t('recommend.distance')}
          <select
            value={maxKm ?? ''}
            onChange={(e) => setMaxKm(e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">{t('recommend.distanceAny')}</option>
            {distances.map((km) => (
              <option key={km} value={km}>
                {t('common.km', { n: km })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('recommend.cost')}
          <select
            value={maxCost ?? ''}
            onChange={(e) => setMaxCost((e.target.value || undefined) as CostLevel | undefined)}
          >
            <option value="">{t('recommend.costAny')}</option>
            {costs.map((c) => (
              <option key={c} value={c}>
                {costLabel(lang, c)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <p className="rec-status" role="status">
        {message}
      </p>
      {list.error && <ErrorBox error={list.error} onRetry={reload} />}
      {!result && !list.error && <Loading />}
      {result && (
        <>
          <div className="rec-question" data-testid="rec-question">
            <strong>{t('recommend.question')}:</strong>
            <ul>
              {describeQuestion(result.question, lang).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
          <p className="muted small">
            {t('recommend.considered', { n: result.considered })}{' '}
            {result.excludedWorse > 0 && t('recommend.excluded', { n: result.excludedWorse })}
          </p>
          {result.results.length === 0 ? (
            <p className="notice">{t('recommend.none')}</p>
          ) : (
            <ol className="rec-list" aria-busy={list.loading}>
              {result.results.map((item, i) => (
                <RecommendationCard
                  key={item.practiceId}
                  item={item}
                  rank={i + 1}
                  clusterId={clusterId}
                  sessionId={sessionId}
                  schools={schools}
                  onChanged={changed}
                  plan={plan && { has: plan.practiceIds.includes(item.practiceId), add: plan.add }}
                />
              ))}
            </ol>
          )}
        </>
      )}
      {result && result.markedNotRelevant.length > 0 && (
        <details className="rec-hidden">
          <summary>{t('recommend.hiddenCount', { n: result.markedNotRelevant.length })}</summary>
          <ul className="list-plain">
            {result.markedNotRelevant.map((m) => (
              <li key={m.feedbackId}>
                {m.title} <span className="muted small">{formatDate(lang, m.on)}</span>{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void call('recommend.undoFeedback', { id: m.feedbackId }).then(
                      () => changed(t('recommend.savedUndo')),
                      (e: unknown) => setMessage(String((e as Error).message)),
                    )
                  }
                >
                  {t('recommend.undo')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <ClusterAdoptions clusterId={clusterId} version={version} onSaved={changed} />
    </section>
  );
}
