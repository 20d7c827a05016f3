import { termOf } from '../../../shared/sessions/completion.ts';
import { todayIso } from '../../../shared/today.ts';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { reportCsv, reportHtml } from './exports.ts';
import { termReport } from './termReport.ts';

export const reportHandlers: HandlerMap<OpsOf<'reports'>> = {
  'reports.term': ({ term, today = todayIso() }, { store }) =>
    termReport(store, term ?? termOf(today), today),
  'reports.export': ({ term, format, lang, today = todayIso() }, { store }) => {
    const report = termReport(store, term, today);
    const base = `pamoja-report-${term}`;
    return format === 'csv'
      ? { fileName: `${base}.csv`, mimeType: 'text/csv', content: reportCsv(report, lang) }
      : { fileName: `${base}.html`, mimeType: 'text/html', content: reportHtml(report, lang, today) };
  },
};
