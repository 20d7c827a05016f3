import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { translator } from '../../shared/i18n.ts';
import { indicatorLabel } from '../../shared/labels.ts';
import { reportMessages } from '../../shared/reports/messages.ts';
import { ApiError, call, inShell, useOp } from '../api.ts';
import { ErrorBox, Loading } from '../components/Status.tsx';
import { completionBars } from '../reportChart.ts';
import { useI18n } from '../i18n/index.tsx';

const pct = (v: number | null): string => (v === null ? '–' : `${Math.round(v * 100)}%`);
const signed = (v: number | null): string => (v === null ? '–' : `${v > 0 ? '+' : ''}${v.toFixed(1)}`);

/** Saves text as a file through the browser's download (works in the shell too). */
function download(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A term's report for the region: per cluster, with spreadsheet and PDF exports. */
export function ReportsScreen() {
  const { t: ui, lang } = useI18n();
  const t = translator(reportMessages, lang);
  const [term, setTerm] = useState<string | null>(null);
  const report = useOp('reports.term', term ? { term } : {});
  const [message, setMessage] = useState<string>();

  if (report.error) return <ErrorBox error={report.error} onRetry={report.reload} />;
  if (!report.data) return <Loading />;
  const r = report.data;

  const exportAs = async (format: 'csv' | 'html'): Promise<void> => {
    setMessage(undefined);
    try {
      const file = await call('reports.export', { term: r.term, format, lang });
      if (format === 'html' && inShell()) {
        const saved = await call('shell.printToPdf', {
          html: file.content,
          defaultName: file.fileName.replace(/\.html$/, '.pdf'),
        });
        if (saved) setMessage(saved.path);
      } else if (format === 'html') {
        // In a browser: open the printable report; its print dialog saves a PDF.
        const w = window.open(URL.createObjectURL(new Blob([file.content], { type: 'text/html' })));
        w?.addEventListener('load', () => w.print());
      } else {
        download(file.fileName, file.mimeType, file.content);
      }
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('report.title', { region: r.regionName, term: r.term })}</h1>
          <p className="muted">{t('report.period', { from: r.from, to: r.to, previous: r.previousTerm })}</p>
        </div>
        <div className="actions">
          <label className="field">
            {ui('reports.term')}
            <select value={r.term} onChange={(e) => setTerm(e.target.value)} data-testid="report-term">
              {r.terms.map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
          <button className="button" onClick={() => void exportAs('csv')} style={{ alignSelf: 'flex-end' }}>
            {ui('reports.csv')}
          </button>
          <button
            className="button primary"
            onClick={() => void exportAs('html')}
            style={{ alignSelf: 'flex-end' }}
          >
            {ui('reports.pdf')}
          </button>
        </div>
      </div>
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      <div className="tiles">
        <Tile value={String(r.totals.sessionsHeld)} label={t('report.sessions')} />
        <Tile value={`${r.totals.clustersMet}/${r.totals.clusters}`} label={ui('reports.clustersMet')} />
        <Tile value={pct(r.totals.attendanceRate)} label={t('report.attendance')} />
        <Tile value={pct(r.totals.completionRate)} label={t('report.completion')} />
        <Tile
          value={`${r.totals.adoptions} (${r.totals.adoptionsImproved})`}
          label={`${t('report.adoptions')} (${t('report.improved')})`}
        />
      </div>
      <div className="card" style={{ marginBottom: '1rem' }}>
        <h2>{t('report.completionChart')}</h2>
        <div style={{ height: 220 }} data-testid="report-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={completionBars(r.rows)} margin={{ top: 4, right: 8, bottom: 40, left: 0 }}>
              <CartesianGrid stroke="#e3e9ea" vertical={false} />
              <XAxis
                dataKey="name"
                angle={-30}
                textAnchor="end"
                interval={0}
                tick={{ fontSize: 11 }}
                height={50}
              />
              <YAxis unit="%" domain={[0, 100]} tick={{ fontSize: 11 }} width={44} />
              <Tooltip />
              <Bar
                dataKey="completion"
                name={t('report.completion')}
                fill="#0f5e5a"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <p className="muted small">{t('report.rateNote')}</p>
      </div>
      <div className="card" style={{ overflowX: 'auto' }}>
        <table className="data" data-testid="report-table">
          <thead>
            <tr>
              <th>{t('report.cluster')}</th>
              <th className="num">{t('report.sessions')}</th>
              <th className="num">{t('report.attendance')}</th>
              <th className="num">{t('report.commitmentsMade')}</th>
              <th className="num">{t('report.commitmentsDue')}</th>
              <th className="num">{t('report.completion')}</th>
              <th className="num">{t('report.adoptions')}</th>
              <th className="num">{indicatorLabel(lang, 'attendance_rate')} ±</th>
              <th className="num">{indicatorLabel(lang, 'dropout_rate')} ±</th>
              <th className="num">{indicatorLabel(lang, 'literacy_rate')} ±</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.clusterId}>
                <td>
                  <a href={`#/clusters/${row.clusterId}`}>{row.clusterName}</a>
                </td>
                <td className="num">{row.sessionsHeld}</td>
                <td className="num">{pct(row.attendanceRate)}</td>
                <td className="num">{row.commitmentsMade}</td>
                <td className="num">{row.commitmentsDue}</td>
                <td className="num">{pct(row.completionRate)}</td>
                <td className="num">{row.adoptions}</td>
                <td className="num">{signed(row.change.attendance_rate)}</td>
                <td className="num">{signed(row.change.dropout_rate)}</td>
                <td className="num">{signed(row.change.literacy_rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Tile({ value, label }: { value: string; label: string }) {
  return (
    <div className="tile">
      <div className="value">{value}</div>
      <div className="label">{label}</div>
    </div>
  );
}
