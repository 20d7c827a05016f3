import type { HandlerMap, OpsOf } from '../handlers.ts';
import { getSession, listSessions } from './detail.ts';
import { clearDraft, getDraft, saveDraft } from './drafts.ts';
import { clusterFollowUp, regionFollowUp } from './followup.ts';
import { cancelSession, draftPlan, savePlan } from './plan.ts';
import { recommendedPractices } from './practices.ts';
import { sessionHandout } from './print.ts';
import { saveRecord } from './record.ts';

export const sessionHandlers: HandlerMap<OpsOf<'sessions'>> = {
  'sessions.list': (input, { store }) => listSessions(store, input),
  'sessions.get': ({ id }, { store }) => getSession(store, id),
  'sessions.draftPlan': (input, { store }) => draftPlan(store, input, recommendedPractices),
  'sessions.savePlan': (plan, { store }) => savePlan(store, plan),
  'sessions.cancel': ({ id }, { store }) => cancelSession(store, id),
  'sessions.saveRecord': (record, { store }) => saveRecord(store, record),
  'sessions.getDraft': (key, { store }) => getDraft(store, key),
  'sessions.saveDraft': ({ key, data }, { store }) => saveDraft(store, key, data),
  'sessions.clearDraft': (key, { store }) => clearDraft(store, key),
  'sessions.handout': ({ id, lang }, { store }) => sessionHandout(store, id, lang),
  'sessions.followUp': ({ clusterId, by, today }, { store }) => clusterFollowUp(store, clusterId, by, today),
  'sessions.regionFollowUp': ({ by, today }, { store }) => regionFollowUp(store, by, today),
};
