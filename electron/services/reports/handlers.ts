import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { periodSlug } from '../../../shared/reports/period.ts';
import { todayIso } from '../../../shared/today.ts';
import { writeFileAtomic } from '../sync/atomicWrite.ts';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { listClusters } from '../clusters/service.ts';
import { buildFigures, buildReportFile, defaultPeriod } from './build.ts';
import { termsWithData } from './facts.ts';
import { reportHtml } from './html.ts';

/** Where reports go when no file was chosen: beside the store, in a Reports folder. */
export const reportsFolder = (dataDir: string): string => join(dataDir, 'Reports');

export const reportHandlers: HandlerMap<OpsOf<'reports'>> = {
  'reports.options': ({ scope = { kind: 'region' }, today = todayIso() }, { store }) => {
    const coaches = store.statements
      .get("SELECT DISTINCT coach_name AS coach FROM clusters WHERE trim(coach_name) <> '' ORDER BY 1")
      .all() as { coach: string }[];
    return {
      clusters: listClusters(store).map((c) => ({ id: c.id, name: c.name })),
      coaches: coaches.map((c) => c.coach),
      terms: termsWithData(store),
      period: defaultPeriod(store, scope, today),
    };
  },
  'reports.preview': ({ scope, period, lang, today = todayIso() }, { store }) => {
    const resolved = period ?? defaultPeriod(store, scope, today);
    const figures = buildFigures(store, scope, resolved, lang, { today });
    return {
      title: figures.title,
      html: reportHtml(figures),
      period: resolved,
      fileBase: `pamoja-report-${periodSlug(resolved)}`,
    };
  },
  'reports.export': async ({ scope, period, lang, format, today = todayIso() }, { store }) => {
    const file = await buildReportFile(store, { scope, period, lang, format }, { today });
    const text = format === 'html' || format === 'csv';
    return {
      fileName: file.fileName,
      mimeType: file.mimeType,
      encoding: text ? ('utf8' as const) : ('base64' as const),
      content: file.bytes.toString(text ? 'utf8' : 'base64'),
    };
  },
  'reports.save': async ({ scope, period, lang, format, path: chosen, today = todayIso() }, ctx) => {
    const target = chosen === undefined ? undefined : ctx.files.resolve(chosen, 'write');
    const file = await buildReportFile(ctx.store, { scope, period, lang, format }, { today });
    const folder = reportsFolder(ctx.dataDir);
    if (!target) mkdirSync(folder, { recursive: true });
    const path = target ?? join(folder, file.fileName);
    await writeFileAtomic(path, file.bytes);
    return { path, fileName: file.fileName, bytes: file.bytes.length };
  },
};
