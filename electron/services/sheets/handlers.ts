import type { HandlerMap, OpsOf } from '../handlers.ts';

// Both run in the job runner's worker (electron/services/jobs/registry.ts); the import
// takes a snapshot of the store first, like every import.
export const sheetHandlers: HandlerMap<OpsOf<'sheets'>> = {
  'sheets.preview': (input, ctx) => ctx.jobs.run('sheets.preview', input, ctx),
  'sheets.import': (input, ctx) => ctx.jobs.run('sheets.import', input, ctx),
};
