import { useState } from 'react';
import type { FieldProblem } from '../../../shared/region/checks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { messagesOf, refusalOf, shownMessages, type FieldMessages } from './problems.ts';

/**
 * The state every editing form shares: the typed values (as text), which fields the coach
 * has left, whether she tried to save, and what the service said. `check` runs the shared
 * checks on the values; `save` runs only when they pass, and nothing is lost when it fails.
 */
export function useForm<V extends Record<string, string | boolean>>(
  initial: V,
  check: (values: V) => FieldProblem[],
) {
  const { lang, t } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ field: string | null; message: string } | null>(null);
  const problems = check(values);
  const messages: FieldMessages = shownMessages(messagesOf(lang, problems), touched, tried, refusal);

  return {
    values,
    messages,
    busy,
    /** A message not about one field (shown above the buttons). */
    formMessage:
      tried && problems.length > 0
        ? t('problem.count', { n: problems.length })
        : refusal && !refusal.field
          ? refusal.message
          : null,
    set: <K extends keyof V>(key: K, value: V[K]) => {
      setValues((v) => ({ ...v, [key]: value }));
      if (refusal?.field === key) setRefusal(null);
    },
    leave: (key: keyof V & string) => setTouched((s) => (s.has(key) ? s : new Set(s).add(key))),
    reset: (next: V) => {
      setValues(next);
      setTouched(new Set());
      setTried(false);
      setRefusal(null);
    },
    /** Checks, then saves; true when saved. */
    submit: async (save: (values: V) => Promise<unknown>): Promise<boolean> => {
      setTried(true);
      if (check(values).length > 0) return false;
      setBusy(true);
      setRefusal(null);
      try {
        await save(values);
        return true;
      } catch (e) {
        setRefusal(refusalOf(e));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
