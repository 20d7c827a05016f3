import type { HandlerMap, OpsOf } from '../handlers.ts';
import { listRemovals, previewRemoval, removeRecord, restoreRemoval } from './service.ts';

export const removalHandlers: HandlerMap<OpsOf<'removals'>> = {
  'removals.preview': ({ table, id }, { store }) => previewRemoval(store, table, id),
  'removals.remove': ({ table, id }, { store }) => removeRecord(store, table, id),
  'removals.list': ({ limit, clusterId }, { store }) => listRemovals(store, limit, clusterId),
  'removals.restore': ({ id }, { store }) => restoreRemoval(store, id),
};
