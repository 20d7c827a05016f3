import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { handlers } from '../../electron/services/index.ts';
import { BundleError } from '../../electron/services/sync/bundleError.ts';
import { refusalText } from '../../renderer/i18n/refusals.ts';
import { bundleRefusals, readRefusal, type BundleRefusalNames } from '../../shared/sync/refusals.ts';
import { tempDir, tempStore } from './helpers.ts';

const names: BundleRefusalNames = {
  regionName: 'Kilifi',
  senderName: 'Amina’s laptop',
  authorName: 'Baraka’s laptop',
  version: 3,
  limit: 'more than 65536 spans',
};

describe('bundle refusals reach the page with their reason, worded in the coach’s language', () => {
  it('every refusal travels in the error’s shape and reads back with its names', () => {
    for (const why of bundleRefusals) {
      const shape = new BundleError(why, 'where the reader stopped', names).toShape();
      expect(shape.reason).toBe(`bundle_${why}`);
      expect(readRefusal(shape.reason, shape.detail)).toEqual({ why, names });
      // The page's English is the service's own message, word for word.
      expect(refusalText(shape.reason, shape.detail, 'en')).toBe(shape.message);
      const sw = refusalText(shape.reason, shape.detail, 'sw')!;
      expect(sw).not.toBe(shape.message);
      expect(sw).toMatch(/kifurushi|faili|nenosiri/i);
    }
  });

  it('names the laptop a forged change pretends to be, in Kiswahili, or says “another laptop”', () => {
    const forged = new BundleError('forged', 'span fails', { authorName: 'Baraka’s laptop' }).toShape();
    expect(refusalText(forged.reason, forged.detail, 'sw')).toBe(
      'Kifurushi hiki kina mabadiliko yanayodai kutoka kwa Baraka’s laptop lakini hayajatiwa sahihi na kompyuta hiyo. Hakuna kilichopokelewa.',
    );
    const anonymous = new BundleError('forged', 'span fails').toShape();
    expect(refusalText(anonymous.reason, anonymous.detail, 'en')).toContain(
      'claim to come from another laptop',
    );
    expect(refusalText(anonymous.reason, anonymous.detail, 'sw')).toContain('kutoka kwa kompyuta nyingine');
  });

  it('leaves other errors, unknown reasons and garbled names alone', () => {
    expect(readRefusal('folder_missing', '/media/usb')).toBeNull();
    expect(readRefusal('bundle_exploded', '{}')).toBeNull();
    expect(readRefusal('bundle_damaged', '{not json')).toBeNull();
    expect(readRefusal('bundle_damaged', '"a string"')).toBeNull();
    expect(readRefusal(undefined, undefined)).toBeNull();
    // Names of the wrong type are dropped, not shown.
    expect(readRefusal('bundle_other_region', JSON.stringify({ regionName: 7 }))).toEqual({
      why: 'other_region',
      names: {},
    });
  });

  it('a file that is not a bundle is refused through the contract with its reason', async () => {
    const store = tempStore();
    const dir = tempDir();
    const file = join(dir, 'notes.pamoja');
    writeFileSync(file, 'not a bundle\n');
    const ctx = createContext(store, dir, 'http');
    const r = await dispatch(handlers, ctx, 'sync.inspect', { path: file });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.reason).toBe('bundle_not_bundle');
    expect(refusalText(r.error.reason, r.error.detail, 'sw')).toBe('Faili hii si kifurushi cha Pamoja.');
    store.close();
  });
});
