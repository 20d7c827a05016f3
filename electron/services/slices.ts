/**
 * Long reads written once as generators that `yield` between slices, run either at once
 * (a question needs the answer now) or in the background (warming up after start).
 */

/** Runs sliced work to its end without pausing. */
export function runAll<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs sliced work, giving the event loop a turn between slices; gives up (null) as soon
 * as `unwanted()` says the result is no longer needed.
 */
export async function runInBackground<T>(
  steps: Generator<void, T>,
  unwanted: () => boolean,
): Promise<T | null> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
    if (unwanted()) return null;
  }
}
