import { useCallback, useEffect, useState } from 'react';
import type { DraftKey, PlanDraft, SessionDetail } from '../../shared/contract/sessions.ts';
import { modeLabel } from '../../shared/labels.ts';
import { explain } from '../../shared/recommend/explain.ts';
import { spotlightPracticeIds, withSpotlightPractice } from '../../shared/sessions/agenda.ts';
import { agendaWords } from '../../shared/sessions/agendaText.ts';
import { planDate, senseText } from '../../shared/sessions/sense.ts';
import { sessionModes, type SessionKind } from '../../shared/schema/enums.ts';
import { todayIso } from '../../shared/today.ts';
import { call, useOp, type ApiError } from '../api.ts';
import { AgendaEditor } from '../components/AgendaEditor.tsx';
import { AutosaveStatus } from '../components/AutosaveStatus.tsx';
import { RecommendationsPanel } from '../components/RecommendationsPanel.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useAutosave } from '../components/useAutosave.ts';
import { DiscardDraftButton } from '../components/DiscardDraftButton.tsx';
import { useDraftDiscard } from '../components/useDraftDiscard.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import '../sessions.css';

/** Tomorrow: coaches prepare the evening before. */
function tomorrow(): string {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return todayIso(d);
}

function fromSession(s: SessionDetail): PlanDraft {
  const practice = s.agenda.items.find((i) => i.kind === 'practice_spotlight');
  return {
    id: s.id,
    clusterId: s.clusterId,
    kind: s.kind,
    mode: s.mode,
    date: s.date,
    place: s.place,
    title: s.title,
    items: s.agenda.items,
    problem: practice?.kind === 'practice_spotlight' ? practice.problem : '',
  };
}

/**
 * Prepare a session: a draft agenda built from the cluster's data (open commitments, a data
 * spotlight, practices that worked nearby, a peer-review slot) that the coach reorders and
 * edits. Edits are kept as a local draft until "Save plan".
 */
