/** One stored version of a field, as `sync.fieldHistory` returns it. */
export interface FieldVersion {
  value: string | number | null;
  hlc: number;
  deviceId: string;
  current: boolean;
}

/**
 * The versions a coach should see beside a field as "also edited on …": for every other
 * laptop, the last value it wrote, when that differs from the value shown. A laptop's own
 * earlier values were replaced by its later ones, so they are history, not a conflict.
 */
export function conflictingVersions<V extends FieldVersion>(versions: readonly V[]): V[] {
  const current = versions.find((v) => v.current);
  if (!current) return [];
  const latestByDevice = new Map<string, V>();
  for (const v of versions) {
    const seen = latestByDevice.get(v.deviceId);
    if (!seen || v.hlc > seen.hlc) latestByDevice.set(v.deviceId, v);
  }
  return [...latestByDevice.values()]
    .filter((v) => v.deviceId !== current.deviceId && v.value !== current.value)
    .sort((a, b) => b.hlc - a.hlc);
}
