import { writeFile } from 'node:fs/promises';
import { languages, type Lang } from '../../../shared/i18n.ts';
import { Term } from '../../../shared/schema/enums.ts';
import { termOf } from '../../../shared/sessions/completion.ts';
import { todayIso } from '../../../shared/today.ts';
import { reportCsv, reportHtml } from '../../services/reports/exports.ts';
import { termReport } from '../../services/reports/termReport.ts';
import { EXIT_OK, parseFlags, required, UsageError, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';

export const reportCommand: Command = {
  name: 'report',
  summary: "Write a term's report for the region as a spreadsheet (CSV) or printable HTML",
  usage: 'pamoja report --db FILE --out FILE [--term 2026-T2] [--format csv|html] [--lang en|sw]',
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      out: { type: 'string' },
      term: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      lang: { type: 'string', default: 'en' },
    });
    const out = required(values.out, 'out');
    const today = todayIso();
    const term = values.term ?? termOf(today);
    if (!Term.safeParse(term).success) throw new UsageError(`--term must look like 2026-T2, got "${term}"`);
    if (values.format !== 'csv' && values.format !== 'html')
      throw new UsageError('--format must be csv or html');
    if (!(languages as readonly string[]).includes(values.lang))
      throw new UsageError('--lang must be en or sw');
    const store = openExistingStore(required(values.db, 'db'));
    try {
      const report = termReport(store, term, today);
      const lang = values.lang as Lang;
      await writeFile(
        out,
        values.format === 'csv' ? reportCsv(report, lang) : reportHtml(report, lang, today),
      );
      io.stdout(`Wrote the ${term} report (${report.rows.length} clusters) to ${out}\n`);
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
