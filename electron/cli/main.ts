import { PamojaError } from '../../shared/errors.ts';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './command.ts';
import { commands } from './commands/index.ts';
import { promptSecret } from './terminal.ts';
import { useUnlocker } from '../services/secrets/vault.ts';

function helpText(all: Command[]): string {
  const width = Math.max(...all.map((c) => c.name.length), 4);
  return [
    'Pamoja — offline toolkit for Communities of Practice',
    '',
    'Usage: pamoja <command> [options]',
    '',
    ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `pamoja help <command>` for a command's options.",
    'Exit codes: 0 ok, 1 bad input, 2 usage.',
    '',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code. */
export async function runCli(argv: string[], io: CliIo, all: Command[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const which = all.find((c) => c.name === rest[0]);
    io.stdout(which ? `${which.summary}\n\nUsage:\n  ${which.usage}\n` : helpText(all));
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = all.find((c) => c.name === name);
  if (!command) {
    io.stderr(`pamoja: unknown command "${name}"\n\n${helpText(all)}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage:\n  ${command.usage}\n`);
    return EXIT_OK;
  }
  // The passphrase that unlocks stores' sealed secrets, when set (a prompt asks otherwise).
  if (io.env.PAMOJA_PASSPHRASE) useUnlocker({ passphrase: io.env.PAMOJA_PASSPHRASE });
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`pamoja ${name}: ${e.message}\nUsage:\n  ${command.usage}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof PamojaError) {
      io.stderr(`pamoja ${name}: ${e.message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`pamoja ${name}: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT_BAD_INPUT;
  }
}

/** The process's real terminal. */
export function processIo(): CliIo {
  let lastProgress = 0;
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    promptSecret: process.stdin.isTTY ? promptSecret : undefined,
    progress: (done, total, label) => {
      const now = Date.now();
      if (!process.stderr.isTTY || (now - lastProgress < 200 && done < total)) return;
      lastProgress = now;
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      process.stderr.write(`\r${label ?? 'working'}: ${pct}%${done >= total ? '\n' : ''}`);
    },
  };
}
