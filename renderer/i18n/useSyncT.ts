import { translator } from '../../shared/i18n.ts';
import { useI18n } from './index.tsx';
import { syncMessages } from './sync.ts';

/** The Sync area's translate function, in the current UI language. */
export function useSyncT() {
  const { lang } = useI18n();
  return { t: translator(syncMessages, lang), lang };
}
