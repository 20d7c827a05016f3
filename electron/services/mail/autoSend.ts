import type { ServiceContext } from '../context.ts';
import { readMailSettings } from './settings.ts';

/** How often the app and `serve` look for outbox items whose next try is due. */
export const AUTO_SEND_EVERY_MS = 60_000;

/** True when some item waits and its (backoff) time has come. */
function somethingDue(ctx: ServiceContext): boolean {
  return Boolean(
    ctx.store.statements
      .get(
        `SELECT 1 FROM mail_outbox WHERE status = 'queued' AND removed_at IS NULL
           AND (next_attempt_at IS NULL OR next_attempt_at <= ?) LIMIT 1`,
      )
      .get(new Date(ctx.store.clock.now()).toISOString()),
  );
}

/**
 * Retries with backoff while the app runs: every minute, when no other job holds the
 * store, the items whose next try is due are sent — only when mail is set up and its password is at hand (sealed in the app, typed
 * in the browser); otherwise they simply wait for "Send now". Never marks an item failed for
 * a missing password. Returns a function that stops it.
 */
export function startMailAutoSend(
  ctx: ServiceContext,
  password: (ctx: ServiceContext) => Promise<string | undefined>,
  everyMs = AUTO_SEND_EVERY_MS,
): () => void {
  let running = false;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      // Another job holds the store (an import): the next tick tries again.
      if (ctx.jobs.busy()) return;
      const settings = readMailSettings(ctx.store);
      if (!settings || !somethingDue(ctx)) return;
      const pw = settings.smtp.user ? await password(ctx) : undefined;
      if (settings.smtp.user && !pw) return;
      // In the job runner's worker, like "Send now": the page's calls never wait for SMTP.
      await ctx.jobs.run('mail.send', { onlyDue: true, ...(pw ? { smtpPassword: pw } : {}) }, ctx);
    } catch (e) {
      // The outbox keeps each item's own reason; a store that cannot be read is reported once per try.
      console.error('[pamoja] sending mail in the background failed:', (e as Error).message);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
