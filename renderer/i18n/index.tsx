import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { languages, translator, type Lang } from '../../shared/i18n.ts';
import { labelMessages } from '../../shared/labels.ts';
import { figuresMessages } from './figures.ts';
import { problemMessages } from '../../shared/region/messages.ts';
import { editingMessages } from './editing.ts';
import { frameMessages } from './frame.ts';
import { jobMessages } from './jobs.ts';
import { recommendMessages } from './recommend.ts';
import { removalMessages } from './removals.ts';
import { draftMessages } from './drafts.ts';
import { practiceWriteMessages } from './practices.ts';
import { sessionMessages } from './sessions.ts';
import { senseMessages } from '../../shared/sessions/sense.ts';

/**
 * All UI messages. Each area has its own file here (e.g. `sync.ts`) made with
 * `defineMessages`; add it to this spread.
 */
const all = {
  en: {
    ...labelMessages.en,
    ...frameMessages.en,
    ...sessionMessages.en,
    ...recommendMessages.en,
    ...jobMessages.en,
    ...removalMessages.en,
    ...figuresMessages.en,
    ...editingMessages.en,
    ...problemMessages.en,
    ...practiceWriteMessages.en,
    ...senseMessages.en,
    ...draftMessages.en,
  },
  sw: {
    ...labelMessages.sw,
    ...frameMessages.sw,
    ...sessionMessages.sw,
    ...recommendMessages.sw,
    ...jobMessages.sw,
    ...removalMessages.sw,
    ...figuresMessages.sw,
    ...editingMessages.sw,
    ...problemMessages.sw,
    ...practiceWriteMessages.sw,
    ...senseMessages.sw,
    ...draftMessages.sw,
  },
};
export type MessageKey = keyof typeof all.en;

const LANG_KEY = 'pamoja.lang';
function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  return (languages as readonly string[]).includes(saved ?? '') ? (saved as Lang) : 'en';
}

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
}
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang: (next) => {
        localStorage.setItem(LANG_KEY, next);
        document.documentElement.lang = next;
        setLangState(next);
      },
      t: translator(all, lang),
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

/** The translate function for the current UI language. */
export const useT = (): I18n['t'] => useI18n().t;
