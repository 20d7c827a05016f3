import { EXIT_OK, parseFlags, UsageError, type Command } from '../command.ts';
import { inspectBundleFile } from '../../services/sync/bundleFile.ts';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: "Show a bundle's public header (no passphrase needed)",
  usage: 'pamoja inspect BUNDLE [--json]',
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } }, true);
    if (positionals.length !== 1) throw new UsageError('name one bundle file');
    const h = await inspectBundleFile(positionals[0]!);
    if (values.json) {
      io.stdout(`${JSON.stringify(h, null, 2)}\n`);
      return EXIT_OK;
    }
    const rows: [string, string | undefined][] = [
      // Names (the region's, the sender's, a selective bundle's clusters) are inside the encrypted part.
      ['region', h.regionId],
      ['from', h.senderDevice],
      ['made', h.createdAt],
      ['kind', h.kind],
      ['for', h.forDevice],
      ['format', String(h.version)],
    ];
    for (const [k, v] of rows) if (v !== undefined) io.stdout(`${k.padEnd(7)} ${v}\n`);
    return EXIT_OK;
  },
};
