import type { HandlerMap, OpsOf } from '../handlers.ts';

export const jobHandlers: HandlerMap<OpsOf<'jobs'>> = {
  'jobs.start': async ({ op, input }, ctx) => ({ jobId: (await ctx.jobs.start(op, input, ctx)).jobId }),
  'jobs.status': ({ jobId }, { jobs }) => jobs.status(jobId),
  'jobs.current': (_input, { jobs }) => jobs.current(),
  'jobs.cancel': ({ jobId }, { jobs }) => ({ cancelled: jobs.cancel(jobId) }),
  'jobs.result': ({ jobId }, { jobs }) => jobs.result(jobId),
};
