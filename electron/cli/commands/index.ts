import type { Command } from '../command.ts';
import { listCommand } from './list.ts';
import { loadCommand } from './load.ts';
import { reportCommand } from './report.ts';
import { statsCommand } from './stats.ts';

/** Every CLI command; add one import and one entry per command file. */
export const commands: Command[] = [loadCommand, statsCommand, listCommand, reportCommand];
