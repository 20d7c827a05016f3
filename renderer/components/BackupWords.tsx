import type { BackupView } from '../../shared/contract/backups.ts';
import type { Lang } from '../../shared/i18n.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';

export const backupKindKey = (kind: BackupView['kind']): MessageKey => `backups.kind.${kind}`;

export function formatBytes(lang: Lang, bytes: number): string {
  const unit = bytes >= 1024 ** 3 ? ['GB', 1024 ** 3] : bytes >= 1024 ** 2 ? ['MB', 1024 ** 2] : ['KB', 1024];
  const value = bytes / (unit[1] as number);
  return `${new Intl.NumberFormat(lang === 'sw' ? 'sw-KE' : 'en-GB', { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit[0]}`;
}

/** "1 Dec 2026, 21:40" in the laptop's own time. */
export function BackupWhen({ at }: { at: string }) {
  const { lang } = useI18n();
  const text = new Intl.DateTimeFormat(lang === 'sw' ? 'sw-KE' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(at));
  return <time dateTime={at}>{text}</time>;
}
