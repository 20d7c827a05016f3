import type { HandlerMap, OpsOf } from '../handlers.ts';
import { clusterTrend, getCluster, listClusters } from './service.ts';

export const clusterHandlers: HandlerMap<OpsOf<'clusters'>> = {
  'clusters.list': (_input, { store }) => listClusters(store),
  'clusters.get': ({ id, today }, { store }) => getCluster(store, id, today),
  'clusters.trend': ({ id, indicator }, { store }) => clusterTrend(store, id, indicator),
};
