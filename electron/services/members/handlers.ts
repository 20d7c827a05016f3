import type { HandlerMap, OpsOf } from '../handlers.ts';
import { addMember, leaveCop, rejoinCop, updateMember } from './service.ts';

export const memberHandlers: HandlerMap<OpsOf<'members'>> = {
  'members.add': ({ clusterId, ...fields }, { store }) => addMember(store, clusterId, fields),
  'members.update': ({ id, fields }, { store }) => updateMember(store, id, fields),
  'members.leave': ({ id, leftOn }, { store }) => leaveCop(store, id, leftOn),
  'members.rejoin': ({ id }, { store }) => rejoinCop(store, id),
};
