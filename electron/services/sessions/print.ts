import type { PlanDraft } from '../../../shared/contract/sessions.ts';
import type { Lang } from '../../../shared/i18n.ts';
import type { Store } from '../../db/store.ts';
import { orderForReview } from './agenda.ts';
import { getSession } from './detail.ts';
import { handoutFileName, renderHandout } from './handout.ts';
import { clusterName, membersOf, outstandingBefore, schoolsOf } from './sql.ts';

/** The printable plan of a stored session. */
export function sessionHandout(store: Store, id: string, lang: Lang): { html: string; fileName: string } {
  const d = getSession(store, id);
  const html = renderHandout(
    {
      clusterName: d.clusterName,
      kind: d.kind,
      mode: d.mode,
      date: d.date,
      place: d.place,
      title: d.title,
      hostSchoolName: d.hostSchool?.name ?? '',
      items: d.agenda.items,
      members: d.members,
      commitments: d.toReview,
    },
    lang,
  );
  return { html, fileName: handoutFileName(d.clusterName, d.date) };
}

/** The printable plan of a draft that is not stored (the CLI's `pamoja plan`). */
export function draftHandout(store: Store, plan: PlanDraft, lang: Lang): { html: string; fileName: string } {
  const name = clusterName(store, plan.clusterId);
  const peer = plan.items.find((i) => i.kind === 'peer_review');
  const hostId = peer?.kind === 'peer_review' ? peer.hostSchoolId : null;
  const html = renderHandout(
    {
      clusterName: name,
      kind: plan.kind,
      mode: plan.mode,
      date: plan.date,
      place: plan.place,
      title: plan.title,
      hostSchoolName: schoolsOf(store, plan.clusterId).find((s) => s.id === hostId)?.name ?? '',
      items: plan.items,
      members: membersOf(store, plan.clusterId, plan.date),
      commitments: orderForReview(outstandingBefore(store, plan.clusterId, plan.date), plan.date),
    },
    lang,
  );
  return { html, fileName: handoutFileName(name, plan.date) };
}
