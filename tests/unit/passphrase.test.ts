import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command.ts';
import { runCli } from '../../electron/cli/main.ts';
import { openStore } from '../../electron/db/store.ts';
import { createContext } from '../../electron/services/context.ts';
import { dispatch } from '../../electron/services/dispatch.ts';
import { handlers } from '../../electron/services/index.ts';
import { passphraseWeakness } from '../../electron/services/secrets/strength.ts';
import { currentRegion, joinRegion, writeInvitation } from '../../electron/services/sync/identity.ts';
import {
  generatePassphrase,
  GENERATED_WORDS,
  passphraseBits,
  PASSPHRASE_WORDS,
} from '../../shared/passphrase/generate.ts';
import { weaknesses, weaknessMessage } from '../../shared/passphrase/strength.ts';
import { languages } from '../../shared/i18n.ts';
import { tempDir, tempStore } from './helpers.ts';
import { seedRegion } from './syncHelpers.ts';

describe('a new passphrase', () => {
  it('is refused when weak, with its reason', async () => {
    expect(await passphraseWeakness('12345678')).toBe('common');
    expect(await passphraseWeakness('password1')).toBe('common');
    expect(await passphraseWeakness('P@ssw0rd!')).toBe('common');
    expect(await passphraseWeakness('qwertyuiop')).toBe('common');
    expect(await passphraseWeakness('short')).toBe('too_short');
    expect(await passphraseWeakness('   abc    ')).toBe('too_short'); // outer spaces do not count
    expect(await passphraseWeakness('Kilifi2026', ['Kilifi'])).toBe('region_words');
    expect(await passphraseWeakness('abcdefghijk')).toBe('pattern');
    expect(await passphraseWeakness('mkmkmkmkmk')).toBe('pattern');
    expect(await passphraseWeakness('13/04/1987')).toBe('dates');
    expect(await passphraseWeakness('tea at four')).toBe('guessable');
  });

  it('is accepted when several uncommon words, as the region passphrases coaches choose', async () => {
    for (const p of ['mvua ya masika 2026', 'mangrove tide at Watamu', 'mango tree by the borehole'])
      expect(await passphraseWeakness(p, ['Kilifi'])).toBeNull();
  });

  it('every generated one is accepted, in English and in Kiswahili', async () => {
    for (const lang of languages)
      for (let i = 0; i < 25; i++) {
        const p = generatePassphrase(lang);
        expect(p.split(' ')).toHaveLength(GENERATED_WORDS);
        expect(await passphraseWeakness(p, ['Kilifi'])).toBeNull();
      }
  });

  it('each weakness has its words in both languages, and they differ', () => {
    for (const w of weaknesses) {
      expect(weaknessMessage(w, 'en')).not.toBe(weaknessMessage(w, 'sw'));
      expect(weaknessMessage(w, 'sw').length).toBeGreaterThan(20);
    }
  });
});

describe('generated passphrases', () => {
  it('draw from lists of several hundred distinct everyday words: 6 words, over 55 bits', () => {
    for (const lang of languages) {
      const words = PASSPHRASE_WORDS[lang];
      expect(words.length).toBeGreaterThanOrEqual(600);
      expect(new Set(words).size).toBe(words.length);
      for (const w of words) expect(w).toMatch(/^[a-z]{2,12}$/);
      expect(passphraseBits(lang)).toBeGreaterThan(55);
    }
    // The app's own name would be the first guess.
    expect(PASSPHRASE_WORDS.sw).not.toContain('pamoja');
  });

  it('pick words without bias: values past the last whole multiple of the list are drawn again', () => {
    const n = PASSPHRASE_WORDS.en.length;
    const limit = Math.floor(2 ** 32 / n) * n;
    const values = [limit, 2 ** 32 - 1, 0, 1, n + 2, limit - 1, 5, 6, 7];
    let at = 0;
    const scripted = (count: number) => new Uint32Array(values.slice(at, (at += count)));
    const p = generatePassphrase('en', 6, scripted);
    const w = PASSPHRASE_WORDS.en;
    expect(p).toBe([w[0], w[1], w[2], w[(limit - 1) % n], w[5], w[6]].join(' '));
  });

  it('differ from one another (a real random source)', () => {
    const seen = new Set(Array.from({ length: 50 }, () => generatePassphrase('sw')));
    expect(seen.size).toBe(50);
  });
});

describe('where a new passphrase is chosen', () => {
  it('starting a region on screen refuses a weak one (reason for the page) and takes a generated one', async () => {
    const store = tempStore();
    seedRegion(store);
    const ctx = createContext(store, tempDir(), 'http');
    const weak = await dispatch(handlers, ctx, 'sync.join', { passphrase: '12345678' });
    expect(weak).toMatchObject({
      ok: false,
      error: { code: 'invalid', path: 'passphrase', reason: 'weak_passphrase', detail: 'common' },
    });
    expect(currentRegion(store)).toBeNull();
    const strong = await dispatch(handlers, ctx, 'sync.join', { passphrase: generatePassphrase('sw') });
    expect(strong.ok).toBe(true);
    expect(currentRegion(store)).not.toBeNull();
  });

  it('pamoja join refuses a weak one with exit 1 and the reason', async () => {
    const db = join(tempDir(), 'a.sqlite');
    const seed = openStore(db);
    seedRegion(seed);
    seed.close();
    let err = '';
    const io = (pass: string): CliIo => ({
      stdout: () => undefined,
      stderr: (t) => void (err += t),
      env: { PAMOJA_PASSPHRASE: pass },
      progress: () => undefined,
    });
    expect(await runCli(['join', '--db', db], io('password1'))).toBe(1);
    expect(err).toContain('Many people use this passphrase');
    // …and, as on screen, six words to take instead.
    expect(err).toMatch(
      /Six random words Pamoja suggests: (\p{Ll}+ ){5}\p{Ll}+ — or in Kiswahili: (\p{Ll}+ ){5}\p{Ll}+\n/u,
    );
    expect(await runCli(['join', '--db', db], io(generatePassphrase('en')))).toBe(0);
  });

  it('an invitation refuses a weak password', async () => {
    const store = tempStore();
    joinRegion(store, {
      regionId: 'region-kilifi',
      regionName: 'Kilifi',
      passphrase: 'mangrove tide at Watamu',
    });
    await expect(writeInvitation(store, join(tempDir(), 'x.pamoja-invite'), 'kilifi123')).rejects.toThrow(
      /The region’s name, Pamoja or this laptop’s name/,
    );
  });
});
