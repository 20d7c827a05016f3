import type { Lang } from '../i18n.ts';
import { WORDS_EN } from './wordsEn.ts';
import { WORDS_SW } from './wordsSw.ts';

/** The word lists a generated passphrase draws from, by language. */
export const PASSPHRASE_WORDS: Record<Lang, readonly string[]> = { en: WORDS_EN, sw: WORDS_SW };

/**
 * Six words: with 676 English words that is 6 × log2(676) ≈ 56.4 bits, with 644 Kiswahili
 * words 6 × log2(644) ≈ 56.0 bits — even knowing the list, about 10^17 guesses, each costing
 * an attacker one scrypt.
 */
export const GENERATED_WORDS = 6;

/** Bits of a generated passphrase, for the docs and the screen. */
export function passphraseBits(lang: Lang, words = GENERATED_WORDS): number {
  return words * Math.log2(PASSPHRASE_WORDS[lang].length);
}

/** Uniformly random 32-bit values (Web Crypto: the browser's and Node's `crypto.getRandomValues`). */
export type RandomSource = (count: number) => Uint32Array;
const webCrypto: RandomSource = (count) => crypto.getRandomValues(new Uint32Array(count));

/**
 * A passphrase of `words` words from the language's list, separated by spaces. Each index is
 * drawn without bias (rejection sampling), from a cryptographic source.
 */
export function generatePassphrase(
  lang: Lang,
  words = GENERATED_WORDS,
  random: RandomSource = webCrypto,
): string {
  const list = PASSPHRASE_WORDS[lang];
  // The largest multiple of the list's length below 2^32: values above it would favour early words.
  const limit = Math.floor(0x1_0000_0000 / list.length) * list.length;
  const picked: string[] = [];
  while (picked.length < words) {
    for (const value of random(words - picked.length)) {
      if (value < limit && picked.length < words) picked.push(list[value % list.length]!);
    }
  }
  return picked.join(' ');
}
