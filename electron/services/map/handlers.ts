import type { HandlerMap, OpsOf } from '../handlers.ts';
import { regionMap } from './service.ts';

export const mapHandlers: HandlerMap<OpsOf<'map'>> = {
  'map.region': ({ indicator }, { store }) => regionMap(store, indicator),
};
