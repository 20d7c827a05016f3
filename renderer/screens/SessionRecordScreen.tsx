import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DraftKey } from '../../shared/contract/sessions.ts';
import { kindLabel, modeLabel } from '../../shared/labels.ts';
import { draftToRecord, type RecordDraft } from '../../shared/sessions/record.ts';
import { initialRecordDraft, recordFacts, withDefaultWitnesses } from '../../shared/sessions/recordForm.ts';
import type { CommitmentProblem, ReviewProblem } from '../../shared/sessions/rules.ts';
import { recordDate, senseText } from '../../shared/sessions/sense.ts';
import { todayIso } from '../../shared/today.ts';
import { call, useOp, type ApiError } from '../api.ts';
import { AttendanceList } from '../components/AttendanceList.tsx';
import { AutosaveStatus } from '../components/AutosaveStatus.tsx';
import { NewcomerPanel } from '../components/NewcomerPanel.tsx';
import { CommitmentRows } from '../components/CommitmentRows.tsx';
import { PracticesShared } from '../components/PracticesShared.tsx';
import { WriteDownPanel } from '../practices/WriteDownPanel.tsx';
import { ReviewList } from '../components/ReviewList.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { useAutosave } from '../components/useAutosave.ts';
import { DiscardDraftButton } from '../components/DiscardDraftButton.tsx';
import { useDraftDiscard } from '../components/useDraftDiscard.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import '../sessions.css';

/**
 * Record a session as it happens: attendance, the review of earlier commitments, new
 * commitments, practices shared and adopted, notes (and for a peer-review visit, its
 * evidence and findings). Everything typed is kept as a draft on this laptop within a
 * second; "Save record" (Ctrl+Enter) commits it all at once.
 */
