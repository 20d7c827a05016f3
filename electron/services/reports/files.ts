import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Contract } from '../../../shared/contract/index.ts';
import { periodSlug } from '../../../shared/reports/period.ts';
import { todayIso } from '../../../shared/today.ts';
import type { Store } from '../../db/store.ts';
import { JobCancelled, type JobHooks } from '../jobs/hooks.ts';
import { writeFileAtomic } from '../sync/atomicWrite.ts';
import { buildFigures, buildReportFile, defaultPeriod } from './build.ts';
import { reportHtml } from './html.ts';

/**
 * The Reports screen's three long operations, as the job runner's worker runs them
 * (electron/services/jobs/registry.ts): they read the store and write no row of it.
 */
type In<K extends keyof Contract> = z.output<Contract[K]['input']>;
type Out<K extends keyof Contract> = z.input<Contract[K]['output']>;

/** Where reports go when no file was chosen: beside the store, in a Reports folder. */
export const reportsFolder = (dataDir: string): string => join(dataDir, 'Reports');

export function previewReport(
  store: Store,
  { scope, period, lang, today = todayIso() }: In<'reports.preview'>,
  hooks: JobHooks,
): Out<'reports.preview'> {
  hooks.progress({ phase: 'figures', done: 0, total: 1 });
  const resolved = period ?? defaultPeriod(store, scope, today);
  const figures = buildFigures(store, scope, resolved, lang, { today });
  if (hooks.cancelled()) throw new JobCancelled();
  hooks.progress({ phase: 'figures', done: 1, total: 1 });
  return {
    title: figures.title,
    html: reportHtml(figures),
    period: resolved,
    fileBase: `pamoja-report-${periodSlug(resolved)}`,
  };
}

export async function exportReport(
  store: Store,
  { scope, period, lang, format, today = todayIso() }: In<'reports.export'>,
  hooks: JobHooks,
  env: { printPdf?: (html: string, footer: string) => Promise<Buffer> } = {},
): Promise<Out<'reports.export'>> {
  const options = { today, ...(env.printPdf ? { printPdf: env.printPdf } : {}) };
  const file = await buildReportFile(store, { scope, period, lang, format }, options, hooks);
  const text = format === 'html' || format === 'csv';
  return {
    fileName: file.fileName,
    mimeType: file.mimeType,
    encoding: text ? 'utf8' : 'base64',
    content: file.bytes.toString(text ? 'utf8' : 'base64'),
  };
}

/** `path` is already a real path (resolved on the transport's thread), or absent: the Reports folder. */
export async function saveReport(
  store: Store,
  { scope, period, lang, format, path: target, today = todayIso() }: In<'reports.save'>,
  hooks: JobHooks,
  env: { dataDir: string; printPdf?: (html: string, footer: string) => Promise<Buffer> },
): Promise<Out<'reports.save'>> {
  const options = { today, ...(env.printPdf ? { printPdf: env.printPdf } : {}) };
  const file = await buildReportFile(store, { scope, period, lang, format }, options, hooks);
  if (hooks.cancelled()) throw new JobCancelled();
  const folder = reportsFolder(env.dataDir);
  if (!target) mkdirSync(folder, { recursive: true });
  const path = target ?? join(folder, file.fileName);
  await writeFileAtomic(path, file.bytes);
  return { path, fileName: file.fileName, bytes: file.bytes.length };
}
