import { useState } from 'react';
import type { SessionDetail } from '../../shared/contract/sessions.ts';
import {
  attendanceLabel,
  commitmentLabel,
  kindLabel,
  modeLabel,
  sessionStatusLabel,
} from '../../shared/labels.ts';
import { totalMinutes } from '../../shared/sessions/agenda.ts';
import { call, inShell, useOp, type ApiError } from '../api.ts';
import { FieldHistory } from '../components/FieldHistory.tsx';
import { openHandoutTab, printHandout, saveHandoutPdf } from '../components/printPlan.ts';
import { SpotlightChart } from '../components/SpotlightChart.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import '../sessions.css';

/** One session: its plan, and once held, what was recorded. */
export function SessionScreen({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const session = useOp('sessions.get', { id });
  const draft = useOp('sessions.getDraft', { kind: 'record', sessionId: id });
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (session.error) return <ErrorBox error={session.error} onRetry={session.reload} />;
  if (!session.data) return <Loading />;
  const s = session.data;

  const withHandout = async (
    use: (html: string, fileName: string) => Promise<void> | void,
  ): Promise<void> => {
    setError(null);
    try {
      const { html, fileName } = await call('sessions.handout', { id, lang });
      await use(html, fileName);
    } catch (e) {
      setError(e as Error);
    }
  };
  const cancel = async (): Promise<void> => {
    try {
      await call('sessions.cancel', { id });
      session.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  return (
    <section className="session-detail">
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="#/sessions">{t('nav.sessions')}</a> ›{' '}
            <a href={`#/clusters/${s.clusterId}`}>{s.clusterName}</a>
          </p>
          <h1>{s.title || kindLabel(lang, s.kind)}</h1>
          <p className="muted">
            {kindLabel(lang, s.kind)} · {formatDate(lang, s.date)} · {modeLabel(lang, s.mode)}
            {s.place && ` · ${s.place}`}{' '}
            <span className={`chip status-${s.status}`} data-testid="session-status">
              {sessionStatusLabel(lang, s.status)}
            </span>
          </p>
        </div>
        <div className="actions">
          {s.status !== 'cancelled' && (
            <a className="button primary" href={`#/sessions/${id}/record`}>
              {s.status === 'held' ? t('sessions.detail.editRecord') : t('sessions.detail.record')}
            </a>
          )}
          <a className="button" href={`#/sessions/${id}/plan`}>
            {t('sessions.detail.editPlan')}
          </a>
          {inShell() ? (
            <button
              type="button"
              className="button"
              onClick={() =>
                void withHandout(async (html, name) => {
                  const path = await saveHandoutPdf(html, name);
                  if (path) setMessage(t('sessions.detail.pdfSaved', { path }));
                })
              }
            >
              {t('sessions.detail.savePdf')}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => void withHandout((html) => openHandoutTab(html))}
            >
              {t('sessions.detail.openPrintable')}
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void withHandout((html) => printHandout(html))}
          >
            {t('sessions.detail.print')}
          </button>
          {s.status === 'planned' && (
            <button type="button" className="button danger" onClick={() => void cancel()}>
              {t('sessions.detail.cancel')}
            </button>
          )}
        </div>
      </div>
      {error && <ErrorBox error={error} />}
      {message && <p className="success">{message}</p>}
      {draft.data && (
        <p className="notice">
          {t('sessions.detail.draftWaiting')}{' '}
          <a href={`#/sessions/${id}/record`}>{t('sessions.detail.continue')}</a>
        </p>
      )}

      <div className="grid main-side">
        <div className="stack">
          <AgendaView session={s} />
          {s.kind === 'peer_review' && <PeerReviewView session={s} />}
          {s.notes && (
            <div className="card">
              <h2>{t('sessions.record.notes')}</h2>
              <p className="prewrap" data-testid="session-notes">
                {s.notes}
              </p>
              <FieldHistory table="sessions" rowId={s.id} column="notes" />
            </div>
          )}
        </div>
        {s.status === 'held' && <RecordView session={s} />}
      </div>
    </section>
  );
}

function AgendaView({ session: s }: { session: SessionDetail }) {
  const { t } = useI18n();
  return (
    <div className="card">
      <h2>
        {t('sessions.agenda')}
        {totalMinutes(s.agenda.items) > 0 && (
          <span className="muted small">{t('sessions.plan.total', { n: totalMinutes(s.agenda.items) })}</span>
        )}
      </h2>
      {s.agenda.items.length === 0 && <p className="muted">{t('sessions.detail.noAgenda')}</p>}
      <ol className="agenda-view" data-testid="agenda-view">
        {s.agenda.items.map((item) => (
          <li key={item.id}>
            <div className="row-between">
              <b>{item.title}</b>
              {item.minutes > 0 && (
                <span className="muted small">{t('sessions.plan.minShort', { n: item.minutes })}</span>
              )}
            </div>
            {item.kind === 'data_spotlight' && item.spotlight && (
              <SpotlightChart spotlight={item.spotlight} clusterName={s.clusterName} />
            )}
            {item.kind === 'practice_spotlight' && (
              <ul className="small">
                {item.practices.map((p) => (
                  <li key={p.id}>
                    <a href={`#/practices/${p.id}`}>{p.title}</a> — {p.summary}
                  </li>
                ))}
              </ul>
            )}
            {item.kind === 'peer_review' && (
              <p className="small">
                {item.hostSchoolName && <>{item.hostSchoolName}: </>}
                {item.enquiryQuestion}
              </p>
            )}
            {item.notes && <p className="small prewrap">{item.notes}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}

function PeerReviewView({ session: s }: { session: SessionDetail }) {
  const { t } = useI18n();
  return (
    <div className="card">
      <h2>{t('sessions.peer.visit')}</h2>
      <dl className="facts">
        <dt>{t('sessions.peer.host')}</dt>
        <dd>{s.hostSchool?.name ?? '–'}</dd>
        <dt>{t('sessions.peer.enquiryQuestion')}</dt>
        <dd>{s.enquiryQuestion || '–'}</dd>
        <dt>{t('sessions.peer.evidence')}</dt>
        <dd className="prewrap">{s.evidence || '–'}</dd>
        <dt>{t('sessions.peer.findings')}</dt>
        <dd className="prewrap">{s.findings || '–'}</dd>
      </dl>
      <FieldHistory table="sessions" rowId={s.id} column="findings" />
    </div>
  );
}

function RecordView({ session: s }: { session: SessionDetail }) {
  const { t, lang } = useI18n();
  const names = new Map(s.members.map((m) => [m.id, m.name]));
  const reviewed = s.toReview.filter((c) => c.review);
  return (
    <div className="stack">
      <div className="card">
        <h2>{s.kind === 'peer_review' ? t('sessions.record.reviewers') : t('sessions.record.attendance')}</h2>
        <ul className="list-plain small">
          {s.attendance.map((a) => (
            <li key={a.memberId} className="row-between">
              {names.get(a.memberId) ?? '?'}
              <span className={`chip ${a.status}`}>{attendanceLabel(lang, a.status)}</span>
            </li>
          ))}
        </ul>
      </div>
      <div className="card" data-testid="reviews-view">
        <h2>{t('sessions.record.review')}</h2>
        {reviewed.length === 0 && <p className="muted small">{t('common.none')}</p>}
        <ul className="list-plain small">
          {reviewed.map((c) => (
            <li key={c.id}>
              <b>{c.ownerName}</b> — {c.action}{' '}
              <span className="chip plain">{commitmentLabel(lang, c.review!.outcome)}</span>
              {c.review!.note && <div className="muted">{c.review!.note}</div>}
            </li>
          ))}
        </ul>
      </div>
      <div className="card" data-testid="made-view">
        <h2>
          {s.kind === 'peer_review'
            ? t('sessions.record.workshopActions')
            : t('sessions.record.newCommitments')}
        </h2>
        {s.made.length === 0 && <p className="muted small">{t('common.none')}</p>}
        <ul className="list-plain small">
          {s.made.map((c) => (
            <li key={c.id}>
              <b>{c.ownerName}</b> — {c.action}
              <div className="muted">
                {t('sessions.due', { date: formatDate(lang, c.dueDate) })} · {commitmentLabel(lang, c.status)}
              </div>
            </li>
          ))}
        </ul>
      </div>
      {(s.practicesShared.length > 0 || s.adoptions.length > 0) && (
        <div className="card">
          <h2>{t('sessions.record.practices')}</h2>
          <ul className="list-plain small">
            {s.practicesShared.map((p) => (
              <li key={p.id}>
                <a href={`#/practices/${p.id}`}>{p.title}</a>
                {s.adoptions
                  .filter((a) => a.practiceId === p.id)
                  .map((a) => (
                    <span key={a.schoolId ?? 'cluster'} className="chip ok">
                      {a.schoolName ?? t('sessions.record.wholeCluster')}
                    </span>
                  ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
