import { parseArgs, type ParseArgsConfig } from 'node:util';
import { PamojaError } from '../../shared/errors.ts';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Asks for a secret on the terminal (no echo); undefined when there is no terminal. */
  promptSecret?: (question: string) => Promise<string>;
  /** Reports progress of long work on stderr. */
  progress: (done: number, total: number, label?: string) => void;
}

export interface Command {
  name: string;
  /** One line for `pamoja help`. */
  summary: string;
  /** The usage line(s), e.g. `pamoja stats --db FILE --json`. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number> | number;
}

/** Wrong flags or arguments: exit code 2 with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** node:util parseArgs, with its errors turned into UsageError. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** A required string flag, or a usage error naming it. */
export function required(value: string | boolean | undefined | (string | boolean)[], flag: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`missing --${flag}`);
  return value;
}

/** A whole-number flag, or a usage error. */
export function intFlag(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${flag} must be a whole number, got "${value}"`);
  return Number(value);
}

/** The passphrase from PAMOJA_PASSPHRASE or a prompt; never from the command line. */
export async function readPassphrase(io: CliIo): Promise<string> {
  const fromEnv = io.env.PAMOJA_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (io.promptSecret) return io.promptSecret('Region passphrase: ');
  throw new PamojaError('invalid', 'No passphrase: set PAMOJA_PASSPHRASE or run in a terminal to be asked.');
}
