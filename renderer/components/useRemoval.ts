import { useCallback } from 'react';
import type { RemovalEffects } from '../../shared/contract/removals.ts';
import type { TableName } from '../../shared/schema/tables.ts';
import { call } from '../api.ts';
import { useT, type MessageKey } from '../i18n/index.tsx';
import { useUndo } from './UndoToast.tsx';

type T = ReturnType<typeof useT>;

/** "3 attendance records and 1 commitment": what went with a record, in words. */
export function effectsText(t: T, effects: RemovalEffects, except: TableName): string {
  const parts = Object.entries(effects.removed)
    .filter(([table]) => table !== except)
    .map(([table, n]) => t(`removals.rows.${table}` as MessageKey, { n: n - 0 }));
  const unlinked = Object.entries(effects.unlinked).map(([table, n]) =>
    t('removals.unlinked', { what: t(`removals.rows.${table}` as MessageKey, { n }) }),
  );
  return [...parts, ...unlinked].join(', ');
}

/**
 * Removes a record through the removals service and offers Undo, which restores it with
 * everything removed together with it. `onChange` runs after the removal and after an undo.
 */
export function useRemoval(onChange: () => void) {
  const t = useT();
  const { offer } = useUndo();
  return useCallback(
    async (table: TableName, id: string) => {
      const removal = await call('removals.remove', { table, id });
      onChange();
      const more = effectsText(t, removal.effects, table);
      offer({
        message: more
          ? t('removals.removedWith', { label: removal.label, more })
          : t('removals.removed', { label: removal.label }),
        undo: () => call('removals.restore', { id: removal.id }),
        onUndone: onChange,
      });
      return removal;
    },
    [t, offer, onChange],
  );
}
