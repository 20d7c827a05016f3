import { isAllowedExternal } from '../../shared/externalLinks.ts';

/** What of a webContents the guards touch (Electron's, or a test's stand-in). */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}
export interface Preventable {
  preventDefault(): void;
  /** Electron ≥ 28 puts the address on the event too. */
  url?: string;
}

/**
 * The page stays the page: navigation and redirects anywhere but our own page are stopped,
 * no webview may be attached, no window opened; a link on the allowlist opens in the
 * system browser instead. Used for the main window and the hidden PDF printer alike.
 */
export function guardContents(
  contents: GuardedContents,
  policy: { mayNavigate: (url: string) => boolean; openExternal: (url: string) => void },
): void {
  const stayHome = (event: Preventable, url: string): void => {
    if (!policy.mayNavigate(event.url ?? url ?? '')) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) policy.openExternal(url);
    return { action: 'deny' };
  });
}

/** What of a session the guard touches. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
}

/** Pamoja asks for no permission (camera, location, notifications, …): every request is denied. */
export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
