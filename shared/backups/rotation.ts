/**
 * Which snapshots to keep: the newest few of each automatic kind. Daily snapshots are
 * kept one per calendar day (the newest of each day), the last 7 days that had one;
 * before-import (bundles, sheets, region files), before-migration and before-restore
 * snapshots the newest 5 each. Snapshots the coach made on purpose are never removed.
 */
export const BACKUP_KEEP = {
  daily: 7,
  'before-import': 5,
  'before-migration': 5,
  'before-restore': 5,
  manual: Infinity,
} as const;

export type RotatedKind = keyof typeof BACKUP_KEEP;

export interface BackupEntry {
  name: string;
  kind: RotatedKind;
  /** When it was taken, ms since the epoch. */
  at: number;
}

/** The day (YYYY-MM-DD, UTC offset applied) a time falls on, for "once a day". */
export function dayOf(at: number, offsetMinutes = 0): string {
  return new Date(at - offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The names to delete so that only the kept snapshots remain. */
export function backupsToRemove(
  entries: readonly BackupEntry[],
  keep: Record<RotatedKind, number> = BACKUP_KEEP,
  offsetMinutes = 0,
): string[] {
  const remove: string[] = [];
  const byKind = new Map<RotatedKind, BackupEntry[]>();
  for (const e of entries) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
  for (const [kind, list] of byKind) {
    const newestFirst = [...list].sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1));
    if (kind === 'daily') {
      const days = new Set<string>();
      for (const e of newestFirst) {
        const day = dayOf(e.at, offsetMinutes);
        if (days.has(day) || days.size >= keep.daily) remove.push(e.name);
        else days.add(day);
      }
    } else newestFirst.slice(keep[kind]).forEach((e) => remove.push(e.name));
  }
  return remove.sort();
}

/** True when no daily snapshot was taken yet on the day `now` falls on. */
export function dailyBackupDue(entries: readonly BackupEntry[], now: number, offsetMinutes = 0): boolean {
  const today = dayOf(now, offsetMinutes);
  return !entries.some((e) => e.kind === 'daily' && dayOf(e.at, offsetMinutes) === today);
}
