import type { HandlerMap, OpsOf } from '../handlers.ts';
import { getPractice } from './detail.ts';
import { searchPractices } from './search.ts';

export const practiceHandlers: HandlerMap<OpsOf<'practices'>> = {
  'practices.search': (filters, { store }) => searchPractices(store, filters),
  'practices.get': ({ id }, { store }) => getPractice(store, id),
};
