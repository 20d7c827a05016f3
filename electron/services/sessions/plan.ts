import type { PlanDraft, PlanInput } from '../../../shared/contract/sessions.ts';
import { PamojaError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n.ts';
import type { SessionKind, SessionMode } from '../../../shared/schema/enums.ts';
import { parseAgenda, type AgendaItem, type SpotlightPractice } from '../../../shared/sessions/agenda.ts';
import type { Store } from '../../db/store.ts';
import { neighbourIds } from '../clusters/service.ts';
import { buildAgenda, buildSpotlight, pickHost, pickSpotlightIndicator } from './agenda.ts';
import {
  clusterName,
  clusterTermAverages,
  indicatorsWithData,
  lastHosted,
  namesOf,
  outstandingBefore,
  prioritiesOf,
  schoolsOf,
  schoolValues,
  sessionRow,
} from './sql.ts';

/** Where the practice spotlight comes from: the recommendations for the cluster's problem. */
export type PracticeSource = (
  store: Store,
  query: { clusterId: string; problem: string; limit: number; lang: Lang },
) => SpotlightPractice[];

export interface DraftPlanInput {
  clusterId: string;
  date: string;
  kind: SessionKind;
  mode: SessionMode;
  problem: string;
  lang: Lang;
}

/** How many practices the spotlight shows: enough to choose from, few enough to discuss. */
export const SPOTLIGHT_PRACTICES = 3;

/** A fresh agenda for the cluster's next session, from its data; nothing is stored. */
export function draftPlan(store: Store, input: DraftPlanInput, practices: PracticeSource): PlanDraft {
  const name = clusterName(store, input.clusterId);
  const priorities = prioritiesOf(store, input.clusterId);
  const schools = schoolsOf(store, input.clusterId);

  const pick = pickSpotlightIndicator(priorities, indicatorsWithData(store, input.clusterId));
  let spotlight = null;
  if (pick) {
    const values = schoolValues(store, input.clusterId, pick.indicator);
    const terms = [...new Set(values.map((v) => v.term))].sort().slice(-2);
    const neighbours = namesOf(store, 'clusters', neighbourIds(store, input.clusterId));
    spotlight = buildSpotlight({
      ...pick,
      clusterName: name,
      schools,
      schoolValues: values,
      neighbours: [...neighbours]
        .map(([id, n]) => ({ id, name: n }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      neighbourValues: clusterTermAverages(store, [...neighbours.keys()], pick.indicator, terms),
    });
  }

  const { title, items } = buildAgenda(
    {
      kind: input.kind,
      mode: input.mode,
      date: input.date,
      clusterName: name,
      commitments: outstandingBefore(store, input.clusterId, input.date),
      spotlight,
      problem: input.problem,
      practices:
        input.kind === 'meeting'
          ? practices(store, {
              clusterId: input.clusterId,
              problem: input.problem,
              limit: SPOTLIGHT_PRACTICES,
              lang: input.lang,
            })
          : [],
      host: pickHost(schools, lastHosted(store, input.clusterId), spotlight),
      priority: priorities[0]?.tag ?? null,
    },
    input.lang,
  );
  return {
    clusterId: input.clusterId,
    kind: input.kind,
    mode: input.mode,
    date: input.date,
    place: '',
    title,
    items,
    problem: input.problem,
  };
}

function checkItems(items: AgendaItem[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id))
      throw new PamojaError('invalid', `The agenda has two items with id "${item.id}"`, 'items');
    seen.add(item.id);
  }
}

/**
 * Stores a plan: a new planned session, or the new plan of an existing one. A peer-review
 * visit takes its host school and enquiry question from its peer-review item.
 */
export function savePlan(store: Store, plan: PlanInput): { id: string } {
  clusterName(store, plan.clusterId);
  checkItems(plan.items);
  const peer = plan.kind === 'peer_review' ? plan.items.find((i) => i.kind === 'peer_review') : undefined;
  const hostSchoolId = peer?.kind === 'peer_review' ? peer.hostSchoolId : null;
  if (hostSchoolId && !schoolsOf(store, plan.clusterId).some((s) => s.id === hostSchoolId)) {
    throw new PamojaError('invalid', 'The host school must be one of the cluster’s schools', 'items');
  }
  const fields = {
    cluster_id: plan.clusterId,
    kind: plan.kind,
    mode: plan.mode,
    date: plan.date,
    place: plan.place,
    title: plan.title,
    host_school_id: hostSchoolId,
    enquiry_question: peer?.kind === 'peer_review' ? peer.enquiryQuestion : '',
  };
  if (plan.id) {
    const current = sessionRow(store, plan.id);
    if (current.cluster_id !== plan.clusterId) {
      throw new PamojaError('invalid', 'A session cannot move to another cluster', 'clusterId');
    }
    // Keep what was recorded (practices shared, adoptions) when only the plan changes.
    const agenda = { ...parseAgenda(current.agenda), items: plan.items };
    store.write((w) => w.update('sessions', current.id, { ...fields, agenda: JSON.stringify(agenda) }));
    return { id: current.id };
  }
  const agenda = { items: plan.items, practicesShared: [], adoptionsAgreed: [] };
  const id = store.write((w) =>
    w.insert('sessions', {
      ...fields,
      status: 'planned',
      agenda: JSON.stringify(agenda),
      notes: '',
      evidence: '',
      findings: '',
    }),
  );
  return { id };
}

export function cancelSession(store: Store, id: string): { ok: true } {
  const row = sessionRow(store, id);
  if (row.status === 'held') {
    throw new PamojaError('conflict', 'This session has been held and recorded; it cannot be cancelled.');
  }
  store.write((w) => w.update('sessions', id, { status: 'cancelled' }));
  return { ok: true };
}
