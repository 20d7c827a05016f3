import { randomBytes } from 'node:crypto';
import { keySealer, type Sealer } from '../../electron/services/secrets/sealer.ts';
import { useUnlocker } from '../../electron/services/secrets/vault.ts';

/**
 * Every test process unlocks stores as the app does, with a system sealer, here one whose
 * key lives only in this process (as safeStorage's lives only in this computer account).
 * Tests of what a copied store file yields elsewhere call `forgetUnlocker()` first.
 */
const inMemory = keySealer(randomBytes(32), 'pamoja-test-system-sealer');
export const testSystemSealer: Sealer = { ...inMemory, kind: 'system' };
useUnlocker({ system: testSystemSealer });
