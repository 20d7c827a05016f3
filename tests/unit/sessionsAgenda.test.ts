import { describe, expect, it } from 'vitest';
import {
  buildAgenda,
  buildSpotlight,
  orderForReview,
  pickHost,
  pickSpotlightIndicator,
  type AgendaFacts,
} from '../../electron/services/sessions/agenda.ts';
import {
  moveItem,
  parseAgenda,
  SessionAgenda,
  spotlightPracticeIds,
  totalMinutes,
  withSpotlightPractice,
  type AgendaItem,
} from '../../shared/sessions/agenda.ts';
import { axisMax, spotlightRows } from '../../shared/sessions/chart.ts';

const commitments = [
  { id: 'a', ownerName: 'Amina', action: 'not yet due', dueDate: '2026-04-01', status: 'open' as const },
  { id: 'b', ownerName: 'Baraka', action: 'just overdue', dueDate: '2026-03-01', status: 'open' as const },
  {
    id: 'c',
    ownerName: 'Chausiku',
    action: 'long overdue',
    dueDate: '2026-02-01',
    status: 'partly' as const,
  },
  { id: 'd', ownerName: 'Dama', action: 'due on the day', dueDate: '2026-03-10', status: 'open' as const },
];

describe('orderForReview', () => {
  it('puts overdue commitments first, the longest overdue at the top, then the rest by due date', () => {
    const ordered = orderForReview(commitments, '2026-03-10');
    expect(ordered.map((c) => c.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(ordered.map((c) => c.overdue)).toEqual([true, true, false, false]);
  });
});

describe('pickSpotlightIndicator', () => {
  const withData = new Set(['attendance_rate', 'literacy_rate', 'transition_rate_girls'] as const);

  it('takes the indicator of the highest-ranked priority', () => {
    expect(
      pickSpotlightIndicator(
        [
          { tag: 'early_literacy', rank: 2 },
          { tag: 'girls_transition', rank: 1 },
        ],
        withData,
      ),
    ).toEqual({ indicator: 'transition_rate_girls', priority: 'girls_transition' });
    expect(pickSpotlightIndicator([{ tag: 'early_literacy', rank: 1 }], withData)).toEqual({
      indicator: 'literacy_rate',
      priority: 'early_literacy',
    });
  });

  it('skips a priority whose indicator has no data, and falls back to attendance', () => {
    expect(
      pickSpotlightIndicator(
        [
          { tag: 'numeracy', rank: 1 },
          { tag: 'early_literacy', rank: 2 },
        ],
        withData,
      ),
    ).toEqual({ indicator: 'literacy_rate', priority: 'early_literacy' });
    expect(pickSpotlightIndicator([{ tag: 'numeracy', rank: 1 }], withData)).toEqual({
      indicator: 'attendance_rate',
      priority: null,
    });
    expect(pickSpotlightIndicator([], new Set())).toBeNull();
  });
});

describe('buildSpotlight', () => {
  const facts = {
    indicator: 'dropout_rate' as const,
    priority: 'vulnerable_learners' as const,
    clusterName: 'Mtwapa CoP',
    schools: [
      { id: 's1', name: 'Alpha' },
      { id: 's2', name: 'Beta' },
      { id: 's3', name: 'Gamma' },
    ],
    schoolValues: [
      { schoolId: 's1', term: '2025-T2', value: 9 },
      { schoolId: 's1', term: '2025-T3', value: 8 },
      { schoolId: 's1', term: '2026-T1', value: 6 },
      { schoolId: 's2', term: '2025-T3', value: 3 },
      { schoolId: 's2', term: '2026-T1', value: 2 },
    ],
    neighbours: [
      { id: 'n1', name: 'Rabai CoP' },
      { id: 'n2', name: 'Empty CoP' },
    ],
    neighbourValues: [
      { clusterId: 'n1', term: '2025-T3', value: 5.55 },
      { clusterId: 'n1', term: '2026-T1', value: 4.04 },
    ],
  };

  it('compares the latest term with the one before, for schools, the cluster and its neighbours', () => {
    const s = buildSpotlight(facts)!;
    expect(s.term).toBe('2026-T1');
    expect(s.previousTerm).toBe('2025-T3');
    expect(s.cluster).toEqual({ name: 'Mtwapa CoP', current: 4, previous: 5.5 });
    expect(s.neighbours).toEqual([{ id: 'n1', name: 'Rabai CoP', current: 4, previous: 5.6 }]);
    // Lower dropout is better: Beta first, Alpha next, Gamma (no data) last.
    expect(s.schools.map((x) => [x.name, x.current, x.previous])).toEqual([
      ['Beta', 2, 3],
      ['Alpha', 6, 8],
      ['Gamma', null, null],
    ]);
  });

  it('is null when the cluster has no figures for the indicator', () => {
    expect(buildSpotlight({ ...facts, schoolValues: [] })).toBeNull();
  });

  it('shapes into chart rows: schools, the cluster average, then neighbours', () => {
    const s = buildSpotlight(facts)!;
    const rows = spotlightRows(s, 'Mtwapa average');
    expect(rows.map((r) => [r.group, r.label])).toEqual([
      ['school', 'Beta'],
      ['school', 'Alpha'],
      ['school', 'Gamma'],
      ['cluster', 'Mtwapa average'],
      ['neighbour', 'Rabai CoP'],
    ]);
    expect(axisMax(s, rows)).toBe(100);
    const counts = { ...s, indicator: 'vulnerable_reached' as const };
    expect(axisMax(counts, spotlightRows(counts, 'x'))).toBe(9);
  });
});

describe('pickHost', () => {
  const schools = [
    { id: 'a', name: 'Alpha' },
    { id: 'b', name: 'Beta' },
    { id: 'c', name: 'Gamma' },
  ];
  it('rotates: a school that never hosted goes before one that did', () => {
    expect(pickHost(schools, new Map([['a', '2025-05-01']]), null)?.id).toBe('b');
    expect(
      pickHost(
        schools,
        new Map([
          ['a', '2025-05-01'],
          ['b', '2025-09-01'],
          ['c', '2025-07-01'],
        ]),
        null,
      )?.id,
    ).toBe('a');
  });
  it('among schools that never hosted, picks the weakest on the spotlight', () => {
    const spotlight = buildSpotlight({
      indicator: 'attendance_rate',
      priority: null,
      clusterName: 'X',
      schools,
      schoolValues: [
        { schoolId: 'a', term: '2026-T1', value: 90 },
        { schoolId: 'b', term: '2026-T1', value: 70 },
        { schoolId: 'c', term: '2026-T1', value: 80 },
      ],
      neighbours: [],
      neighbourValues: [],
    });
    expect(pickHost(schools, new Map(), spotlight)?.id).toBe('b');
  });
});

const baseFacts: AgendaFacts = {
  kind: 'meeting',
  mode: 'in_person',
  date: '2026-03-10',
  clusterName: 'Mtwapa CoP',
  commitments,
  spotlight: null,
  problem: 'girls leave after Grade 6',
  practices: [
    { id: 'p1', title: 'Radio lessons', summary: 'Parents listen too', why: ['Worked in Shimo, 4 km away'] },
    { id: 'p2', title: 'Parent visits', summary: 'Groups visit homes', why: [] },
  ],
  host: { id: 'a', name: 'Alpha' },
  priority: 'girls_transition',
};

describe('buildAgenda', () => {
  it('builds a meeting: welcome, review (overdue first), practices, peer-review slot, close', () => {
    const { title, items } = buildAgenda(baseFacts, 'en');
    expect(title).toBe('Mtwapa CoP meeting');
    expect(items.map((i) => i.kind)).toEqual([
      'free',
      'commitments_review',
      'practice_spotlight',
      'peer_review',
      'free',
    ]);
    const review = items[1]!;
    expect(review.kind === 'commitments_review' && review.commitments.map((c) => c.id)).toEqual([
      'c',
      'b',
      'd',
      'a',
    ]);
    const practice = items[2]!;
    expect(practice.kind === 'practice_spotlight' && practice.practices.map((p) => p.id)).toEqual([
      'p1',
      'p2',
    ]);
    expect(practice.kind === 'practice_spotlight' && practice.problem).toBe('girls leave after Grade 6');
    const peer = items[3]!;
    expect(peer.kind === 'peer_review' && peer.enquiryQuestion).toContain('Alpha');
    expect(peer.kind === 'peer_review' && peer.evidenceToGather).not.toBe('');
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(SessionAgenda.safeParse({ items }).success).toBe(true);
  });

  it('leaves out empty sections and notes "send ahead" for a call', () => {
    const spotlight = buildSpotlight({
      indicator: 'attendance_rate',
      priority: 'attendance',
      clusterName: 'X',
      schools: [{ id: 'a', name: 'Alpha' }],
      schoolValues: [{ schoolId: 'a', term: '2026-T1', value: 90 }],
      neighbours: [],
      neighbourValues: [],
    });
    const { items } = buildAgenda(
      { ...baseFacts, mode: 'whatsapp', commitments: [], practices: [], spotlight },
      'en',
    );
    expect(items.map((i) => i.kind)).toEqual(['free', 'data_spotlight', 'peer_review', 'free']);
    expect(items[1]!.title).toBe('Data spotlight: Attendance rate');
    expect(items[1]!.notes).toMatch(/before the call/);
  });

  it('writes in Kiswahili when asked', () => {
    const { title, items } = buildAgenda(baseFacts, 'sw');
    expect(title).toBe('Mkutano wa Mtwapa CoP');
    expect(items[1]!.title).toBe('Mapitio ya ahadi za mkutano uliopita');
  });

  it('builds a peer-review visit around the host school and its enquiry question', () => {
    const { title, items } = buildAgenda({ ...baseFacts, kind: 'peer_review' }, 'en');
    expect(title).toBe('Peer review at Alpha');
    expect(items[0]!.kind).toBe('peer_review');
    expect(items.some((i) => i.kind === 'commitments_review' || i.kind === 'practice_spotlight')).toBe(false);
    expect(totalMinutes(items)).toBe(185);
  });
});

describe('agenda editing helpers', () => {
  it('moves an item up or down, clamped at the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 5)).toEqual(['a', 'b', 'c']);
  });

  it('reads a plain-text agenda (hand-written or from a region file) as free items', () => {
    const agenda = parseAgenda('1. Welcome and apologies\n\n2) Data: attendance by school\n- Next meeting');
    expect(agenda.items).toEqual([
      { id: 'line-1', kind: 'free', title: 'Welcome and apologies', minutes: 0, notes: '' },
      { id: 'line-2', kind: 'free', title: 'Data: attendance by school', minutes: 0, notes: '' },
      { id: 'line-3', kind: 'free', title: 'Next meeting', minutes: 0, notes: '' },
    ]);
    expect(parseAgenda('').items).toEqual([]);
    expect(parseAgenda('{"items": "not a list"}').items).toEqual([]);
  });

  it('adds a practice chosen from the recommendations to the spotlight, once', () => {
    const radio = { id: 'p-radio', title: 'Radio lessons', summary: '', why: ['Worked 12 km away'] };
    const walk = { id: 'p-walk', title: 'Walking buses', summary: '', why: [] };
    const free = (id: string): AgendaItem => ({ id, kind: 'free', title: id, minutes: 5, notes: '' });
    const spot = { title: 'Practice spotlight', problem: 'girls leave early' };

    // No spotlight yet: one is added before the closing item.
    const added = withSpotlightPractice([free('welcome'), free('close')], radio, spot);
    expect(added.map((i) => i.id)).toEqual(['welcome', 'practice', 'close']);
    expect(added[1]).toMatchObject({
      kind: 'practice_spotlight',
      title: 'Practice spotlight',
      problem: 'girls leave early',
    });
    expect(spotlightPracticeIds(added)).toEqual(['p-radio']);

    // A spotlight there: the practice joins it; the same practice again changes nothing.
    const two = withSpotlightPractice(added, walk, spot);
    expect(spotlightPracticeIds(two)).toEqual(['p-radio', 'p-walk']);
    expect(withSpotlightPractice(two, radio, spot)).toEqual(two);
    expect(SessionAgenda.parse({ items: two }).items).toEqual(two);

    // The id stays unique even when a free item is called "practice".
    const named = withSpotlightPractice([free('practice')], radio, spot);
    expect(named.map((i) => i.id)).toEqual(['practice', 'practice-2']);
  });
});