export function SessionPlanScreen(props: { clusterId: string; kind?: SessionKind } | { sessionId: string }) {
  const { t, lang } = useI18n();
  const sessionId = 'sessionId' in props ? props.sessionId : null;
  const existing = useOp('sessions.get', sessionId ? { id: sessionId } : null);
  const clusterId = 'clusterId' in props ? props.clusterId : (existing.data?.clusterId ?? null);
  const cluster = useOp('clusters.get', clusterId ? { id: clusterId } : null);
  const [plan, setPlan] = useState<PlanDraft | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [exploring, setExploring] = useState(false);
  const [minuteErrors, setMinuteErrors] = useState(0);

  const startKind = 'kind' in props ? (props.kind ?? 'meeting') : 'meeting';
  const key: DraftKey | null = clusterId
    ? { kind: 'plan', clusterId, sessionId, ...(sessionId ? {} : { sessionKind: startKind }) }
    : null;
  const keyJson = JSON.stringify(key);

  // Load once: a saved draft wins; otherwise the stored plan, or a freshly built one.
  useEffect(() => {
    if (!key || plan || (sessionId && !existing.data)) return;
    let live = true;
    void (async () => {
      try {
        const draft = await call('sessions.getDraft', key);
        if (!live) return;
        if (draft?.data.kind === 'plan') {
          setPlan(draft.data.plan);
          setRestoredAt(draft.savedAt);
        } else if (existing.data) {
          setPlan(fromSession(existing.data));
        } else {
          const built = await call('sessions.draftPlan', {
            clusterId: key.clusterId,
            date: tomorrow(),
            kind: startKind,
            lang,
          });
          if (live) setPlan(built);
        }
      } catch (e) {
        if (live) setError(e as Error);
      }
    })();
    return () => {
      live = false;
    };
    // Loading depends only on which draft this is and the stored session.
  }, [keyJson, existing.data]);

  const saveDraft = useCallback(
    (p: PlanDraft, { leaving }: { leaving: boolean }) =>
      call('sessions.saveDraft', { key: key!, data: { kind: 'plan', plan: p } }, { leaving }),
    [keyJson],
  );
  const autosave = useAutosave(plan, saveDraft);
  // Bumped when a discard or its undo replaces the plan: the agenda forgets minutes being typed.
  const [shown, setShown] = useState(0);
  const drafts = useDraftDiscard({
    draftKey: key,
    value: plan,
    wrap: (p: PlanDraft) => ({ kind: 'plan', plan: p }),
    autosave,
    restoredAt,
    fresh: async () =>
      existing.data
        ? fromSession(existing.data)
        : call('sessions.draftPlan', { clusterId: key!.clusterId, date: tomorrow(), kind: startKind, lang }),
    apply: (p) => {
      setPlan(p);
      setRestoredAt(null);
      setShown((n) => n + 1);
    },
  });

  const rebuild = async (): Promise<void> => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const built = await call('sessions.draftPlan', {
        clusterId: plan.clusterId,
        date: plan.date,
        kind: plan.kind,
        mode: plan.mode,
        problem: plan.problem,
        lang,
      });
      setPlan({ ...built, id: plan.id, place: plan.place });
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const save = async (): Promise<void> => {
    if (!plan || !key) return;
    const errors = minuteErrors + (planDate(plan.date, todayIso())?.severity === 'error' ? 1 : 0);
    if (errors > 0) {
      setError(new Error(t('sense.fixFirst', { n: errors })));
      document.querySelector<HTMLElement>('.session-plan [aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { problem: _problem, ...input } = plan;
      const { id } = await call('sessions.savePlan', input);
      autosave.markClean();
      await call('sessions.clearDraft', key);
      navigate(`/sessions/${id}`);
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  if (existing.error) return <ErrorBox error={existing.error} onRetry={existing.reload} />;
  if (cluster.error) return <ErrorBox error={cluster.error} onRetry={cluster.reload} />;
  if (!plan || !cluster.data) return error ? <ErrorBox error={error} /> : <Loading />;
  const set = (patch: Partial<PlanDraft>): void => setPlan({ ...plan, ...patch });
  const dateNote = planDate(plan.date, todayIso());

  return (
    <section className="session-plan">
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="#/sessions">{t('nav.sessions')}</a> ›{' '}
            <a href={`#/clusters/${cluster.data.id}`}>{cluster.data.name}</a>
          </p>
          <h1>{sessionId ? t('sessions.plan.editTitle') : t(`sessions.plan.title.${plan.kind}`)}</h1>
          <AutosaveStatus state={autosave.state} savedAt={autosave.savedAt} restoredAt={restoredAt} />
        </div>
        <div className="actions">
          {drafts.canDiscard && <DiscardDraftButton discard={drafts.discard} onError={setError} />}
          <button type="button" className="button primary" onClick={() => void save()} disabled={busy}>
            {t('sessions.plan.save')}
          </button>
        </div>
      </div>
      {error && <ErrorBox error={error} />}

      <div className="card plan-fields">
        <div className="field">
          <label className="field" htmlFor="plan-date">
            {t('sessions.field.date')}
          </label>
          <input
            id="plan-date"
            type="date"
            value={plan.date}
            required
            aria-invalid={dateNote?.severity === 'error' ? true : undefined}
            aria-describedby={dateNote ? 'plan-date-note' : undefined}
            onChange={(e) => set({ date: e.target.value })}
          />
          {dateNote && (
            <p
              id="plan-date-note"
              className={dateNote.severity === 'error' ? 'problem small' : 'sense-warning small'}
            >
              {senseText(dateNote, lang)}
            </p>
          )}
        </div>
        <fieldset className="field mode-choice">
          <legend>{t('sessions.field.mode')}</legend>
          <div className="chips">
            {sessionModes.map((m) => (
              <button
                key={m}
                type="button"
                className="chip"
                aria-pressed={plan.mode === m}
                onClick={() => set({ mode: m })}
              >
                {modeLabel(lang, m)}
              </button>
            ))}
          </div>
        </fieldset>
        <label className="field">
          {t('sessions.field.place')}
          <input
            type="text"
            value={plan.place}
            maxLength={200}
            onChange={(e) => set({ place: e.target.value })}
          />
        </label>
        <label className="field">
          {t('sessions.field.title')}
          <input
            type="text"
            value={plan.title}
            maxLength={300}
            onChange={(e) => set({ title: e.target.value })}
          />
        </label>
        <div className="field wide problem-row">
          {plan.kind === 'meeting' && (
            <label className="field">
              {t('sessions.plan.problemLabel')}
              <input
                type="text"
                value={plan.problem}
                maxLength={500}
                placeholder={t('sessions.plan.problemPlaceholder')}
                onChange={(e) => set({ problem: e.target.value })}
              />
            </label>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void rebuild()}
            disabled={busy}
            title={t('sessions.plan.rebuildHelp')}
          >
            {t('sessions.plan.rebuild')}
          </button>
        </div>
      </div>

      <div className="card">
        <h2>{t('sessions.agenda')}</h2>
        <AgendaEditor
          key={shown}
          items={plan.items}
          onChange={(items) => set({ items })}
          onProblems={setMinuteErrors}
          clusterName={cluster.data.name}
          schools={cluster.data.schools}
        />
      </div>

      {plan.kind === 'meeting' && (
        <details className="more-recommendations" onToggle={(e) => setExploring(e.currentTarget.open)}>
          <summary>{t('sessions.plan.moreRecommendations')}</summary>
          {exploring && (
            <RecommendationsPanel
              clusterId={plan.clusterId}
              initialProblem={plan.problem}
              {...(plan.id ? { sessionId: plan.id } : {})}
              limit={6}
              plan={{
                practiceIds: spotlightPracticeIds(plan.items),
                add: (r) =>
                  set({
                    items: withSpotlightPractice(
                      plan.items,
                      { id: r.practiceId, title: r.title, summary: r.summary, why: explain(r.reasons, lang) },
                      { title: agendaWords[lang].practice, problem: plan.problem },
                    ),
                  }),
              }}
            />
          )}
        </details>
      )}
    </section>
  );
}
