import type { HandlerMap, OpsOf } from '../handlers.ts';
import {
  addNeighbour,
  createCluster,
  nearestClusters,
  removeNeighbour,
  setCriteria,
  setPriorities,
  updateCluster,
} from './edit.ts';
import { clusterTrend, getCluster, listClusters } from './service.ts';

export const clusterHandlers: HandlerMap<OpsOf<'clusters'>> = {
  'clusters.list': (_input, { store }) => listClusters(store),
  'clusters.get': ({ id, today }, { store }) => getCluster(store, id, today),
  'clusters.trend': ({ id, indicator }, { store }) => clusterTrend(store, id, indicator),
  'clusters.create': (fields, { store }) => createCluster(store, fields),
  'clusters.update': ({ id, fields }, { store }) => updateCluster(store, id, fields),
  'clusters.nearest': ({ id, limit }, { store }) => nearestClusters(store, id, limit),
  'clusters.addNeighbour': ({ id, neighbourId }, { store }) => addNeighbour(store, id, neighbourId),
  'clusters.removeNeighbour': ({ id, neighbourId }, { store }) => removeNeighbour(store, id, neighbourId),
  'clusters.setCriteria': ({ id, criteria }, { store }) => setCriteria(store, id, criteria),
  'clusters.setPriorities': ({ id, priorities }, { store }) => setPriorities(store, id, priorities),
};
