import { todayIso } from '../../../shared/today.ts';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { listClusters } from '../clusters/service.ts';
import { defaultPeriod } from './build.ts';
import { termsWithData } from './facts.ts';
import { sharedPrinter } from './pdf.ts';

export const reportHandlers: HandlerMap<OpsOf<'reports'>> = {
  'reports.options': ({ scope = { kind: 'region' }, today = todayIso() }, { store, shell }) => {
    // Outside the app a PDF is printed by Chromium: start it now, while the coach chooses.
    if (!shell.desktop) sharedPrinter().warm();
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
  // Building a report is long work: it runs in the job runner's worker (reports/files.ts,
  // registered in electron/services/jobs/registry.ts), beside any other job.
  'reports.preview': (input, ctx) => ctx.jobs.run('reports.preview', input, ctx),
  'reports.export': (input, ctx) => ctx.jobs.run('reports.export', input, ctx),
  'reports.save': (input, ctx) => ctx.jobs.run('reports.save', input, ctx),
};
