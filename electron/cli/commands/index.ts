import type { Command } from '../command.ts';
import { backupCommand } from './backup.ts';
import { restoreCommand } from './restore.ts';
import { demoCommand } from './demo.ts';
import { digestCommand } from './digest.ts';
import { exportCommand } from './export.ts';
import { importCommand } from './import.ts';
import { importSheetCommand } from './importSheet.ts';
import { inspectCommand } from './inspect.ts';
import { joinCommand } from './join.ts';
import { syncFolderCommand } from './syncFolder.ts';
import { listCommand } from './list.ts';
import { loadCommand } from './load.ts';
import { mailCommand } from './mail.ts';
import { planCommand } from './plan.ts';
import { recommendCommand } from './recommend.ts';
import { reportCommand } from './report.ts';
import { searchCommand } from './search.ts';
import { simulateCommand } from './simulate.ts';
import { statsCommand } from './stats.ts';

/** Every CLI command; add one import and one entry per command file. */
export const commands: Command[] = [
  loadCommand,
  statsCommand,
  listCommand,
  reportCommand,
  planCommand,
  exportCommand,
  importCommand,
  importSheetCommand,
  inspectCommand,
  digestCommand,
  syncFolderCommand,
  joinCommand,
  demoCommand,
  backupCommand,
  restoreCommand,
  simulateCommand,
  recommendCommand,
  mailCommand,
  searchCommand,
];
