import { generateDemo } from '../../demo/generate.ts';
import { parseRegionFileText, loadRegionFile } from '../regionFile/load.ts';
import { termAverages } from '../clusters/service.ts';
import type { HandlerMap, OpsOf } from '../handlers.ts';
import { regionOverview } from './overview.ts';

export const regionHandlers: HandlerMap<OpsOf<'region'>> = {
  'region.overview': ({ today }, { store }) => regionOverview(store, today),
  'region.loadDemo': ({ seed }, { store, progress }) => {
    // generateDemo refuses a store that already holds a region, naming it.
    const summary = generateDemo(store, { seed: seed ?? 1, scale: 'region', progress });
    return { counts: summary.counts };
  },
  'region.loadFile': ({ text }, { store }) => {
    const summary = loadRegionFile(store, parseRegionFileText(text));
    return { counts: summary.counts };
  },
  'region.indicatorTerms': ({ indicator }, { store }) => termAverages(store, indicator, 'all'),
};
