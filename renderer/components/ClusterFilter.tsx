import { useMemo, useState } from 'react';
import type { RegionOverview } from '../../shared/contract/region.ts';
import { useOp } from '../api.ts';
import { useT } from '../i18n/index.tsx';

/** The region overview, and its clusters narrowed by what the coach typed (name, place or coach). */
export function useFilteredClusters() {
  const overview = useOp('region.overview', {});
  const [filter, setFilter] = useState('');
  const clusters = useMemo<RegionOverview['clusters']>(() => {
    const f = filter.trim().toLowerCase();
    const all = overview.data?.clusters ?? [];
    return f ? all.filter((c) => `${c.name} ${c.place} ${c.coachName}`.toLowerCase().includes(f)) : all;
  }, [overview.data, filter]);
  return { overview, clusters, filter, setFilter };
}

export function ClusterFilterBox({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT();
  return (
    <input
      type="search"
      aria-label={t('region.filter')}
      placeholder={t('region.filter')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
