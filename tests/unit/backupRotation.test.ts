import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEEP,
  backupsToRemove,
  dailyBackupDue,
  type BackupEntry,
} from '../../shared/backups/rotation.ts';

const DAY = 86_400_000;
const start = Date.parse('2026-11-01T08:00:00.000Z');
const entry = (kind: BackupEntry['kind'], at: number): BackupEntry => ({
  kind,
  at,
  name: `pamoja-${kind}-${new Date(at).toISOString()}.sqlite`,
});

describe('backup rotation', () => {
  it('keeps the last 7 daily snapshots and the last 5 before-import ones', () => {
    const daily = Array.from({ length: 12 }, (_, i) => entry('daily', start + i * DAY));
    const imports = Array.from({ length: 9 }, (_, i) => entry('before-import', start + i * 3_600_000));
    const remove = new Set(backupsToRemove([...daily, ...imports]));
    expect(daily.filter((d) => !remove.has(d.name))).toEqual(daily.slice(5));
    expect(imports.filter((d) => !remove.has(d.name))).toEqual(imports.slice(4));
  });

  it('keeps one daily snapshot per day (the newest) and never removes manual ones', () => {
    const sameDay = [
      entry('daily', start),
      entry('daily', start + 3_600_000),
      entry('daily', start + 7_200_000),
    ];
    const manual = Array.from({ length: 20 }, (_, i) => entry('manual', start + i * DAY));
    const remove = backupsToRemove([...sameDay, ...manual]);
    expect(remove).toEqual([sameDay[0]!.name, sameDay[1]!.name].sort());
  });

  it('counts days in local time', () => {
    // 22:30 and 23:30 UTC are different days in Nairobi (UTC+3, offset -180).
    const a = entry('daily', Date.parse('2026-11-01T20:30:00.000Z'));
    const b = entry('daily', Date.parse('2026-11-01T21:30:00.000Z'));
    expect(backupsToRemove([a, b], BACKUP_KEEP, 0)).toEqual([a.name]);
    expect(backupsToRemove([a, b], BACKUP_KEEP, -180)).toEqual([]);
  });

  it('a daily snapshot is due once per day', () => {
    const today = entry('daily', start);
    expect(dailyBackupDue([], start)).toBe(true);
    expect(dailyBackupDue([today], start + 3_600_000)).toBe(false);
    expect(dailyBackupDue([today], start + DAY)).toBe(true);
    expect(dailyBackupDue([entry('before-import', start)], start)).toBe(true);
  });

  it('for any history: what is kept is the newest of each kind, within the limits', () => {
    const kinds = ['daily', 'before-import', 'before-migration', 'before-restore', 'manual'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom(...kinds),
            at: fc.integer({ min: start, max: start + 60 * DAY }),
          }),
          { maxLength: 80 },
        ),
        (raw) => {
          const entries = raw.map((r, i) => ({ ...r, name: `b${String(i).padStart(3, '0')}` }));
          const remove = new Set(backupsToRemove(entries));
          const kept = entries.filter((e) => !remove.has(e.name));
          for (const kind of kinds) {
            const all = entries.filter((e) => e.kind === kind);
            const mine = kept.filter((e) => e.kind === kind);
            if (kind === 'manual') expect(mine.length).toBe(all.length);
            else if (kind === 'daily') {
              const days = new Set(all.map((e) => new Date(e.at).toISOString().slice(0, 10)));
              expect(mine.length).toBe(Math.min(7, days.size));
              expect(new Set(mine.map((e) => new Date(e.at).toISOString().slice(0, 10))).size).toBe(
                mine.length,
              );
            } else expect(mine.length).toBe(Math.min(5, all.length));
            // Nothing removed is newer than something kept.
            const oldestKept = Math.min(...mine.map((e) => e.at));
            if (kind !== 'daily')
              for (const e of all) if (remove.has(e.name)) expect(e.at).toBeLessThanOrEqual(oldestKept);
          }
        },
      ),
    );
  });
});
