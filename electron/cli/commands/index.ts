import type { Command } from '../command.ts';

/** Every CLI command; add one import and one entry per command file. */
export const commands: Command[] = [];
