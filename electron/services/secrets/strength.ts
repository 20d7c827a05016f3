import { PamojaError, type ErrorShape } from '../../../shared/errors.ts';
import { weaknessMessage, weaknessOf, type Weakness } from '../../../shared/passphrase/strength.ts';

/**
 * How guessable a new passphrase is, by zxcvbn (@zxcvbn-ts/core with its common and English
 * dictionaries: common passwords, names, words, keyboard patterns, dates). Loaded on first
 * use: its dictionaries take a few megabytes and a quarter of a second to build.
 */
type Estimator = { check(password: string, userInputs?: (string | number)[]): ZxcvbnVerdict };
type ZxcvbnVerdict = { score: number; feedback: { warning: string | null } };

let estimator: Promise<Estimator> | null = null;

function loadEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    // No translations: the warnings stay keys, worded by shared/passphrase/strength.ts in both languages.
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
    });
  })();
  return estimator;
}

/** A refused passphrase: English for the CLI; the page words `detail` (the weakness) itself. */
export class WeakPassphraseError extends PamojaError {
  readonly weakness: Weakness;
  constructor(weakness: Weakness, field: string) {
    super('invalid', weaknessMessage(weakness, 'en'), field);
    this.name = 'WeakPassphraseError';
    this.weakness = weakness;
  }
  override toShape(): ErrorShape {
    return { ...super.toShape(), reason: 'weak_passphrase', detail: this.weakness };
  }
}

/** Why the passphrase is too weak, or null. `near`: words anyone would try first (the region's name, Pamoja). */
export async function passphraseWeakness(passphrase: string, near: string[] = []): Promise<Weakness | null> {
  const text = passphrase.normalize('NFC').trim();
  const tooShort = weaknessOf(text, { score: 4, warning: null });
  if (tooShort) return tooShort;
  // zxcvbn's cost grows with length; beyond 100 characters the first 100 decide.
  const verdict = (await loadEstimator()).check(text.slice(0, 100), ['pamoja', ...near.filter(Boolean)]);
  return weaknessOf(text, { score: verdict.score, warning: verdict.feedback.warning });
}

/** Refuses a weak new passphrase with its reason; `field` names the input it came from. */
export async function requireStrongPassphrase(
  passphrase: string,
  near: string[],
  field: string,
): Promise<void> {
  const weakness = await passphraseWeakness(passphrase, near);
  if (weakness) throw new WeakPassphraseError(weakness, field);
}
