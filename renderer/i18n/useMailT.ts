import { translator } from '../../shared/i18n.ts';
import { useI18n } from './index.tsx';
import { mailMessages } from './mail.ts';

/** The mail area's translate function, in the current UI language. */
export function useMailT() {
  const { lang } = useI18n();
  return { t: translator(mailMessages, lang), lang };
}
