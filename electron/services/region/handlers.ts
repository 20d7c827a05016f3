import { termAverages } from '../clusters/service.ts';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { regionOverview } from './overview.ts';

export const regionHandlers: HandlerMap<OpsOf<'region'>> = {
  'region.overview': ({ today }, { store }) => regionOverview(store, today),
  // Long work runs in the job runner's worker (electron/services/jobs/registry.ts).
  'region.loadDemo': (input, ctx) => ctx.jobs.run('region.loadDemo', input, ctx),
  'region.loadFile': (input, ctx) => ctx.jobs.run('region.loadFile', input, ctx),
  'region.indicatorTerms': ({ indicator }, { store }) => termAverages(store, indicator, 'all'),
};
