import { useEffect, useState } from 'react';

/**
 * Hash routes (`#/clusters/<id>`): they work from file:// in Electron and from the local
 * server alike, and survive a reload.
 */
export function currentPath(): string {
  const path = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  return path.startsWith('/') ? path : '/';
}

export function navigate(path: string): void {
  window.location.hash = path;
}

export function useRoute(): string[] {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = (): void => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

/** Query parameters after `?` in the hash, e.g. `#/practices?q=radio`. */
export function hashQuery(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}

/** The hash's query parameters as a string, re-rendering when they change. */
export function useHashQuery(): URLSearchParams {
  const [query, setQuery] = useState(() => hashQuery().toString());
  useEffect(() => {
    const onChange = (): void => setQuery(hashQuery().toString());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return new URLSearchParams(query);
}
