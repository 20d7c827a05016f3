import { useRef, useState } from 'react';
import type { OpOutput } from '../../shared/contract/index.ts';
import { translator } from '../../shared/i18n.ts';
import { indicatorLabel } from '../../shared/labels.ts';
import { fieldsOf, isIndicatorField, type SheetField, type SheetKind } from '../../shared/sheets/fields.ts';
import { sheetFieldMessages } from '../../shared/sheets/messages.ts';
import type { JobView } from '../../shared/contract/jobs.ts';
import { ApiError, call, useOp } from '../api.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { JobAbandonedError, JobCancelledError, runJob } from '../jobs.ts';
import { useI18n } from '../i18n/index.tsx';
import { importMessages } from '../i18n/sheets.ts';

type Preview = OpOutput<'sheets.preview'>;

/** The file's bytes as base64, for the contract (works the same in the app and a browser). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Spreadsheets in: choose a file, check the columns and the refused rows, then confirm. */
export function ImportScreen() {
  const { lang } = useI18n();
  const t = translator(importMessages, lang);
  const tf = translator(sheetFieldMessages, lang);
  const options = useOp('reports.options', {});
  const [kind, setKind] = useState<SheetKind>('schools');
  const [term, setTerm] = useState('');
  const [unknownClusters, setUnknownClusters] = useState<'create' | 'nearest'>('create');
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [mapping, setMapping] = useState<(SheetField | null)[] | null>(null);
  const [notSame, setNotSame] = useState<number[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  // The preview and the import run as jobs in the services' worker: their live view, and
  // the preview asked for last (an older one still running is cancelled).
  const [view, setView] = useState<JobView | null>(null);
  const asked = useRef<AbortController | null>(null);

  const fieldName = (f: SheetField): string =>
    isIndicatorField(f)
      ? indicatorLabel(lang, f)
      : tf(`field.${f}` as keyof (typeof sheetFieldMessages)['en']);

  const request = (
    over: Partial<{
      kind: SheetKind;
      term: string;
      mapping: (SheetField | null)[] | null;
      unknown: 'create' | 'nearest';
      notSame: number[];
      file: { name: string; content: string } | null;
    }> = {},
  ) => {
    const f = over.file === undefined ? file : over.file;
    if (!f) return null;
    const m = over.mapping === undefined ? mapping : over.mapping;
    const tm = over.term ?? term;
    return {
      kind: over.kind ?? kind,
      fileName: f.name,
      content: f.content,
      lang,
      unknownClusters: over.unknown ?? unknownClusters,
      notSame: over.notSame ?? notSame,
      ...(tm ? { term: tm } : {}),
      ...(m ? { mapping: m } : {}),
    };
  };

  const refresh = async (over: Parameters<typeof request>[0] = {}): Promise<void> => {
    const input = request(over);
    if (!input) return;
    asked.current?.abort();
    const controller = new AbortController();
    asked.current = controller;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const p = await runJob('sheets.preview', input, setView, controller.signal);
      setPreview(p);
      setMapping(p.columns.map((c) => c.field as SheetField | null));
    } catch (e) {
      if (e instanceof JobAbandonedError) return;
      setPreview(null);
      setError(
        e instanceof JobCancelledError
          ? t('import.cancelled')
          : e instanceof ApiError
            ? e.message
            : String(e),
      );
    } finally {
      if (asked.current === controller) {
        setBusy(false);
        setView(null);
      }
    }
  };

  const cancel = (): void => {
    if (view) void call('jobs.cancel', { jobId: view.jobId }).catch(() => undefined);
  };

  const confirm = async (): Promise<void> => {
    const input = request();
    if (!input) return;
    asked.current?.abort();
    asked.current = null;
    setBusy(true);
    setError(undefined);
    try {
      const r = await runJob('sheets.import', input, setView);
      const c = r.preview.counts;
      setDone(
        t('import.done', {
          file: r.preview.fileName,
          counts:
            kind === 'schools'
              ? t('import.countsClusters', { ...c, clusters: c.clustersCreated })
              : t('import.counts', c),
        }),
      );
      setPreview(null);
      setFile(null);
      setMapping(null);
      setNotSame([]);
    } catch (e) {
      setError(
        e instanceof JobCancelledError
          ? t('import.cancelled')
          : e instanceof ApiError
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
      setView(null);
    }
  };

  const terms = options.data?.terms ?? [];
  const canImport =
    preview !== null &&
    preview.rejected.length === 0 &&
    preview.counts.add + preview.counts.update > 0 &&
    !busy;
  return (
    <section className="import-screen">
      <div className="page-head">
        <div>
          <h1>{t('import.title')}</h1>
          <p className="muted">{t('import.subtitle')}</p>
        </div>
      </div>
      <div className="card report-controls">
        <label className="field">
          {t('import.kind')}
          <select
            value={kind}
            data-testid="import-kind"
            onChange={(e) => {
              const k = e.target.value as SheetKind;
              setKind(k);
              setMapping(null);
              void refresh({ kind: k, mapping: null });
            }}
          >
            <option value="schools">{t('import.kind.schools')}</option>
            <option value="indicators">{t('import.kind.indicators')}</option>
          </select>
        </label>
        {kind === 'indicators' ? (
          <label className="field">
            {t('import.term')}
            <select
              value={term}
              data-testid="import-term"
              onChange={(e) => {
                setTerm(e.target.value);
                void refresh({ term: e.target.value });
              }}
            >
              <option value="">{t('import.termFromSheet')}</option>
              {[...new Set([nextTerm(terms[0]), ...terms])].filter(Boolean).map((x) => (
                <option key={x} value={x}>
                  {x}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field">
            {t('import.unknownClusters')}
            <select
              value={unknownClusters}
              data-testid="import-unknown"
              onChange={(e) => {
                const u = e.target.value as 'create' | 'nearest';
                setUnknownClusters(u);
                void refresh({ unknown: u });
              }}
            >
              <option value="create">{t('import.unknown.create')}</option>
              <option value="nearest">{t('import.unknown.nearest')}</option>
            </select>
          </label>
        )}
        <label className="field">
          {t('import.file')}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              if (!chosen) return;
              void base64Of(chosen).then((content) => {
                const f = { name: chosen.name, content };
                setFile(f);
                setMapping(null);
                setNotSame([]);
                void refresh({ file: f, mapping: null, notSame: [] });
              });
            }}
          />
        </label>
        <div className="report-save">
          <button
            className="button primary"
            disabled={!canImport}
            onClick={() => void confirm()}
            data-testid="import-confirm"
          >
            {busy && preview ? t('import.importing') : t('import.confirm')}
          </button>
        </div>
      </div>
      {error && (
        <p className="error-box" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {done && (
        <p className="success" role="status" data-testid="import-done">
          {done}
        </p>
      )}
      {busy && view && <JobProgress view={view} onCancel={cancel} />}
      {busy && !preview && !view && <p className="loading">{t('import.reading')}</p>}
      {preview && (
        <div className="import-preview" data-testid="import-preview">
          <p>
            {t('import.source', {
              file: preview.fileName,
              sheet: preview.sheetName ? t('import.sheetName', { name: preview.sheetName }) : '',
              row: preview.headerRow,
              rows: preview.dataRows,
              encoding: preview.encoding
                ? ` (${preview.encoding.toUpperCase()}, ${t(preview.separator === ';' ? 'import.sep.semicolon' : preview.separator === '\t' ? 'import.sep.tab' : 'import.sep.comma')})`
                : '',
              remembered: preview.remembered ? t('import.remembered') : t('import.guessed'),
            })}
          </p>
          <p className="summary-line" data-testid="import-counts">
            <strong>
              {preview.kind === 'schools'
                ? t('import.countsClusters', { ...preview.counts, clusters: preview.counts.clustersCreated })
                : t('import.counts', preview.counts)}
            </strong>
          </p>
          {preview.rejected.length > 0 && (
            <div className="card import-block" data-testid="import-rejected">
              <h2>{t('import.rejected', { n: preview.rejected.length })}</h2>
              <p className="muted small">{t('import.fixFirst')}</p>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t('import.row')}</th>
                    <th scope="col">{t('import.column')}</th>
                    <th scope="col">{t('import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rejected.slice(0, 200).map((r, i) => (
                    <tr key={i}>
                      <td className="num">{r.row}</td>
                      <td>{r.column ?? t('import.wholeRow')}</td>
                      <td>{r.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="grid two">
            <div className="card import-block">
              <h2>{t('import.mapping')}</h2>
              <table className="data" data-testid="import-mapping">
                <thead>
                  <tr>
                    <th scope="col">{t('import.column')}</th>
                    <th scope="col">{t('import.example')}</th>
                    <th scope="col">{t('import.field')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.columns.map((c, i) => (
                    <tr key={i}>
                      <td>{c.label}</td>
                      <td className="muted">{c.sample}</td>
                      <td>
                        <select
                          aria-label={`${t('import.field')}: ${c.label}`}
                          value={mapping?.[i] ?? ''}
                          data-testid={`import-map-${i}`}
                          onChange={(e) => {
                            const next = [
                              ...(mapping ?? preview.columns.map((x) => x.field as SheetField | null)),
                            ];
                            const f = (e.target.value || null) as SheetField | null;
                            // One column per field: the one chosen last keeps it.
                            for (let j = 0; j < next.length; j++) if (f && next[j] === f) next[j] = null;
                            next[i] = f;
                            setMapping(next);
                            void refresh({ mapping: next });
                          }}
                        >
                          <option value="">{t('import.notImported')}</option>
                          {fieldsOf(preview.kind).map((f) => (
                            <option key={f} value={f}>
                              {fieldName(f)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="stack">
              {preview.matches.length > 0 && (
                <div className="card import-block" data-testid="import-matches">
                  <h2>{t('import.matches')}</h2>
                  <table className="data">
                    <thead>
                      <tr>
                        <th scope="col">{t('import.row')}</th>
                        <th scope="col">{t('import.inSheet')}</th>
                        <th scope="col">{t('import.stored')}</th>
                        <th scope="col">{t('import.same')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.matches.slice(0, 200).map((m) => (
                        <tr key={m.row}>
                          <td className="num">{m.row}</td>
                          <td>{m.sheetName}</td>
                          <td>
                            {m.storedName}{' '}
                            <span className="muted small">
                              ({m.storedCluster}, {t(`import.how.${m.how}`)})
                            </span>
                          </td>
                          <td>
                            <input
                              type="checkbox"
                              checked
                              aria-label={`${t('import.same')}: ${m.sheetName} / ${m.storedName}`}
                              onChange={() => {
                                const next = [...notSame, m.row];
                                setNotSame(next);
                                void refresh({ notSame: next });
                              }}
                            />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {preview.newClusters.length > 0 && (
                <div className="card import-block" data-testid="import-new-clusters">
                  <h2>{t('import.newClusters')}</h2>
                  <ul className="list-plain">
                    {preview.newClusters.map((c) => (
                      <li key={c.name}>
                        {c.name}{' '}
                        <span className="muted small">
                          ({c.schools}; {c.lat.toFixed(3)}, {c.lon.toFixed(3)})
                        </span>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {preview.warnings.length > 0 && (
                <div className="card import-block" data-testid="import-warnings">
                  <h2>{t('import.warnings', { n: preview.warnings.length })}</h2>
                  <ul className="list-plain small">
                    {preview.warnings.slice(0, 100).map((w, i) => (
                      <li key={i}>
                        {t('import.row')} {w.row}
                        {w.column ? ` · ${w.column}` : ''}: {w.message}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}

/** The term after the latest one with data: the one district figures usually arrive for. */
function nextTerm(term: string | undefined): string {
  if (!term) return '';
  const year = Number(term.slice(0, 4));
  const n = Number(term.slice(-1));
  return n === 3 ? `${year + 1}-T1` : `${year}-T${n + 1}`;
}
