import type { Lang } from '../i18n.ts';
import { translator } from '../i18n.ts';
import { isSuppressed, type ColumnType, type ReportCell } from './figures.ts';
import { reportMessages } from './messages.ts';

/**
 * A report cell as people read it on paper and screen: percent to one decimal below
 * 10% and whole above, changes signed, hidden small cells marked. Spreadsheets keep the
 * numbers typed instead (see electron/services/reports/xlsx.ts).
 */
export function formatCell(cell: ReportCell, type: ColumnType, lang: Lang): string {
  if (cell === null) return '–';
  if (isSuppressed(cell)) {
    const t = translator(reportMessages, lang);
    return cell.suppressed === 'small' ? t('report.suppressed.small') : t('report.suppressed.complementary');
  }
  if (typeof cell === 'string') return cell;
  switch (type) {
    case 'percent': {
      const p = cell * 100;
      return `${Math.abs(p) < 10 && p !== 0 ? p.toFixed(1) : Math.round(p)}%`;
    }
    case 'change':
      return `${cell > 0 ? '+' : ''}${cell.toFixed(1)}`;
    case 'count':
      return String(Math.round(cell));
    default:
      return String(cell);
  }
}
