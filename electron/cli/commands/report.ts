import { resolve } from 'node:path';
import { languages, type Lang } from '../../../shared/i18n.ts';
import {
  reportFormats,
  type ReportFormat,
  type ReportPeriod,
  type ReportScope,
} from '../../../shared/reports/period.ts';
import { IsoDate, Term } from '../../../shared/schema/enums.ts';
import { todayIso } from '../../../shared/today.ts';
import { ChromiumPrinter } from '../../services/reports/chromium.ts';
import { findBrowser } from '../../services/reports/pdf.ts';
import { runCliJob } from '../jobs.ts';
import { EXIT_OK, parseFlags, required, UsageError, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';

const USAGE =
  'pamoja report --db FILE [--term T | --from YYYY-MM-DD --to YYYY-MM-DD] [--cluster ID | --coach NAME]\n' +
  '              --format html|pdf|xlsx|csv [--lang en|sw] --out PATH [--browser PATH]';

function period(values: { term?: string; from?: string; to?: string }): ReportPeriod | undefined {
  if (values.term !== undefined) {
    if (values.from !== undefined || values.to !== undefined)
      throw new UsageError('give either --term or --from and --to, not both');
    if (!Term.safeParse(values.term).success)
      throw new UsageError(`--term must look like 2026-T2, got "${values.term}"`);
    return { kind: 'term', term: values.term };
  }
  if (values.from === undefined && values.to === undefined) return undefined;
  if (values.from === undefined || values.to === undefined)
    throw new UsageError('--from and --to go together');
  for (const [flag, v] of [
    ['from', values.from],
    ['to', values.to],
  ] as const) {
    if (!IsoDate.safeParse(v).success)
      throw new UsageError(`--${flag} must be a date like 2026-05-01, got "${v}"`);
  }
  if (values.from > values.to) throw new UsageError(`--from (${values.from}) is after --to (${values.to})`);
  return { kind: 'range', from: values.from, to: values.to };
}

function scope(values: { cluster?: string; coach?: string }): ReportScope {
  if (values.cluster !== undefined && values.coach !== undefined)
    throw new UsageError('give either --cluster or --coach, not both');
  if (values.cluster !== undefined) return { kind: 'cluster', clusterId: values.cluster };
  if (values.coach !== undefined) {
    if (!values.coach.trim()) throw new UsageError('--coach needs a name');
    return { kind: 'coach', coach: values.coach };
  }
  return { kind: 'region' };
}

export const reportCommand: Command = {
  name: 'report',
  summary: "Write a report for the region, a CoP or a coach's CoPs: printable HTML, PDF, Excel (XLSX) or CSV",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      out: { type: 'string' },
      term: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      cluster: { type: 'string' },
      coach: { type: 'string' },
      format: { type: 'string', default: 'csv' },
      lang: { type: 'string', default: 'en' },
      browser: { type: 'string' },
    });
    const out = required(values.out, 'out');
    if (!(reportFormats as readonly string[]).includes(values.format))
      throw new UsageError('--format must be html, pdf, xlsx or csv');
    if (!(languages as readonly string[]).includes(values.lang))
      throw new UsageError('--lang must be en or sw');
    const request = {
      scope: scope(values),
      period: period(values),
      format: values.format as ReportFormat,
      lang: values.lang as Lang,
    };
    const db = required(values.db, 'db');
    openExistingStore(db).close(); // a mistyped --db is said, not made into an empty store
    // A browser named here is checked before the worker starts: a clear message, no job.
    const named = values.browser === undefined ? undefined : findBrowser(values.browser);
    const printer = new ChromiumPrinter(() => named ?? findBrowser(), 0);
    const saved = await runCliJob(
      db,
      'reports.save',
      { ...request, path: resolve(out), today: todayIso() },
      io,
      { printer },
    ).finally(() => printer.close());
    io.stdout(`Wrote the report (${request.format.toUpperCase()}, ${saved.bytes} bytes) to ${out}\n`);
    return EXIT_OK;
  },
};
