import { useUnlocker } from '../../electron/services/secrets/vault.ts';

/** Benchmarks seal their stores' secrets as the CLI does: with a passphrase (PAMOJA_PASSPHRASE or this one). */
useUnlocker({ passphrase: process.env.PAMOJA_PASSPHRASE ?? 'bench stores only, never a region' });
