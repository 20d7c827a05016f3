import { describe, expect, it } from 'vitest';
import { indicatorsId } from '../../electron/db/ids.ts';
import { clusterTrend } from '../../electron/services/clusters/service.ts';
import { saveTermFigures } from '../../electron/services/figures/save.ts';
import { getTermFigures } from '../../electron/services/figures/termFigures.ts';
import type { PamojaError } from '../../shared/errors.ts';
import { contract } from '../../shared/contract/index.ts';
import { tempStore } from './helpers.ts';
import { changeCount, smallRegion } from './sessionsRegion.ts';
import { carry } from './syncHelpers.ts';

const refused = (fn: () => unknown): PamojaError => {
  try {
    fn();
  } catch (e) {
    return e as PamojaError;
  }
  throw new Error('expected a refusal');
};

const newChanges = (store: ReturnType<typeof tempStore>, since: number) =>
  store.db.prepare('SELECT row_id, col, value FROM changes WHERE seq > ? ORDER BY seq').all(since) as {
    row_id: string;
    col: string;
    value: unknown;
  }[];

const lastSeq = (store: ReturnType<typeof tempStore>): number =>
  (store.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM changes').get() as { s: number }).s;

describe("a cluster's term figures", () => {
  it('shows every school with its figures and last term’s, and the terms to choose from', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const g = getTermFigures(store, r.mtwapa, '2026-T1', '2026-03-10');
    expect(g.clusterName).toBe('Mtwapa CoP');
    expect(g.previousTerm).toBe('2025-T3');
    expect(g.terms).toEqual(['2026-T1', '2025-T3', '2025-T2']);
    expect(g.schools.map((s) => s.name)).toEqual([
      'Jumba Primary',
      'Kidutani Primary',
      'Mzambarauni Primary',
    ]);
    expect(g.schools[0]!.figures).toMatchObject({
      transition_rate_girls: 84,
      attendance_rate: 91,
      dropout_rate: null,
    });
    expect(g.schools[0]!.previous).toMatchObject({ attendance_rate: 90 });
    expect(g.alsoEdited).toEqual([]);
    // A term nobody entered yet: the schools are there with nothing filled in.
    const next = getTermFigures(store, r.mtwapa, '2026-T2', '2026-06-01');
    expect(next.schools.every((s) => s.figures === null)).toBe(true);
    expect(next.terms[0]).toBe('2026-T2');
    expect(getTermFigures(store, r.mtwapa, undefined, '2026-09-15').term).toBe('2026-T3');
  });

  it('writes only the figures that changed, one change each, and the trend uses them at once', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const before = clusterTrend(store, r.mtwapa, 'attendance_rate').find((p) => p.term === '2026-T1')!;
    const since = lastSeq(store);
    const result = saveTermFigures(store, {
      clusterId: r.mtwapa,
      term: '2026-T1',
      schools: [
        { schoolId: r.schools.jumba, figures: { attendance_rate: 91, dropout_rate: 2.5 } },
        { schoolId: r.schools.kidutani, figures: { attendance_rate: 95 } },
      ],
      confirmed: [],
    });
    expect(result).toEqual({ changed: 2, schools: 2 });
    expect(newChanges(store, since).map((c) => [c.row_id, c.col, c.value])).toEqual([
      [indicatorsId(r.schools.jumba, '2026-T1'), 'dropout_rate', 2.5],
      [indicatorsId(r.schools.kidutani, '2026-T1'), 'attendance_rate', 95],
    ]);
    const after = clusterTrend(store, r.mtwapa, 'attendance_rate').find((p) => p.term === '2026-T1')!;
    expect(after.cluster).toBeGreaterThan(before.cluster!);
    expect(after.cluster).toBe(Math.round(((91 + 95 + 75) / 3) * 10) / 10);
  });

  it('a new term makes one row per school with the derived id; not collected stays empty, not 0', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const since = lastSeq(store);
    saveTermFigures(store, {
      clusterId: r.mtwapa,
      term: '2026-T2',
      schools: [
        { schoolId: r.schools.jumba, figures: { attendance_rate: 0, dropout_rate: null } },
        { schoolId: r.schools.kidutani, figures: { literacy_rate: null } },
      ],
      confirmed: [
        '' + r.schools.jumba + ':attendance_rate:unusually_low',
        `${r.schools.jumba}:attendance_rate:big_change`,
      ],
    });
    const rows = store.db
      .prepare("SELECT id, attendance_rate, dropout_rate FROM indicators WHERE term = '2026-T2'")
      .all();
    // Kidutani gave only "not collected": no row is made for it.
    expect(rows).toEqual([
      { id: indicatorsId(r.schools.jumba, '2026-T2'), attendance_rate: 0, dropout_rate: null },
    ]);
    expect(new Set(newChanges(store, since).map((c) => c.row_id))).toEqual(
      new Set([indicatorsId(r.schools.jumba, '2026-T2')]),
    );
    const g = getTermFigures(store, r.mtwapa, '2026-T2');
    expect(g.schools.find((s) => s.id === r.schools.jumba)!.figures).toMatchObject({
      attendance_rate: 0,
      literacy_rate: null,
    });
  });

  it('refuses an impossible figure, naming the school and the cell, and writes nothing', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const count = changeCount(store);
    const e = refused(() =>
      saveTermFigures(store, {
        clusterId: r.mtwapa,
        term: '2026-T1',
        schools: [
          { schoolId: r.schools.jumba, figures: { attendance_rate: 93 } },
          { schoolId: r.schools.kidutani, figures: { attendance_rate: 105 } },
        ],
        confirmed: [],
      }),
    );
    expect(e.code).toBe('invalid');
    expect(e.message).toBe('Kidutani Primary: Attendance rate is a percentage: 105 is over 100.');
    expect(e.path).toBe('schools[1].figures.attendance_rate');
    expect(changeCount(store)).toBe(count);

    const reached = refused(() =>
      saveTermFigures(store, {
        clusterId: r.mtwapa,
        term: '2026-T1',
        schools: [
          { schoolId: r.schools.jumba, figures: { vulnerable_identified: 10, vulnerable_reached: 14 } },
        ],
        confirmed: [],
      }),
    );
    expect(reached.message).toContain('More vulnerable learners reached (14) than identified (10)');
    expect(changeCount(store)).toBe(count);
  });

  it('an unlikely figure needs the coach to confirm it; confirmed, it is saved', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const count = changeCount(store);
    const input = {
      clusterId: r.mtwapa,
      term: '2026-T1',
      schools: [{ schoolId: r.schools.mzambarauni, figures: { attendance_rate: 45 } }],
      confirmed: [] as string[],
    };
    const e = refused(() => saveTermFigures(store, input));
    expect(e.message).toBe(
      'Mzambarauni Primary: Attendance rate is down 25 points from 70% in 2025-T3. Is it right? Confirm it to save.',
    );
    expect(changeCount(store)).toBe(count);
    expect(
      saveTermFigures(store, {
        ...input,
        confirmed: [`${r.schools.mzambarauni}:attendance_rate:big_change`],
      }),
    ).toEqual({ changed: 1, schools: 1 });
  });

  it('figures stored earlier with a problem do not block saving other figures', () => {
    const store = tempStore();
    const r = smallRegion(store);
    // Kidutani fell from 85 to 86 → fine; Mzambarauni's stored 75 after 70 is fine too; make a stored oddity:
    saveTermFigures(store, {
      clusterId: r.mtwapa,
      term: '2026-T1',
      schools: [{ schoolId: r.schools.jumba, figures: { dropout_rate: 35 } }],
      confirmed: [`${r.schools.jumba}:dropout_rate:unusually_high`],
    });
    expect(
      saveTermFigures(store, {
        clusterId: r.mtwapa,
        term: '2026-T1',
        schools: [{ schoolId: r.schools.jumba, figures: { literacy_rate: 60 } }],
        confirmed: [],
      }).changed,
    ).toBe(1);
  });

  it('refuses a school of another cluster, a school listed twice, and a bad term, writing nothing', () => {
    const store = tempStore();
    const r = smallRegion(store);
    const other = store.db
      .prepare('SELECT id FROM schools WHERE cluster_id = ?')
      .pluck()
      .get(r.shimo) as string;
    const count = changeCount(store);
    const base = { clusterId: r.mtwapa, term: '2026-T1', confirmed: [] };
    expect(
      refused(() =>
        saveTermFigures(store, { ...base, schools: [{ schoolId: other, figures: { attendance_rate: 80 } }] }),
      ).message,
    ).toBe('This school is not in Mtwapa CoP.');
    const twice = [r.schools.jumba, r.schools.jumba].map((schoolId) => ({
      schoolId,
      figures: { attendance_rate: 80 },
    }));
    expect(refused(() => saveTermFigures(store, { ...base, schools: twice })).message).toBe(
      'Jumba Primary is listed twice.',
    );
    expect(refused(() => getTermFigures(store, '00000000-0000-4000-8000-000000000000')).code).toBe(
      'not_found',
    );
    expect(contract['figures.save'].input.safeParse({ ...base, term: '2026-T4', schools: [] }).success).toBe(
      false,
    );
    expect(
      contract['figures.save'].input.safeParse({
        ...base,
        schools: [{ schoolId: r.schools.jumba, figures: { pupils: 3 } }],
      }).success,
    ).toBe(false);
    expect(changeCount(store)).toBe(count);
  });

  it('a figure also entered on another laptop shows as "also edited" on both', () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const clock = { now: () => now };
    const a = tempStore(clock);
    const b = tempStore(clock);
    const r = smallRegion(a);
    carry(a, b, { kind: 'full' });
    const edit = (store: typeof a, value: number) =>
      saveTermFigures(store, {
        clusterId: r.mtwapa,
        term: '2026-T1',
        schools: [{ schoolId: r.schools.kidutani, figures: { attendance_rate: value } }],
        confirmed: [],
      });
    edit(a, 80);
    now += 60_000; // B's coach typed hers a minute later
    edit(b, 82);
    carry(a, b);
    carry(b, a);
    for (const store of [a, b]) {
      const g = getTermFigures(store, r.mtwapa, '2026-T1');
      expect(g.schools.find((s) => s.id === r.schools.kidutani)!.figures!.attendance_rate).toBe(82);
      expect(g.alsoEdited).toEqual([
        expect.objectContaining({ schoolId: r.schools.kidutani, indicator: 'attendance_rate', value: 80 }),
      ]);
    }
  });
});
