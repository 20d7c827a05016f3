import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PamojaError } from '../../../shared/errors.ts';

/**
 * Seals small secrets at rest. Synchronous on purpose: Electron's safeStorage and scrypt
 * both are, so the services that need a key (signing, opening bundles) stay synchronous.
 * Mail's `PasswordSealer` (electron/services/mail/settings.ts) is satisfied by any Sealer.
 */
export interface Sealer {
  /** 'system': sealed by the operating system for this computer account (safeStorage); 'key': by a key held in memory. */
  readonly kind: 'system' | 'key';
  seal(bytes: Uint8Array): Uint8Array;
  /** null: these bytes were not sealed here (another account, machine or key), or were altered. */
  open(bytes: Uint8Array): Uint8Array | null;
}

/** The part of Electron's `safeStorage` the sealer uses; main.ts hands it over (the one importer of electron). */
export interface SafeStoragePort {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/**
 * Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). null when the system offers
 * no encryption, or only Chromium's fixed "basic_text" key on Linux, which protects nothing.
 */
export function systemSealer(
  safeStorage: SafeStoragePort & { getSelectedStorageBackend?: () => string },
): Sealer | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    kind: 'system',
    // safeStorage seals strings; base64 carries any bytes through it unchanged.
    seal: (bytes) => safeStorage.encryptString(Buffer.from(bytes).toString('base64')),
    open(bytes) {
      try {
        return Buffer.from(safeStorage.decryptString(Buffer.from(bytes)), 'base64');
      } catch {
        return null;
      }
    },
  };
}

const NONCE = 12;
const TAG = 16;

/** AES-256-GCM under a 32-byte key; `label` is bound in (AAD) so a sealed value cannot pass for another. */
export function keySealer(key: Uint8Array, label = 'pamoja-sealed-v1'): Sealer {
  if (key.length !== 32) throw new PamojaError('internal', 'A sealing key is 32 bytes.');
  const aad = Buffer.from(label, 'utf8');
  return {
    kind: 'key',
    seal(bytes) {
      const nonce = randomBytes(NONCE);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(aad);
      return Buffer.concat([nonce, cipher.update(bytes), cipher.final(), cipher.getAuthTag()]);
    },
    open(bytes) {
      if (bytes.length < NONCE + TAG) return null;
      const b = Buffer.from(bytes);
      const decipher = createDecipheriv('aes-256-gcm', key, b.subarray(0, NONCE));
      decipher.setAAD(aad);
      decipher.setAuthTag(b.subarray(b.length - TAG));
      try {
        return Buffer.concat([decipher.update(b.subarray(NONCE, b.length - TAG)), decipher.final()]);
      } catch {
        return null;
      }
    },
  };
}
