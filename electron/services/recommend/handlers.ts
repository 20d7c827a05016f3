import type { HandlerMap, OpsOf } from '../handlers.ts';
import { adopt, clusterAdoptions, giveFeedback, recordOutcome, undoFeedback, whyNot } from './feedback.ts';
import { recommend } from './service.ts';

export const recommendHandlers: HandlerMap<OpsOf<'recommend'>> = {
  'recommend.list': (query, { store }) => recommend(store, query),
  'recommend.feedback': (input, { store }) => giveFeedback(store, input),
  'recommend.undoFeedback': ({ id, on }, { store }) => {
    undoFeedback(store, id, on);
    return { ok: true };
  },
  'recommend.adopt': (input, { store }) => adopt(store, input),
  'recommend.adoptions': ({ clusterId }, { store }) => clusterAdoptions(store, clusterId),
  'recommend.recordOutcome': (input, { store }) => {
    recordOutcome(store, input);
    return { ok: true };
  },
  'recommend.whyNot': ({ practiceIds, clusterId }, { store }) => whyNot(store, practiceIds, clusterId),
};
