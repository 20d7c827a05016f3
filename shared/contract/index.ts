import type { z } from 'zod';
import { appOps } from './app.ts';
import { backupsOps } from './backups.ts';
import { jobsOps } from './jobs.ts';
import { clusterOps } from './clusters.ts';
import { mergeOperations } from './define.ts';
import { figureOps } from './figures.ts';
import { mailOps } from './mail.ts';
import { mapOps } from './map.ts';
import { practiceOps } from './practices.ts';
import { recommendOps } from './recommend.ts';
import { regionOps } from './region.ts';
import { removalOps } from './removals.ts';
import { clusterEditOps, memberOps, schoolOps } from './regionEdits.ts';
import { reportOps } from './reports.ts';
import { sessionOps } from './sessions.ts';
import { sheetOps } from './sheets.ts';
import { shellOps } from './shell.ts';
import { syncOps } from './sync.ts';

/**
 * The one contract between the UI and the services: every operation the renderer may
 * call, by name, with zod schemas for its input and output. The Electron IPC handler,
 * the local HTTP server and the renderer's client are all typed from it, and every
 * input is validated against it before a service sees it.
 *
 * Each domain keeps its operations in its own file (`shared/contract/<domain>.ts`,
 * names prefixed `<domain>.`); add the map here.
 */
export const contract = mergeOperations(
  appOps,
  regionOps,
  clusterOps,
  practiceOps,
  reportOps,
  syncOps,
  mailOps,
  recommendOps,
  sessionOps,
  sheetOps,
  shellOps,
  jobsOps,
  backupsOps,
  removalOps,
  clusterEditOps,
  schoolOps,
  memberOps,
  figureOps,
  mapOps,
);

export type Contract = typeof contract;
export type OpName = keyof Contract & string;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;
