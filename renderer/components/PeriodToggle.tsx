import type { PeriodKind } from '../../shared/sessions/completion.ts';
import { useT } from '../i18n/index.tsx';

/** Term or month, for the follow-up figures. */
export function PeriodToggle({ value, onChange }: { value: PeriodKind; onChange: (v: PeriodKind) => void }) {
  const t = useT();
  return (
    <span className="chips" role="group" aria-label={t('sessions.followUp.by')}>
      {(['term', 'month'] as const).map((k) => (
        <button key={k} type="button" className="chip" aria-pressed={value === k} onClick={() => onChange(k)}>
          {t(`sessions.followUp.by.${k}`)}
        </button>
      ))}
    </span>
  );
}
