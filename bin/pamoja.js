#!/usr/bin/env node
// The `pamoja` command. Node >= 22.12 runs the TypeScript sources directly (type stripping).
import { processIo, runCli } from '../electron/cli/main.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
