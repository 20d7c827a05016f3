/**
 * The only web addresses the app opens in the system browser (everything else a page might
 * try is dropped). OpenStreetMap: the region map's data credit links there.
 */
export const EXTERNAL_ORIGINS: readonly string[] = ['https://www.openstreetmap.org'];

export function isAllowedExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    !parsed.username &&
    !parsed.password &&
    EXTERNAL_ORIGINS.includes(parsed.origin)
  );
}
