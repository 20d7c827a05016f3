import { describe, expect, it } from 'vitest';
import { clusterFollowUp, regionFollowUp } from '../../electron/services/sessions/followup.ts';
import { saveRecord } from '../../electron/services/sessions/record.ts';
import { tempStore } from './helpers.ts';
import { planned, smallRegion } from './sessionsRegion.ts';

describe('follow-up of commitments', () => {
  it('lists a cluster’s overdue commitments, longest late first, and its completion rate per term', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const before = clusterFollowUp(store, r.mtwapa, 'term', '2026-03-10');
    expect(before.overdue.map((c) => [c.id, c.daysOverdue])).toEqual([
      [r.commitments.longOverdue, 37],
      [r.commitments.justOverdue, 9],
    ]);
    expect(before.open).toBe(3);
    // Two fell due in 2026-T1, neither reviewed: 0%. The third is not due yet and does not count.
    expect(before.series).toMatchObject([{ period: '2026-T1', due: 2, unreviewed: 2, rate: 0 }]);

    // The March meeting reviews them: the overdue list empties and the rate moves.
    const id = planned(store, r);
    saveRecord(store, {
      sessionId: id,
      attendance: [],
      reviews: [
        { commitmentId: r.commitments.longOverdue, outcome: 'done', note: '', newDueDate: null },
        { commitmentId: r.commitments.justOverdue, outcome: 'partly', note: '', newDueDate: null },
      ],
      commitments: [],
      practicesShared: [],
      adoptions: [],
      notes: '',
      peerReview: null,
    });
    const after = clusterFollowUp(store, r.mtwapa, 'term', '2026-03-11');
    // Partly done stays on the list (still outstanding and late).
    expect(after.overdue.map((c) => c.id)).toEqual([r.commitments.justOverdue]);
    expect(after.series).toMatchObject([{ period: '2026-T1', due: 2, done: 1, partly: 1, rate: 0.75 }]);
    expect(after.rate).toBe(0.75);

    const byMonth = clusterFollowUp(store, r.mtwapa, 'month', '2026-05-01');
    expect(byMonth.series.map((p) => [p.period, p.rate])).toEqual([
      ['2026-02', 1],
      ['2026-03', 0.5],
      ['2026-04', 0],
    ]);
  });

  it('compares clusters across the region over the same recent periods', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const region = regionFollowUp(store, 'month', '2026-03-10');
    expect(region.periods).toEqual(['2026-02', '2026-03']);
    const mtwapa = region.clusters.find((c) => c.clusterId === r.mtwapa)!;
    expect(mtwapa).toMatchObject({ clusterName: 'Mtwapa CoP', open: 3, overdue: 2, rate: 0, rates: [0, 0] });
    const shimo = region.clusters.find((c) => c.clusterId === r.shimo)!;
    expect(shimo).toMatchObject({ open: 0, overdue: 0, rate: null, rates: [null, null] });
    expect(region.clusters.map((c) => c.clusterName)).toEqual([
      'Malindi CoP',
      'Mtwapa CoP',
      'Rabai CoP',
      'Shimo la Tewa CoP',
    ]);
  });
});
