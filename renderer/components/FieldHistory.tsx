import { conflictingVersions } from '../../shared/sync/conflicts.ts';
import { useOp } from '../api.ts';
import { formatDate } from '../format.ts';
import { useSyncT } from '../i18n/useSyncT.ts';

/**
 * "Also edited on <laptop> on <date>" with the other versions of one field, for screens
 * to put next to a note: a value that lost a merge is kept, and the coach can see it.
 * Shows nothing while the field has a single version.
 */
export function FieldHistory({ table, rowId, column }: { table: string; rowId: string; column: string }) {
  const { t, lang } = useSyncT();
  const history = useOp('sync.fieldHistory', { table, rowId, column });
  const versions = history.data ?? [];
  const current = versions.find((v) => v.current);
  const others = conflictingVersions(versions);
  if (!current || others.length === 0) return null;
  const who = (v: { self: boolean; deviceName: string; deviceId: string }) =>
    v.self ? t('history.thisLaptop') : v.deviceName || v.deviceId.slice(0, 8);
  return (
    <details className="field-history notice" data-testid="field-history">
      <summary>
        {t('history.alsoEdited', { device: who(others[0]!), date: formatDate(lang, others[0]!.at) })}
      </summary>
      <ul className="list-plain">
        {others.map((v) => (
          <li key={`${v.hlc}-${v.deviceId}`}>
            {others.length > 1 && (
              <p className="muted small">
                {t('history.alsoEdited', { device: who(v), date: formatDate(lang, v.at) })}
              </p>
            )}
            <p style={{ whiteSpace: 'pre-wrap' }}>
              {v.value === null || v.value === '' ? t('history.empty') : String(v.value)}
            </p>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {t('history.current', { device: who(current), date: formatDate(lang, current.at) })}
      </p>
    </details>
  );
}
