import { useState } from 'react';
import type { Recommendation } from '../../shared/contract/recommend.ts';
import { explain } from '../../shared/recommend/explain.ts';
import { costLabel, tagLabel } from '../../shared/labels.ts';
import { ApiError, call } from '../api.ts';
import { formatDate } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

export interface CardProps {
  item: Recommendation;
  rank: number;
  clusterId: string;
  sessionId: string | undefined;
  schools: { id: string; name: string }[];
  /** Called after any feedback was saved, with a message for the coach. */
  onChanged: (message: string) => void;
  /** When preparing a session: puts the practice in the plan's practice spotlight. */
  plan?: { has: boolean; add: (item: Recommendation) => void } | undefined;
}

const parts: [keyof Recommendation['parts'], MessageKey][] = [
  ['fit', 'recommend.part.fit'],
  ['evidence', 'recommend.part.evidence'],
  ['nearness', 'recommend.part.nearness'],
  ['context', 'recommend.part.context'],
  ['recency', 'recommend.part.recency'],
];

const pct = (n: number) => Math.round(n * 100);

/** One ranked practice: why it is here, and the coach's feedback on it. */
export function RecommendationCard({
  item,
  rank,
  clusterId,
  sessionId,
  schools,
  onChanged,
  plan,
}: CardProps) {
  const { t, lang } = useI18n();
  const [adopting, setAdopting] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fb = item.feedback;
  const firstFree = schools.find((s) => !fb.adoptedBy.includes(s.id))?.id;

  async function act(work: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await work();
      onChanged(message);
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const feedback = (kind: 'shared' | 'not_relevant') =>
    act(
      () => call('recommend.feedback', { clusterId, practiceId: item.practiceId, kind, sessionId }),
      t(kind === 'shared' ? 'recommend.savedShared' : 'recommend.savedNotRelevant', { title: item.title }),
    );

  async function adopt() {
    if (chosen.length === 0) {
      setError(t('recommend.chooseSchool'));
      return;
    }
    const done = await act(
      () => call('recommend.adopt', { clusterId, practiceId: item.practiceId, schoolIds: chosen }),
      t('recommend.savedAdopted', { title: item.title, n: chosen.length }),
    );
    if (done) {
      setAdopting(false);
      setChosen([]);
    }
  }

  const headingId = `rec-${item.practiceId}`;
  return (
    <li className={`rec-card${fb.notRelevant ? ' rec-dimmed' : ''}`} aria-labelledby={headingId}>
      <div className="rec-head">
        <h3 id={headingId}>
          <span className="rec-rank">{rank}.</span>{' '}
          <a href={`#/practices/${item.practiceId}`} title={t('recommend.open')}>
            {item.title}
          </a>
        </h3>
        <span className="rec-score" title={t('recommend.parts')}>
          {t('recommend.score', { n: pct(item.score) })}
        </span>
      </div>
      <div className="chips">
        {item.fromThisCluster && <span className="chip ok">{t('recommend.fromHere')}</span>}
        {item.tags.map((tag) => (
          <span key={tag} className="chip plain">
            {tagLabel(lang, tag)}
          </span>
        ))}
        <span className="chip plain">{costLabel(lang, item.cost)}</span>
      </div>
      {item.summary && <p className="rec-summary">{item.summary}</p>}
      <ul className="rec-why" data-testid="rec-why">
        {explain(item.reasons, lang).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {item.alsoTriedIn.length > 0 && (
        <p className="rec-also" data-testid="rec-also">
          {t('recommend.alsoWriteUps')}{' '}
          {item.alsoTriedIn.map((o, i) => (
            <span key={o.practiceId}>
              {i > 0 && ', '}
              <a href={`#/practices/${o.practiceId}`}>
                {o.km === null ? o.place : t('recommend.alsoPlace', { place: o.place, km: o.km })}
              </a>
            </span>
          ))}
        </p>
      )}
      <details className="rec-parts">
        <summary>{t('recommend.parts')}</summary>
        <dl>
          {parts.map(([key, label]) => (
            <div key={key}>
              <dt>{t(label)}</dt>
              <dd>
                <span className="rec-track" aria-hidden="true">
                  <span className="rec-bar" style={{ width: `${pct(item.parts[key])}%` }} />
                </span>
                {pct(item.parts[key])}%
              </dd>
            </div>
          ))}
          {item.factor !== 1 && (
            <div>
              <dt>{t('recommend.part.factor')}</dt>
              <dd>×{item.factor.toFixed(2)}</dd>
            </div>
          )}
        </dl>
      </details>

      <div className="rec-actions">
        {plan &&
          (plan.has ? (
            <span className="chip ok">{t('recommend.inPlan')}</span>
          ) : (
            <button
              type="button"
              className="button primary"
              onClick={() => {
                plan.add(item);
                onChanged(t('recommend.addedToPlan', { title: item.title }));
              }}
            >
              {t('recommend.addToPlan')}
            </button>
          ))}
        {fb.sharedOn ? (
          <span className="chip ok">{t('recommend.sharedOn', { date: formatDate(lang, fb.sharedOn) })}</span>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => void feedback('shared')}>
            {t('recommend.shared')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={busy || schools.length === 0}
          aria-expanded={adopting}
          onClick={() => {
            setAdopting(!adopting);
            setError(null);
          }}
        >
          {t('recommend.adopted')}
        </button>
        {fb.notRelevant && fb.notRelevantId ? (
          <>
            <span className="chip warn">{t('recommend.markedNotRelevant')}</span>
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() =>
                void act(
                  () => call('recommend.undoFeedback', { id: fb.notRelevantId! }),
                  t('recommend.savedUndo'),
                )
              }
            >
              {t('recommend.undo')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void feedback('not_relevant')}
          >
            {t('recommend.notRelevant')}
          </button>
        )}
      </div>

      {adopting && (
        <fieldset className="rec-adopt">
          <legend>{t('recommend.adoptWhich', { title: item.title })}</legend>
          {schools.map((s) => (
            <label key={s.id}>
              <input
                type="checkbox"
                autoFocus={s.id === firstFree}
                disabled={fb.adoptedBy.includes(s.id)}
                checked={chosen.includes(s.id) || fb.adoptedBy.includes(s.id)}
                onChange={(e) =>
                  setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((id) => id !== s.id))
                }
              />{' '}
              {s.name}
              {fb.adoptedBy.includes(s.id) && (
                <span className="muted small"> — {t('recommend.alreadyAdopted')}</span>
              )}
            </label>
          ))}
          <div className="rec-actions">
            <button type="button" className="button primary" disabled={busy} onClick={() => void adopt()}>
              {t('recommend.adoptConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setAdopting(false)}>
              {t('recommend.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {error && (
        <p className="error-box small" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
