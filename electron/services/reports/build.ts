import { translator, type Lang } from '../../../shared/i18n.ts';
import { reportFigures, type ReportFigures } from '../../../shared/reports/figures.ts';
import { reportMessages } from '../../../shared/reports/messages.ts';
import {
  periodSlug,
  type ReportFormat,
  type ReportPeriod,
  type ReportScope,
} from '../../../shared/reports/period.ts';
import { termOf } from '../../../shared/sessions/completion.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';
import { JobCancelled, noHooks, type JobHooks } from '../jobs/hooks.ts';
import { reportCsv } from './csv.ts';
import { latestTermWithData, reportFacts } from './facts.ts';
import { reportHtml } from './html.ts';
import { findBrowser, htmlToPdf, pdfFooter } from './pdf.ts';
import { reportXlsx } from './xlsx.ts';

export interface ReportRequest {
  scope: ReportScope;
  /** Without one, the latest term with data for the scope. */
  period?: ReportPeriod;
  format: ReportFormat;
  lang: Lang;
}

export interface ReportFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

export interface BuildOptions {
  today?: string;
  /** When the report is made (its provenance); now by default. */
  madeAt?: string;
  /** How to print HTML to PDF: the shell passes Electron's printToPDF, others a headless Chromium. */
  printPdf?: (html: string, footer: string) => Promise<Buffer>;
  /** The browser for the headless Chromium printer (`--browser`). */
  browser?: string;
}

/** The period a report opens on: the latest term with data for its scope. */
export function defaultPeriod(store: Store, scope: ReportScope, today = todayIso()): ReportPeriod {
  return { kind: 'term', term: latestTermWithData(store, scope) ?? termOf(today) };
}

/** A report's figures for a scope and period (for the screen's preview and every file). */
export function buildFigures(
  store: Store,
  scope: ReportScope,
  period: ReportPeriod | undefined,
  lang: Lang,
  options: BuildOptions = {},
): ReportFigures {
  const today = options.today ?? todayIso();
  const facts = reportFacts(
    store,
    scope,
    period ?? defaultPeriod(store, scope, today),
    today,
    options.madeAt ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  );
  return reportFigures(facts, lang);
}

const MIME: Record<ReportFormat, string> = {
  html: 'text/html',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
};

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'report'
  );
}

/**
 * The one way to make a report file from (scope, period, format, language): the Reports
 * screen, the CLI and the outbox all call this.
 */
export async function buildReportFile(
  store: Store,
  request: ReportRequest,
  options: BuildOptions = {},
  job: JobHooks = noHooks,
): Promise<ReportFile> {
  job.progress({ phase: 'figures', done: 0, total: 2 });
  const period = request.period ?? defaultPeriod(store, request.scope, options.today);
  const figures = buildFigures(store, request.scope, period, request.lang, options);
  if (job.cancelled()) throw new JobCancelled();
  job.progress({ phase: request.format, done: 1, total: 2 });
  const scopeSlug = request.scope.kind === 'coach' ? `coach-${slug(figures.scope)}` : slug(figures.scope);
  const fileName = `pamoja-report-${scopeSlug}-${periodSlug(period)}.${request.format}`;
  const bytes = await render(figures, request.format, options);
  job.progress({ phase: request.format, done: 2, total: 2 });
  return { fileName, mimeType: MIME[request.format], bytes };
}

async function render(figures: ReportFigures, format: ReportFormat, options: BuildOptions): Promise<Buffer> {
  switch (format) {
    case 'html':
      return Buffer.from(reportHtml(figures), 'utf8');
    case 'csv':
      return Buffer.from(reportCsv(figures), 'utf8');
    case 'xlsx':
      return reportXlsx(figures);
    case 'pdf': {
      const t = translator(reportMessages, figures.lang);
      const footer = pdfFooter(figures.title, t('report.page'), t('report.of'));
      const html = reportHtml(figures);
      if (options.printPdf) return options.printPdf(html, footer);
      return htmlToPdf(html, footer, findBrowser(options.browser));
    }
  }
}
