import type { ReactNode } from 'react';
import type { MessageKey } from './i18n/index.tsx';
import { FiguresScreen } from './figures/FiguresScreen.tsx';
import { ClusterScreen } from './screens/ClusterScreen.tsx';
import { ClustersScreen } from './screens/ClustersScreen.tsx';
import { MapScreen } from './screens/MapScreen.tsx';
import { NewClusterScreen } from './screens/NewClusterScreen.tsx';
import { PracticeScreen } from './screens/PracticeScreen.tsx';
import { PracticesScreen } from './screens/PracticesScreen.tsx';
import { EditPracticeScreen, NewPracticeScreen } from './practices/WritePracticeScreen.tsx';
import { RegionScreen } from './screens/RegionScreen.tsx';
import { ImportScreen } from './screens/ImportScreen.tsx';
import { RemovedScreen } from './screens/RemovedScreen.tsx';
import { ReportsScreen } from './screens/ReportsScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { sessionsRoute } from './screens/sessionRoutes.tsx';
import { SyncScreen } from './screens/SyncScreen.tsx';

/**
 * The app's places. Each area adds its entries here: `nav` puts it in the sidebar (in
 * this order), `render` gets the path segments and returns the screen, or null when the
 * path is not its own.
 */
export interface Route {
  nav?: { key: MessageKey; path: string; icon: string };
  render: (segments: string[]) => ReactNode | null;
}

const first = (segments: string[], name: string): boolean => segments[0] === name;

export const routes: Route[] = [
  {
    nav: { key: 'nav.region', path: '/', icon: '◎' },
    render: (s) => (s.length === 0 ? <RegionScreen /> : null),
  },
  {
    nav: { key: 'nav.clusters', path: '/clusters', icon: '⬡' },
    render: (s) =>
      !first(s, 'clusters') ? null : !s[1] ? (
        <ClustersScreen />
      ) : s[1] === 'new' ? (
        <NewClusterScreen />
      ) : s[2] === 'figures' ? (
        <FiguresScreen key={`${s[1]}:figures`} clusterId={s[1]} />
      ) : (
        <ClusterScreen key={s[1]} id={s[1]} />
      ),
  },
  {
    nav: { key: 'nav.map', path: '/map', icon: '⌖' },
    render: (s) => (first(s, 'map') ? <MapScreen /> : null),
  },
  {
    nav: { key: 'nav.practices', path: '/practices', icon: '✦' },
    render: (s) =>
      !first(s, 'practices') ? null : !s[1] ? (
        <PracticesScreen />
      ) : s[1] === 'new' ? (
        <NewPracticeScreen />
      ) : s[2] === 'edit' ? (
        <EditPracticeScreen key={`${s[1]}:edit`} id={s[1]} />
      ) : (
        <PracticeScreen key={s[1]} id={s[1]} />
      ),
  },
  {
    nav: { key: 'nav.sessions', path: '/sessions', icon: '☷' },
    render: sessionsRoute,
  },
  {
    nav: { key: 'nav.sync', path: '/sync', icon: '⇄' },
    render: (s) => (first(s, 'sync') ? <SyncScreen /> : null),
  },
  {
    nav: { key: 'nav.reports', path: '/reports', icon: '▤' },
    render: (s) => (first(s, 'reports') ? <ReportsScreen /> : null),
  },
  {
    nav: { key: 'nav.import', path: '/import', icon: '⇪' },
    render: (s) => (first(s, 'import') ? <ImportScreen /> : null),
  },
  {
    nav: { key: 'nav.removed', path: '/removed', icon: '↺' },
    render: (s) => (first(s, 'removed') ? <RemovedScreen /> : null),
  },
  {
    nav: { key: 'nav.settings', path: '/settings', icon: '⚙' },
    render: (s) => (first(s, 'settings') ? <SettingsScreen /> : null),
  },
];