export function SessionRecordScreen({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const session = useOp('sessions.get', { id });
  const [draft, setDraft] = useState<RecordDraft | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const key: DraftKey = useMemo(() => ({ kind: 'record', sessionId: id }), [id]);

  useEffect(() => {
    if (!session.data || draft) return;
    const s = session.data;
    call('sessions.getDraft', key).then(
      (saved) => {
        if (saved?.data.kind === 'record') {
          setDraft(saved.data.record);
          setRestoredAt(saved.savedAt);
        } else setDraft(initialRecordDraft(s));
      },
      (e: unknown) => setError(e as Error),
    );
  }, [session.data, draft, key]);

  const saveDraft = useCallback(
    (record: RecordDraft, { leaving }: { leaving: boolean }) =>
      call('sessions.saveDraft', { key, data: { kind: 'record', record } }, { leaving }),
    [key],
  );
  const autosave = useAutosave(draft, saveDraft);
  const drafts = useDraftDiscard({
    draftKey: key,
    value: draft,
    wrap: (record: RecordDraft) => ({ kind: 'record', record }),
    autosave,
    restoredAt,
    fresh: () => initialRecordDraft(session.data!),
    apply: (record) => {
      setDraft(record);
      setRestoredAt(null);
    },
  });

  const facts = useMemo(() => (session.data ? recordFacts(session.data) : null), [session.data]);
  const checked = useMemo(
    () => (draft && facts ? draftToRecord(withDefaultWitnesses(draft), facts) : null),
    [draft, facts],
  );
  const reviewProblems = new Map<string, ReviewProblem>();
  const commitmentProblems = new Map<number, CommitmentProblem>();
  if (checked && !checked.ok) {
    for (const p of checked.problems) {
      if (p.where === 'review') reviewProblems.set(p.commitmentId, p.problem);
      else commitmentProblems.set(p.index, p.problem);
    }
  }

  const save = async (): Promise<void> => {
    if (!checked) return;
    if (!checked.ok) {
      setError(new Error(t('sessions.record.fixProblems', { n: checked.problems.length })));
      document.querySelector<HTMLElement>('.problem')?.scrollIntoView({ block: 'center' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await autosave.flush();
      await call('sessions.saveRecord', checked.record);
      autosave.markClean();
      navigate(`/sessions/${id}`);
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (session.error) return <ErrorBox error={session.error} onRetry={session.reload} />;
  if (!session.data || !draft) return error ? <ErrorBox error={error} /> : <Loading />;
  const s = session.data;
  const set = (patch: Partial<RecordDraft>): void => setDraft({ ...draft, ...patch });
  const peer = s.kind === 'peer_review';
  const early = recordDate(s.date, todayIso());
  const present = Object.entries(draft.attendance).flatMap(([m, v]) => (v === 'present' ? [m] : []));
  const suggested = s.agenda.items.flatMap((i) =>
    i.kind === 'practice_spotlight' ? i.practices.map((p) => ({ id: p.id, title: p.title })) : [],
  );

  return (
    <section className="session-record">
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="#/sessions">{t('nav.sessions')}</a> ›{' '}
            <a href={`#/clusters/${s.clusterId}`}>{s.clusterName}</a> ›{' '}
            <a href={`#/sessions/${s.id}`}>{s.title || kindLabel(lang, s.kind)}</a>
          </p>
          <h1>{t(`sessions.record.title.${s.kind}`)}</h1>
          <p className="muted">
            {formatDate(lang, s.date)} · {modeLabel(lang, s.mode)}
            {s.place && ` · ${s.place}`}
          </p>
          {early && (
            <p className="sense-warning" data-testid="record-date-warning">
              {senseText(early, lang)} <a href={`#/sessions/${s.id}/plan`}>{t('sense.changeDate')}</a>
            </p>
          )}
          <AutosaveStatus state={autosave.state} savedAt={autosave.savedAt} restoredAt={restoredAt} />
        </div>
        <div className="actions">
          {drafts.canDiscard && <DiscardDraftButton discard={drafts.discard} onError={setError} />}
          <button type="button" className="button primary" onClick={() => void save()} disabled={busy}>
            {t('sessions.record.save')}
          </button>
        </div>
      </div>
      {error && <ErrorBox error={error} />}

      <div className="record-grid">
        <div className="stack">
          <AttendanceList
            members={s.members}
            value={draft.attendance}
            onChange={(attendance) => set({ attendance })}
            heading={peer ? t('sessions.record.reviewers') : t('sessions.record.attendance')}
          />
          <NewcomerPanel
            clusterId={s.clusterId}
            clusterName={s.clusterName}
            members={s.members}
            onAdded={(memberId) => {
              // The draft stays as typed: only the newcomer's attendance is added to it.
              setDraft((d) => (d ? { ...d, attendance: { ...d.attendance, [memberId]: 'present' } } : d));
              session.reload();
            }}
          />
        </div>
        <div className="stack">
          {/* Commitments are reviewed at meetings; a visit records its own evidence. */}
          {!peer ? (
            <section className="card">
              <h2>{t('sessions.record.review')}</h2>
              <ReviewList
                commitments={s.toReview}
                value={draft.reviews}
                onChange={(reviews) => set({ reviews })}
                problems={reviewProblems}
              />
            </section>
          ) : null}
          {peer && (
            <section className="card peer-fields">
              <h2>{t('sessions.peer.visit')}</h2>
              <label className="field">
                {t('sessions.peer.host')}
                <select
                  value={draft.peerReview.hostSchoolId ?? ''}
                  onChange={(e) =>
                    set({ peerReview: { ...draft.peerReview, hostSchoolId: e.target.value || null } })
                  }
                >
                  <option value="">{t('sessions.peer.noHost')}</option>
                  {s.schools.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
                </select>
              </label>
              {(['enquiryQuestion', 'evidence', 'findings'] as const).map((f) => (
                <label key={f} className="field">
                  {t(`sessions.peer.${f}`)}
                  <textarea
                    rows={f === 'enquiryQuestion' ? 2 : 4}
                    value={draft.peerReview[f]}
                    onChange={(e) => set({ peerReview: { ...draft.peerReview, [f]: e.target.value } })}
                  />
                </label>
              ))}
            </section>
          )}
          <section className="card">
            <h2>{peer ? t('sessions.record.workshopActions') : t('sessions.record.newCommitments')}</h2>
            <CommitmentRows
              members={s.members}
              present={present}
              sessionDate={s.date}
              rows={draft.commitments}
              onChange={(commitments) => set({ commitments })}
              problems={commitmentProblems}
            />
          </section>
          <section className="card">
            <h2>{t('sessions.record.practices')}</h2>
            <PracticesShared
              suggested={suggested}
              schools={s.schools}
              value={draft}
              onChange={(p) => set(p)}
            />
            <WriteDownPanel
              sessionId={s.id}
              onAdded={(p) =>
                // Only the new practice is added to the draft, as shared at this meeting.
                setDraft((d) =>
                  d
                    ? {
                        ...d,
                        practicesShared: [...d.practicesShared, p.id],
                        practiceTitles: { ...d.practiceTitles, [p.id]: p.title },
                      }
                    : d,
                )
              }
            />
          </section>
          <section className="card">
            <label className="field">
              <h2>{t('sessions.record.notes')}</h2>
              <textarea
                rows={5}
                value={draft.notes}
                placeholder={t('sessions.record.notesPlaceholder')}
                onChange={(e) => set({ notes: e.target.value })}
              />
            </label>
          </section>
        </div>
      </div>
      <div className="record-foot">
        <span className="muted small">{t('sessions.record.saveHint')}</span>
        <button type="button" className="button primary" onClick={() => void save()} disabled={busy}>
          {t('sessions.record.save')}
        </button>
      </div>
    </section>
  );
}
