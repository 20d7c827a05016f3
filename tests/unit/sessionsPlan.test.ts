import { describe, expect, it } from 'vitest';
import { recommend } from '../../electron/services/recommend/service.ts';
import { getSession, listSessions } from '../../electron/services/sessions/detail.ts';
import {
  cancelSession,
  draftPlan,
  savePlan,
  SPOTLIGHT_PRACTICES,
} from '../../electron/services/sessions/plan.ts';
import { recommendedPractices } from '../../electron/services/sessions/practices.ts';
import { explain } from '../../shared/recommend/explain.ts';
import { tempStore } from './helpers.ts';
import { fakeSource, plan, smallRegion } from './sessionsRegion.ts';

describe('planning a session', () => {
  it('builds the agenda from the cluster: overdue commitments first, its priority indicator, recommendations', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const asked: unknown[] = [];
    const draft = draftPlan(
      store,
      {
        clusterId: r.mtwapa,
        date: '2026-03-10',
        kind: 'meeting',
        mode: 'phone',
        problem: 'girls leave',
        lang: 'en',
      },
      fakeSource(r, asked),
    );
    const review = draft.items.find((i) => i.kind === 'commitments_review');
    expect(review?.kind === 'commitments_review' && review.commitments.map((c) => [c.id, c.overdue])).toEqual(
      [
        [r.commitments.longOverdue, true],
        [r.commitments.justOverdue, true],
        [r.commitments.notDue, false],
      ],
    );

    const data = draft.items.find((i) => i.kind === 'data_spotlight');
    const s = data?.kind === 'data_spotlight' ? data.spotlight : null;
    expect(s?.indicator).toBe('transition_rate_girls');
    expect(s?.priority).toBe('girls_transition');
    expect([s?.term, s?.previousTerm]).toEqual(['2026-T1', '2025-T3']);
    expect(s?.schools.map((x) => [x.name, x.current, x.previous])).toEqual([
      ['Jumba Primary', 84, 80],
      ['Kidutani Primary', 72, 70],
      ['Mzambarauni Primary', 63, 60],
    ]);
    expect(s?.cluster).toEqual({ name: 'Mtwapa CoP', current: 73, previous: 70 });
    // Declared neighbours only (not far-away Malindi), each on the same two terms.
    expect(s?.neighbours).toEqual([
      { id: r.rabai, name: 'Rabai CoP', current: 66, previous: null },
      { id: r.shimo, name: 'Shimo la Tewa CoP', current: 78, previous: 75 },
    ]);
    expect(data?.notes).toMatch(/before the call/);

    expect(asked).toEqual([{ clusterId: r.mtwapa, problem: 'girls leave', limit: 3, lang: 'en' }]);
    const practice = draft.items.find((i) => i.kind === 'practice_spotlight');
    expect(practice?.kind === 'practice_spotlight' && practice.practices.map((p) => p.id)).toEqual([
      r.practices.visits,
      r.practices.radio,
    ]);
    // The peer-review slot suggests a host that has not hosted yet: the weakest school.
    const peer = draft.items.find((i) => i.kind === 'peer_review');
    expect(peer?.kind === 'peer_review' && peer.hostSchoolName).toBe('Mzambarauni Primary');
  });

  it('spotlights the next priority when the first has no figures', () => {
    const store = tempStore();
    const r = smallRegion(store, ['numeracy', 'attendance']);
    const data = plan(store, r).items.find((i) => i.kind === 'data_spotlight');
    expect(data?.kind === 'data_spotlight' && data.spotlight?.indicator).toBe('attendance_rate');
  });

  it('stores the plan as a planned session and saves edits to it', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const draft = plan(store, r);
    const { problem: _p, ...input } = draft;
    const { id } = savePlan(store, { ...input, place: 'Jumba Primary' });
    const stored = getSession(store, id);
    expect(stored.status).toBe('planned');
    expect(stored.agenda.items).toEqual(draft.items);

    const reordered = [draft.items[2]!, ...draft.items.filter((_, i) => i !== 2)];
    savePlan(store, { ...input, id, items: reordered, title: 'March meeting' });
    const again = getSession(store, id);
    expect(again.agenda.items.map((i) => i.id)).toEqual(reordered.map((i) => i.id));
    expect(again.title).toBe('March meeting');
    expect(
      listSessions(store, { clusterId: r.mtwapa, limit: 10, offset: 0 }).sessions.map((s) => s.id),
    ).toEqual([id, r.pastSession]);

    expect(() => savePlan(store, { ...input, id, items: [draft.items[0]!, draft.items[0]!] })).toThrow(
      /two items/,
    );
    cancelSession(store, id);
    expect(getSession(store, id).status).toBe('cancelled');
  });
});

describe('the practice spotlight', () => {
  it('puts the recommendations for the cluster on the agenda, in their order, with their reasons in words', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const expected = recommend(store, {
      clusterId: r.mtwapa,
      problem: 'girls visit parents',
      limit: SPOTLIGHT_PRACTICES,
    });
    expect(expected.results.length).toBeGreaterThan(0);
    const draft = draftPlan(
      store,
      {
        clusterId: r.mtwapa,
        date: '2026-03-10',
        kind: 'meeting',
        mode: 'in_person',
        problem: 'girls visit parents',
        lang: 'en',
      },
      recommendedPractices,
    );
    const item = draft.items.find((i) => i.kind === 'practice_spotlight');
    expect(item?.kind === 'practice_spotlight' && item.practices).toEqual(
      expected.results.map((x) => ({
        id: x.practiceId,
        title: x.title,
        summary: x.summary,
        why: explain(x.reasons, 'en'),
      })),
    );
    expect(item?.kind === 'practice_spotlight' && item.practices[0]!.why.length).toBeGreaterThan(0);
    // Without a problem typed, the cluster's own priorities form the question.
    const byPriorities = draftPlan(
      store,
      {
        clusterId: r.mtwapa,
        date: '2026-03-10',
        kind: 'meeting',
        mode: 'in_person',
        problem: '',
        lang: 'sw',
      },
      recommendedPractices,
    ).items.find((i) => i.kind === 'practice_spotlight');
    expect(
      byPriorities?.kind === 'practice_spotlight' && byPriorities.practices.map((p) => p.id).sort(),
    ).toEqual([r.practices.radio, r.practices.visits].sort());
  });
});
