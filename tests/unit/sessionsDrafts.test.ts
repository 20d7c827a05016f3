import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../electron/db/store.ts';
import {
  clearDraft,
  getDraft,
  saveDraft,
  sessionsWithDrafts,
} from '../../electron/services/sessions/drafts.ts';
import { draftPlan } from '../../electron/services/sessions/plan.ts';
import { saveRecord } from '../../electron/services/sessions/record.ts';
import type { DraftData } from '../../shared/contract/sessions.ts';
import type { RecordDraft } from '../../shared/sessions/record.ts';
import { tempDir, tempStore } from './helpers.ts';
import { changeCount, planned, smallRegion } from './sessionsRegion.ts';

const record = (notes: string, attendance: RecordDraft['attendance'] = {}): DraftData => ({
  kind: 'record',
  record: {
    attendance,
    reviews: {},
    commitments: [],
    practicesShared: [],
    adoptions: [],
    notes,
    practiceTitles: {},
    peerReview: { hostSchoolId: null, enquiryQuestion: '', evidence: '', findings: '' },
  },
});

describe('session drafts', () => {
  it('keeps the latest draft per session, outside the change log, and survives closing the store', () => {
    const file = join(tempDir(), 'store.sqlite');
    let store = openStore(file, { now: () => 1_750_000_000_000 });
    const r = smallRegion(store);
    const key = { kind: 'record' as const, sessionId: r.pastSession };
    const changes = changeCount(store);

    saveDraft(store, key, record('first words'));
    expect(saveDraft(store, key, record('first words, then more', { [r.members.amina]: 'present' }))).toEqual(
      {
        savedAt: 1_750_000_000_000,
      },
    );
    expect(changeCount(store)).toBe(changes); // a draft is not data to sync
    expect(sessionsWithDrafts(store)).toEqual(new Set([r.pastSession]));
    store.close();

    // As if the app was closed mid-entry: open the file again.
    store = openStore(file);
    expect(getDraft(store, key)).toEqual({
      data: record('first words, then more', { [r.members.amina]: 'present' }),
      savedAt: 1_750_000_000_000,
    });
    clearDraft(store, key);
    expect(getDraft(store, key)).toBeNull();
    store.close();
  });

  it('keeps plan drafts apart per cluster and session, and refuses a draft under the wrong kind of key', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const plan = draftPlan(
      store,
      {
        clusterId: r.mtwapa,
        date: '2026-03-10',
        kind: 'meeting',
        mode: 'in_person',
        problem: '',
        lang: 'en',
      },
      () => [],
    );
    const newPlan = { kind: 'plan' as const, clusterId: r.mtwapa, sessionId: null };
    saveDraft(store, newPlan, { kind: 'plan', plan });
    expect(getDraft(store, newPlan)?.data).toEqual({ kind: 'plan', plan });
    expect(getDraft(store, { ...newPlan, sessionId: r.pastSession })).toBeNull();
    expect(getDraft(store, { kind: 'plan', clusterId: r.shimo, sessionId: null })).toBeNull();
    expect(() => saveDraft(store, newPlan, record('x'))).toThrow(
      /record draft cannot be saved under a plan key/,
    );
  });

  it('a meeting being planned does not stand in the way of planning a peer-review visit', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const planOf = (kind: 'meeting' | 'peer_review') =>
      draftPlan(
        store,
        { clusterId: r.mtwapa, date: '2026-03-10', kind, mode: 'in_person', problem: '', lang: 'en' },
        () => [],
      );
    const meeting = {
      kind: 'plan' as const,
      clusterId: r.mtwapa,
      sessionId: null,
      sessionKind: 'meeting' as const,
    };
    const visit = { ...meeting, sessionKind: 'peer_review' as const };
    saveDraft(store, meeting, { kind: 'plan', plan: planOf('meeting') });
    expect(getDraft(store, visit)).toBeNull();
    saveDraft(store, visit, { kind: 'plan', plan: planOf('peer_review') });
    expect(getDraft(store, meeting)?.data).toMatchObject({ plan: { kind: 'meeting' } });
    expect(getDraft(store, visit)?.data).toMatchObject({ plan: { kind: 'peer_review' } });
    // A meeting draft saved before visits had their own key is still found.
    const { sessionKind: _k, ...olderKey } = meeting;
    expect(getDraft(store, olderKey)?.data).toMatchObject({ plan: { kind: 'meeting' } });
    clearDraft(store, meeting);
    expect(getDraft(store, visit)).not.toBeNull();
  });

  it('an unreadable draft reads as none but stays until the next save', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const key = { kind: 'record' as const, sessionId: r.pastSession };
    store.db
      .prepare('INSERT INTO session_drafts (key, data, saved_at) VALUES (?, \'{"kind":"record"\', 1)')
      .run(`record:${r.pastSession}`);
    expect(getDraft(store, key)).toBeNull();
    expect(store.db.prepare('SELECT count(*) FROM session_drafts').pluck().get()).toBe(1);
  });

  it('"Save record" clears the draft in the same transaction', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const id = planned(store, r);
    const key = { kind: 'record' as const, sessionId: id };
    saveDraft(store, key, record('typed at the meeting'));
    saveRecord(store, {
      sessionId: id,
      attendance: [{ memberId: r.members.amina, status: 'present' }],
      reviews: [],
      commitments: [],
      practicesShared: [],
      adoptions: [],
      notes: 'typed at the meeting',
      peerReview: null,
    });
    expect(getDraft(store, key)).toBeNull();
  });
});
