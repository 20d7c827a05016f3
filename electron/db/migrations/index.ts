import { sql as initial } from './0010-initial.ts';
import { sql as sync } from './0020-sync.ts';
import { sql as sessionDrafts } from './0040-session-drafts.ts';
import { sql as recommend } from './0050-recommend.ts';
import { sql as regionEditing } from './0060-region-editing.ts';
import { sql as practiceOrigins } from './0070-practice-origins.ts';
import { sql as mail } from './0090-mail.ts';
import { sql as practiceWords } from './0130-practice-words.ts';
import { sql as syncTrust } from './0140-sync-trust.ts';
import { sql as practiceTime } from './0150-practice-time.ts';

/**
 * Every migration, in order. A landed migration is never edited: change the schema by
 * adding the next number (steps of 10). Each runs in its own transaction.
 */
export const migrations: readonly { version: number; name: string; sql: string }[] = [
  { version: 10, name: 'initial', sql: initial },
  { version: 20, name: 'sync', sql: sync },
  { version: 40, name: 'session-drafts', sql: sessionDrafts },
  { version: 50, name: 'recommend', sql: recommend },
  { version: 60, name: 'region-editing', sql: regionEditing },
  { version: 70, name: 'practice-origins', sql: practiceOrigins },
  { version: 90, name: 'mail', sql: mail },
  { version: 130, name: 'practice-words', sql: practiceWords },
  { version: 140, name: 'sync-trust', sql: syncTrust },
  { version: 150, name: 'practice-time', sql: practiceTime },
];
