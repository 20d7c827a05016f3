import { useEffect, useRef } from 'react';
import { useOp } from './api.ts';
import { useBundleOpening } from './bundleOpening.ts';
import { ErrorBox, Loading } from './components/Status.tsx';
import { useT } from './i18n/index.tsx';
import { navigate, useRoute } from './router.ts';
import { routes } from './routes.tsx';
import { RestoreScreen } from './screens/RestoreScreen.tsx';
import { WelcomeScreen } from './screens/WelcomeScreen.tsx';
import { OutboxBadge } from './components/OutboxBadge.tsx';

/** The frame: sidebar navigation and the current screen. */
export function App() {
  const t = useT();
  const segments = useRoute();
  const info = useOp('app.info', {});
  const health = useOp('backups.health', {});
  const main = useRef<HTMLElement>(null);
  useBundleOpening();

  // Move focus to the new screen's heading area so keyboard users land on it.
  const path = segments.join('/');
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
    main.current?.scrollTo?.(0, 0);
  }, [path]);

  // A store that failed its check at start: only the restore screen, nothing that needs the store.
  if (health.data?.state === 'damaged')
    return (
      <main id="main" ref={main} tabIndex={-1} className="recovery">
        <RestoreScreen health={health.data} onRestored={() => window.location.reload()} />
      </main>
    );

  const screen = routes.map((r) => r.render(segments)).find((node) => node !== null && node !== undefined);
  const active = `/${segments[0] ?? ''}`;
  let content = screen ?? <p className="muted">{t('common.notFound')}</p>;
  if (info.loading && !info.data) content = <Loading />;
  else if (info.error) content = <ErrorBox error={info.error} onRetry={info.reload} />;
  else if (info.data && !info.data.hasRegion && segments[0] !== 'sync' && segments[0] !== 'settings')
    content = <WelcomeScreen onLoaded={info.reload} />;

  return (
    <div className="frame">
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        {t('nav.skip')}
      </a>
      <nav className="sidebar" aria-label="Pamoja">
        <button className="brand" onClick={() => navigate('/')}>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tag">{t('app.tagline')}</span>
        </button>
        <ul>
          {routes
            .filter((r) => r.nav)
            .map(({ nav }) => (
              <li key={nav!.path}>
                <a
                  href={`#${nav!.path}`}
                  className={active === nav!.path ? 'active' : undefined}
                  aria-current={active === nav!.path ? 'page' : undefined}
                >
                  <span className="icon" aria-hidden="true">
                    {nav!.icon}
                  </span>
                  {t(nav!.key)}
                  {nav!.path === '/sync' && <OutboxBadge path={path} />}
                </a>
              </li>
            ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        {content}
      </main>
    </div>
  );
}
