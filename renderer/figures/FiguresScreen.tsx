import { useEffect, useMemo, useState } from 'react';
import { checkSchoolEdits, editCounts, warningKey } from '../../shared/indicators/index.ts';
import { indicatorLabel } from '../../shared/labels.ts';
import { indicatorDefs, type IndicatorName } from '../../shared/schema/enums.ts';
import { call, useOp, type ApiError } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { useI18n } from '../i18n/index.tsx';
import { hashQuery, navigate } from '../router.ts';
import { FiguresGrid, type CellTexts } from './FiguresGrid.tsx';
import './figures.css';

/** Unsaved typing is kept in the browser's storage so a closed window loses none of it. */
const unsavedKey = (clusterId: string, term: string): string => `pamoja.figures.${clusterId}.${term}`;
function loadUnsaved(clusterId: string, term: string): CellTexts | null {
  try {
    const raw = localStorage.getItem(unsavedKey(clusterId, term));
    return raw ? (JSON.parse(raw) as CellTexts) : null;
  } catch {
    return null;
  }
}

/**
 * A cluster's figures for one term, entered like a spreadsheet: every school a row,
 * every indicator a column, checked as the coach types with the same rules the service
 * applies, and the cluster's trend for the column she is in drawn underneath.
 */
export function FiguresScreen({ clusterId }: { clusterId: string }) {
  const { t, lang } = useI18n();
  const [term, setTerm] = useState<string | undefined>(() => hashQuery().get('term') ?? undefined);
  const grid = useOp('figures.get', { clusterId, ...(term ? { term } : {}) });
  const [texts, setTexts] = useState<CellTexts>({});
  const [restored, setRestored] = useState(false);
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const [column, setColumn] = useState<IndicatorName>('attendance_rate');
  const [message, setMessage] = useState<{ kind: 'success' | 'notice'; text: string } | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const trend = useOp('clusters.trend', { id: clusterId, indicator: column });
  const data = grid.data;
  const shownTerm = data?.term;

  // Bring back typing not yet saved for this term (once, when the term's grid arrives).
  useEffect(() => {
    if (!shownTerm) return;
    const unsaved = loadUnsaved(clusterId, shownTerm);
    setTexts(unsaved ?? {});
    setRestored(unsaved !== null && Object.keys(unsaved).length > 0);
  }, [clusterId, shownTerm]);
  useEffect(() => {
    if (!shownTerm) return;
    const key = unsavedKey(clusterId, shownTerm);
    if (Object.values(texts).some((row) => Object.keys(row).length > 0))
      localStorage.setItem(key, JSON.stringify(texts));
    else localStorage.removeItem(key);
  }, [clusterId, shownTerm, texts]);

  const rows = useMemo(
    () =>
      data
        ? data.schools.map((s) => checkSchoolEdits(s, texts[s.id] ?? {}, data.previousTerm, confirmed))
        : [],
    [data, texts, confirmed],
  );
  const counts = editCounts(rows);

  const save = async (): Promise<void> => {
    if (!data) return;
    setError(null);
    if (counts.errors > 0 || counts.toConfirm > 0) {
      setMessage({
        kind: 'notice',
        text:
          counts.errors > 0
            ? t('figures.fixErrors', { n: counts.errors })
            : t('figures.confirmFirst', { n: counts.toConfirm }),
      });
      document
        .querySelector<HTMLInputElement>('.figures-grid td.error input, .figures-grid td.warning input')
        ?.focus();
      return;
    }
    setBusy(true);
    try {
      const changed = rows.filter((r) => Object.keys(r.changed).length > 0);
      const result = await call('figures.save', {
        clusterId,
        term: data.term,
        schools: changed.map((r) => ({ schoolId: r.schoolId, figures: r.changed })),
        confirmed: changed.flatMap((r) => r.problems.map((p) => warningKey(r.schoolId, p))),
      });
      setTexts({});
      setConfirmed(new Set());
      setRestored(false);
      setMessage({ kind: 'success', text: t('figures.saved', { n: result.changed }) });
      grid.reload();
      trend.reload();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  if (grid.error) return <ErrorBox error={grid.error} onRetry={grid.reload} />;
  if (!data) return <Loading />;
  const dirty = counts.changed > 0 || rows.some((r) => r.unreadable.length > 0);

  return (
    <section className="figures-screen">
      <div className="page-head">
        <div>
          <p className="muted small">
            <a href="#/clusters">{t('nav.clusters')}</a> ›{' '}
            <a href={`#/clusters/${clusterId}`}>{data.clusterName}</a>
          </p>
          <h1>{t('figures.title')}</h1>
          <p className="muted">{t('figures.subtitle', { cluster: data.clusterName })}</p>
        </div>
        <div className="actions">
          <label className="field">
            {t('figures.term')}
            <select
              value={data.term}
              disabled={dirty}
              title={dirty ? t('figures.termLocked') : undefined}
              data-testid="figures-term"
              onChange={(e) => {
                setMessage(null);
                setTerm(e.target.value);
                navigate(`/clusters/${clusterId}/figures?term=${e.target.value}`);
              }}
            >
              {data.terms.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button" disabled={!dirty || busy} onClick={() => setTexts({})}>
            {t('figures.undoAll')}
          </button>
          <button type="button" className="button primary" disabled={busy} onClick={() => void save()}>
            {t('figures.save')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('figures.help')}</p>
      <p className="muted small" role="status" data-testid="figures-status">
        {dirty ? t('figures.changed', { n: counts.changed }) : t('figures.noChanges')}
      </p>
      {restored && <p className="notice">{t('figures.restored')}</p>}
      {message && (
        <p className={message.kind} role="status" data-testid="figures-message">
          {message.text}
        </p>
      )}
      {error && <ErrorBox error={error} />}
      {data.schools.length === 0 ? (
        <p className="muted">{t('figures.noSchools')}</p>
      ) : (
        <FiguresGrid
          grid={data}
          texts={texts}
          rows={rows}
          confirmed={confirmed}
          onTexts={(next) => {
            setMessage(null);
            setTexts(next);
          }}
          onConfirm={(key, on) => {
            const next = new Set(confirmed);
            if (on) next.add(key);
            else next.delete(key);
            setConfirmed(next);
          }}
          onPasted={(pasted, outside) =>
            setMessage({
              kind: outside ? 'notice' : 'success',
              text: [t('figures.pasted', { n: pasted }), outside ? t('figures.outside', { n: outside }) : '']
                .filter(Boolean)
                .join(' '),
            })
          }
          onColumn={setColumn}
        />
      )}
      <div className="card figures-trend">
        <h2>{t('figures.chart', { indicator: indicatorLabel(lang, column) })}</h2>
        {trend.data && trend.data.some((p) => p.cluster !== null) ? (
          <TrendChart points={trend.data} unit={indicatorDefs[column].kind === 'rate' ? '%' : ''} />
        ) : trend.loading ? (
          <Loading />
        ) : (
          <p className="muted">{t('cluster.trend.none')}</p>
        )}
      </div>
    </section>
  );
}
