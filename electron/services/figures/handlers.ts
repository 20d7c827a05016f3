import type { HandlerMap, OpsOf } from '../handlers.ts';
import { saveTermFigures } from './save.ts';
import { getTermFigures } from './termFigures.ts';

export const figureHandlers: HandlerMap<OpsOf<'figures'>> = {
  'figures.get': ({ clusterId, term }, { store }) => getTermFigures(store, clusterId, term),
  'figures.save': (input, { store }) => saveTermFigures(store, input),
};
