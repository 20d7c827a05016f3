import type { Store } from '../../db/store.ts';
import { practiceWordsCurrent, reindexPracticeWords } from '../../db/words.ts';
import { runInBackground } from '../slices.ts';
import { tokensToWarm, warmTokenScores } from '../practices/tokenScores.ts';
import { vocabulary, warmVocabulary } from '../practices/vocabulary.ts';
import { practiceIndex, warmPracticeIndex } from './facts.ts';

/**
 * Re-indexes the library's words if a new version needs it, then reads, a slice at a time,
 * what recommendations and the library search keep in memory (practice facts, the
 * library's words, the bm25 parts of its concepts and commonest words), so the coach's first question after the app opens
 * is answered as fast as the next. Started by the shell and `serve` shortly after opening
 * the store; a question asked before it is done simply reads what it needs itself.
 */
export async function warmUp(store: Store): Promise<void> {
  // First the word index, when a large library was indexed by another version (see electron/db/words.ts).
  if (!practiceWordsCurrent(store.db))
    await runInBackground(
      reindexPracticeWords(store.db),
      () => !store.db.open || practiceWordsCurrent(store.db),
    );
  if (!store.db.open) return;
  const index = (await warmPracticeIndex(store)) ?? (store.db.open ? practiceIndex(store) : null);
  if (!index || !store.db.open) return;
  await warmVocabulary(store, index);
  if (store.db.open)
    await warmTokenScores(store, index, tokensToWarm(vocabulary(store, index), index.byId.size));
}

/** `warmUp` once the first screen has had its answers; a failure is logged, never fatal. */
export function warmUpSoon(store: Store, afterMs = 1500): void {
  const timer = setTimeout(() => {
    warmUp(store).catch((e: unknown) => console.error('Pamoja: warming up the practice facts failed:', e));
  }, afterMs);
  timer.unref();
}
