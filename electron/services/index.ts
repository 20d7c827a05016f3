import { appHandlers } from './app/handlers.ts';
import { backupHandlers } from './backups/handlers.ts';
import { clusterHandlers } from './clusters/handlers.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { figureHandlers } from './figures/handlers.ts';
import { mergeHandlers } from './handlers.ts';
import { mailHandlers } from './mail/handlers.ts';
import { practiceHandlers } from './practices/handlers.ts';
import { recommendHandlers } from './recommend/handlers.ts';
import { regionHandlers } from './region/handlers.ts';
import { mapHandlers } from './map/handlers.ts';
import { memberHandlers } from './members/handlers.ts';
import { removalHandlers } from './removals/handlers.ts';
import { schoolHandlers } from './schools/handlers.ts';
import { reportHandlers } from './reports/handlers.ts';
import { sessionHandlers } from './sessions/handlers.ts';
import { sheetHandlers } from './sheets/handlers.ts';
import { shellHandlers } from './shell/handlers.ts';
import { syncHandlers } from './sync/handlers.ts';

/** Every operation's handler, one map per domain. */
export const handlers = mergeHandlers(
  appHandlers,
  regionHandlers,
  clusterHandlers,
  practiceHandlers,
  reportHandlers,
  syncHandlers,
  mailHandlers,
  recommendHandlers,
  sessionHandlers,
  sheetHandlers,
  shellHandlers,
  jobHandlers,
  backupHandlers,
  removalHandlers,
  schoolHandlers,
  memberHandlers,
  figureHandlers,
  mapHandlers,
);
