import type { HandlerMap, OpsOf } from '../handlers.ts';
import { addSchool, closeSchool, moveSchool, reopenSchool, schoolHistory, updateSchool } from './service.ts';

export const schoolHandlers: HandlerMap<OpsOf<'schools'>> = {
  'schools.add': ({ clusterId, ...fields }, { store }) => addSchool(store, clusterId, fields),
  'schools.update': ({ id, fields }, { store }) => updateSchool(store, id, fields),
  'schools.move': ({ id, clusterId, withMembers }, { store }) =>
    moveSchool(store, id, clusterId, withMembers),
  'schools.close': ({ id, closedOn, reason }, { store }) => closeSchool(store, id, closedOn, reason),
  'schools.reopen': ({ id }, { store }) => reopenSchool(store, id),
  'schools.history': ({ id }, { store }) => schoolHistory(store, id),
};
