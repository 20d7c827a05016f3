import { useEffect, useState } from 'react';
import { languageNames, languages, translator, type Lang } from '../../shared/i18n.ts';
import {
  periodDates,
  type ReportFormat,
  type ReportPeriod,
  type ReportScope,
} from '../../shared/reports/period.ts';
import { ApiError, call, useOp } from '../api.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { JobCancelledError, useJob, useJobOp } from '../jobs.ts';
import { useI18n } from '../i18n/index.tsx';
import { reportScreenMessages } from '../i18n/reports.ts';

type ScopeKind = ReportScope['kind'];

/** Reports for officials: what it covers, when, in which language; a preview; saved files. */
export function ReportsScreen() {
  const { lang: uiLang } = useI18n();
  const t = translator(reportScreenMessages, uiLang);
  const options = useOp('reports.options', {});
  const shell = useOp('shell.info', {});
  const desktop = shell.data?.desktop === true;
  const [scopeKind, setScopeKind] = useState<ScopeKind>('region');
  const [clusterId, setClusterId] = useState('');
  const [coach, setCoach] = useState('');
  const [period, setPeriod] = useState<ReportPeriod | null>(null);
  const [lang, setLang] = useState<Lang>(uiLang);
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [saving, setSaving] = useState<ReportFormat | null>(null);

  const o = options.data;
  useEffect(() => {
    if (!o) return;
    if (!period) setPeriod(o.period);
    if (!clusterId && o.clusters[0]) setClusterId(o.clusters[0].id);
    if (!coach && o.coaches[0]) setCoach(o.coaches[0]);
  }, [o, period, clusterId, coach]);

  const scope: ReportScope | null =
    scopeKind === 'region'
      ? { kind: 'region' }
      : scopeKind === 'cluster'
        ? clusterId
          ? { kind: 'cluster', clusterId }
          : null
        : coach
          ? { kind: 'coach', coach }
          : null;
  const badRange = period?.kind === 'range' && period.from > period.to;
  const request = scope && period && !badRange ? { scope, period, lang } : null;
  // Both run in the services' job runner: the page shows how far they are and may cancel.
  const preview = useJobOp('reports.preview', request);
  const job = useJob();

  if (options.error) return <ErrorBox error={options.error} onRetry={options.reload} />;
  if (!o || !period) return <Loading />;

  const save = async (format: ReportFormat): Promise<void> => {
    if (!request) return;
    setMessage(undefined);
    setSaving(format);
    try {
      if (desktop && format === 'pdf') {
        // In the app: Electron prints the same document, with page numbers.
        const file = await job.run('reports.export', { ...request, format: 'html' });
        const saved = await call('shell.printToPdf', {
          html: file.content,
          defaultName: file.fileName.replace(/\.html$/, '.pdf'),
          landscape: true,
          pageNumbers: { label: t('reports.pageLabel') },
        });
        if (saved) setMessage({ text: t('reports.saved', { path: saved.path }) });
      } else if (desktop) {
        const file = `${preview.data?.fileBase ?? 'pamoja-report'}.${format}`;
        const choice = await call('shell.saveFile', {
          defaultName: file,
          filters: [{ name: format.toUpperCase(), extensions: [format] }],
        });
        if (!choice) return;
        await job.run('reports.save', { ...request, format, path: choice.ref });
        setMessage({ text: t('reports.saved', { path: choice.path }) });
      } else {
        // In a browser (`serve`): the file goes into the data folder's Reports folder.
        const saved = await job.run('reports.save', { ...request, format });
        setMessage({ text: t('reports.saved', { path: saved.path }) });
      }
    } catch (e) {
      if (e instanceof JobCancelledError) setMessage({ text: t('reports.cancelled') });
      else setMessage({ text: e instanceof ApiError ? e.message : String(e), error: true });
    } finally {
      setSaving(null);
    }
  };

  const terms = o.terms.length ? o.terms : period.kind === 'term' ? [period.term] : [];
  return (
    <section className="reports-screen">
      <div className="page-head">
        <div>
          <h1>{t('reports.title')}</h1>
          <p className="muted">{t('reports.subtitle')}</p>
        </div>
      </div>
      <div className="card report-controls">
        <label className="field">
          {t('reports.scope')}
          <select
            value={scopeKind}
            onChange={(e) => setScopeKind(e.target.value as ScopeKind)}
            data-testid="report-scope"
          >
            <option value="region">{t('reports.scope.region')}</option>
            <option value="cluster">{t('reports.scope.cluster')}</option>
            <option value="coach">{t('reports.scope.coach')}</option>
          </select>
        </label>
        {scopeKind === 'cluster' && (
          <label className="field">
            {t('reports.cluster')}
            <select
              value={clusterId}
              onChange={(e) => setClusterId(e.target.value)}
              data-testid="report-cluster"
            >
              {o.clusters.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {scopeKind === 'coach' && (
          <label className="field">
            {t('reports.coach')}
            <select value={coach} onChange={(e) => setCoach(e.target.value)} data-testid="report-coach">
              {o.coaches.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          {t('reports.period')}
          <select
            value={period.kind}
            data-testid="report-period-kind"
            onChange={(e) =>
              setPeriod(
                e.target.value === 'term'
                  ? { kind: 'term', term: terms[0] ?? '' }
                  : { kind: 'range', ...periodDates(period) },
              )
            }
          >
            <option value="term">{t('reports.period.term')}</option>
            <option value="range">{t('reports.period.range')}</option>
          </select>
        </label>
        {period.kind === 'term' ? (
          <label className="field">
            {t('reports.term')}
            <select
              value={period.term}
              onChange={(e) => setPeriod({ kind: 'term', term: e.target.value })}
              data-testid="report-term"
            >
              {terms.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label className="field">
              {t('reports.from')}
              <input
                type="date"
                value={period.from}
                onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })}
                data-testid="report-from"
              />
            </label>
            <label className="field">
              {t('reports.to')}
              <input
                type="date"
                value={period.to}
                onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })}
                data-testid="report-to"
                aria-invalid={badRange || undefined}
              />
            </label>
          </>
        )}
        <label className="field">
          {t('reports.lang')}
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="report-lang">
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageNames[l]}
              </option>
            ))}
          </select>
        </label>
        <div className="report-save">
          {(['pdf', 'xlsx', 'csv'] as const).map((f) => (
            <button
              key={f}
              className={`button${f === 'pdf' ? ' primary' : ''}`}
              disabled={!request || saving !== null}
              onClick={() => void save(f)}
              data-testid={`report-save-${f}`}
            >
              {saving === f
                ? t('reports.saving')
                : t(f === 'pdf' ? 'reports.savePdf' : f === 'xlsx' ? 'reports.saveXlsx' : 'reports.saveCsv')}
            </button>
          ))}
        </div>
      </div>
      {badRange && (
        <p className="error-box" role="alert">
          {t('reports.badRange')}
        </p>
      )}
      {saving && job.view && <JobProgress view={job.view} onCancel={job.cancel} />}
      {message && (
        <p className={message.error ? 'error-box' : 'success'} role="status" data-testid="report-message">
          {message.text}
        </p>
      )}
      {preview.error ? (
        <ErrorBox error={preview.error} onRetry={preview.reload} />
      ) : !preview.data ? (
        preview.view ? (
          <JobProgress view={preview.view} onCancel={preview.cancel} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          {preview.loading && preview.view && <JobProgress view={preview.view} onCancel={preview.cancel} />}
          <iframe
            className="report-preview"
            title={`${t('reports.preview')}: ${preview.data.title}`}
            sandbox=""
            srcDoc={preview.data.html}
            data-testid="report-preview"
          />
        </>
      )}
    </section>
  );
}
