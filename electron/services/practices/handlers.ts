import type { HandlerMap, OpsOf } from '../handlers.ts';
import { getPractice } from './detail.ts';
import { addEvidence } from './evidence.ts';
import { writeUpFromSession } from './fromSession.ts';
import { mergePractices } from './merge.ts';
import { searchPractices } from './search.ts';
import { createPractice, updatePractice } from './writeUp.ts';

export const practiceHandlers: HandlerMap<OpsOf<'practices'>> = {
  'practices.search': (filters, { store }) => searchPractices(store, filters),
  'practices.get': ({ id }, { store }) => getPractice(store, id),
  'practices.create': (writeUp, { store }) => createPractice(store, writeUp),
  'practices.update': ({ id, writeUp }, { store }) => updatePractice(store, id, writeUp),
  'practices.fromSession': ({ sessionId }, { store }) => writeUpFromSession(store, sessionId),
  'practices.addEvidence': (evidence, { store }) => addEvidence(store, evidence),
  'practices.merge': ({ keepId, mergeId, today }, { store }) => mergePractices(store, keepId, mergeId, today),
};
