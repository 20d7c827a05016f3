import type { ReactNode } from 'react';
import { hashQuery } from '../router.ts';
import { SessionPlanScreen } from './SessionPlanScreen.tsx';
import { SessionRecordScreen } from './SessionRecordScreen.tsx';
import { SessionScreen } from './SessionScreen.tsx';
import { SessionsScreen } from './SessionsScreen.tsx';

/**
 * The sessions area's places:
 *   #/sessions                         every session, filter by cluster
 *   #/sessions/plan/<clusterId>        plan a new session (?kind=peer_review for a visit)
 *   #/sessions/<id>                    one session: plan, printable plan, record
 *   #/sessions/<id>/plan               edit its plan
 *   #/sessions/<id>/record             record it
 */
export function sessionsRoute(s: string[]): ReactNode | null {
  if (s[0] !== 'sessions') return null;
  if (s.length === 1) return <SessionsScreen />;
  if (s[1] === 'plan' && s[2]) {
    const kind = hashQuery().get('kind') === 'peer_review' ? 'peer_review' : 'meeting';
    return <SessionPlanScreen key={`${s[2]}:${kind}`} clusterId={s[2]} kind={kind} />;
  }
  const id = s[1]!;
  if (s.length === 2) return <SessionScreen key={id} id={id} />;
  if (s[2] === 'record') return <SessionRecordScreen key={id} id={id} />;
  if (s[2] === 'plan') return <SessionPlanScreen key={id} sessionId={id} />;
  return null;
}
