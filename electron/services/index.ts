import { mergeHandlers } from './handlers.ts';

/** Every operation's handler, one map per domain. */
export const handlers = mergeHandlers();
