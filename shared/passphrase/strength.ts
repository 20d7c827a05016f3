import type { Lang } from '../i18n.ts';

/**
 * Why a new passphrase (for a region, or an invitation) is refused. The estimate itself is
 * zxcvbn's (electron/services/secrets/strength.ts); this module words its verdict for the coach.
 */
export const weaknesses = [
  'too_short',
  'common',
  'pattern',
  'dates',
  'single_word',
  'region_words',
  'guessable',
] as const;
export type Weakness = (typeof weaknesses)[number];

export const MIN_PASSPHRASE_LENGTH = 8;
/**
 * zxcvbn's score 4: at least 10^10 guesses. A stolen stick lets an attacker guess offline,
 * each guess costing one scrypt; below this a laptop's worth of guessing finds it.
 */
export const MIN_PASSPHRASE_SCORE = 4;

/** zxcvbn's warning key → our reason. Unknown or absent keys fall back to 'guessable'. */
const fromWarning: Record<string, Weakness> = {
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  similarToCommon: 'common',
  pwned: 'common',
  straightRow: 'pattern',
  keyPattern: 'pattern',
  simpleRepeat: 'pattern',
  extendedRepeat: 'pattern',
  sequences: 'pattern',
  recentYears: 'dates',
  dates: 'dates',
  wordByItself: 'single_word',
  namesByThemselves: 'single_word',
  commonNames: 'single_word',
  userInputs: 'region_words',
};

/** The reason for a verdict: null when the passphrase is strong enough. */
export function weaknessOf(
  passphrase: string,
  estimate: { score: number; warning: string | null },
): Weakness | null {
  if (passphrase.normalize('NFC').trim().length < MIN_PASSPHRASE_LENGTH) return 'too_short';
  if (estimate.score >= MIN_PASSPHRASE_SCORE) return null;
  return (estimate.warning && fromWarning[estimate.warning]) || 'guessable';
}

const messages: Record<Lang, Record<Weakness, string>> = {
  en: {
    too_short: `Choose a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters — several words are easiest to remember.`,
    common: 'Many people use this passphrase, so it is among the first anyone would try. Choose another.',
    pattern:
      'Rows of keys, repeats and sequences like 1234 or abcd are easy to guess. Use several words instead.',
    dates: 'Years and dates are easy to guess. Add words that have nothing to do with them.',
    single_word: 'One word or name on its own is easy to guess. Use several words.',
    region_words:
      'The region’s name, Pamoja or this laptop’s name are the first things anyone would try. Add other words.',
    guessable:
      'This passphrase is too easy to guess. Add more words, less common ones — or take a suggested one.',
  },
  sw: {
    too_short: `Chagua nenosiri la herufi ${MIN_PASSPHRASE_LENGTH} au zaidi — maneno kadhaa ni rahisi kukumbuka.`,
    common:
      'Watu wengi hutumia nenosiri hili, kwa hiyo ni kati ya ya kwanza mtu yeyote angejaribu. Chagua jingine.',
    pattern:
      'Safu za vitufe, marudio na mfuatano kama 1234 au abcd ni rahisi kukisia. Tumia maneno kadhaa badala yake.',
    dates: 'Miaka na tarehe ni rahisi kukisia. Ongeza maneno yasiyohusiana nazo.',
    single_word: 'Neno moja au jina peke yake ni rahisi kukisia. Tumia maneno kadhaa.',
    region_words:
      'Jina la kanda, Pamoja au jina la kompyuta hii ni vitu vya kwanza mtu angejaribu. Ongeza maneno mengine.',
    guessable:
      'Nenosiri hili ni rahisi mno kukisia. Ongeza maneno zaidi, yasiyo ya kawaida — au chukua lililopendekezwa.',
  },
};

export function weaknessMessage(weakness: Weakness, lang: Lang): string {
  return messages[lang][weakness];
}

export const isWeakness = (value: unknown): value is Weakness =>
  typeof value === 'string' && (weaknesses as readonly string[]).includes(value);
