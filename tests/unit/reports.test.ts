import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { openStore, type Store } from '../../electron/db/store.ts';
import { generateDemo } from '../../electron/demo/generate.ts';
import { buildFigures, buildReportFile } from '../../electron/services/reports/build.ts';
import { latestTermWithData } from '../../electron/services/reports/facts.ts';
import { storeDigest } from '../../electron/services/sync/digest.ts';
import { csvField, neutraliseCellText, toCsv } from '../../shared/reports/cellText.ts';
import { periodDates, previousTerm, termDates, termsOverlapping } from '../../shared/reports/period.ts';
import { protectColumn } from '../../shared/reports/suppression.ts';
import { tempDir } from './helpers.ts';

const TODAY = '2026-11-20';
const MADE_AT = '2026-11-20T10:00:00Z';

describe('report periods', () => {
  it('knows the terms’ dates, order and overlaps', () => {
    expect(termDates('2026-T1')).toEqual({ from: '2026-01-01', to: '2026-04-30' });
    expect(previousTerm('2026-T1')).toBe('2025-T3');
    expect(termsOverlapping('2025-12-15', '2026-05-02')).toEqual(['2025-T3', '2026-T1', '2026-T2']);
    expect(periodDates({ kind: 'range', from: '2026-02-01', to: '2026-03-01' })).toEqual({
      from: '2026-02-01',
      to: '2026-03-01',
    });
  });
});

describe('spreadsheet text', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '@SUM(A1)', '+254700', '-2+3', '\tx', '\rx'])
      expect(neutraliseCellText(s)).toBe(`'${s}`);
    expect(neutraliseCellText('Bofa Primary')).toBe('Bofa Primary');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('Mtwapa, "north"')).toBe('"Mtwapa, ""north"""');
    expect(csvField(-5.4)).toBe('-5.4');
    expect(toCsv([['a', 1]])).toBe('\uFEFFa,1\r\n');
  });
});

describe('small-cell suppression', () => {
  it('hides counts under 5 and one more cell so the total cannot give it away', () => {
    const t = protectColumn([[3, 40, 12, 0]]);
    expect(t.groups[0]!.cells.map((c) => c.state)).toEqual(['small', 'shown', 'complementary', 'shown']);
    expect(t.groups[0]!.total).toEqual({ value: 55, state: 'shown' });
    // Two small cells already protect each other.
    expect(protectColumn([[3, 2, 40]]).groups[0]!.cells.map((c) => c.state)).toEqual([
      'small',
      'small',
      'shown',
    ]);
  });

  it('hides a second cluster total (and one of its schools) when one total is small', () => {
    const t = protectColumn([
      [2, 1],
      [30, 20],
      [50, 60],
    ]);
    expect(t.groups[0]!.total.state).toBe('small');
    expect(t.groups[1]!.total.state).toBe('complementary');
    expect(t.groups[1]!.cells.map((c) => c.state)).toEqual(['shown', 'complementary']);
    expect(t.total.state).toBe('shown');
  });

  it('never leaves a single hidden cell beside a shown total (property)', () => {
    const table = fc.array(
      fc.array(fc.option(fc.nat({ max: 60 }), { nil: null }), { minLength: 1, maxLength: 6 }),
      {
        minLength: 1,
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(table, (groups) => {
        const t = protectColumn(groups);
        const hidden = (c: { state: string }) => c.state !== 'shown';
        t.groups.forEach((g, i) => {
          g.cells.forEach((c, j) => {
            const v = groups[i]![j]!;
            if (v !== null && v > 0 && v < 5) expect(c.state).toBe('small');
          });
          if (!hidden(g.total)) expect(g.cells.filter(hidden).length).not.toBe(1);
          // A hidden cluster total must not be the plain sum of shown schools.
          if (hidden(g.total) && g.total.value !== null && g.total.value > 0)
            expect(g.cells.some((c) => hidden(c) && c.value !== 0)).toBe(true);
        });
        if (!hidden(t.total)) expect(t.groups.filter((g) => hidden(g.total)).length).not.toBe(1);
      }),
    );
  });
});

/** A small generated region with names that try formula injection and some tiny counts. */
function reportStore(): { store: Store; file: string } {
  const file = join(tempDir(), 'store.sqlite');
  const store = openStore(file);
  generateDemo(store, { seed: 7, scale: 'small' });
  const clusters = store.db.prepare('SELECT id FROM clusters ORDER BY name').all() as { id: string }[];
  const schools = store.db.prepare('SELECT id FROM schools ORDER BY name').all() as { id: string }[];
  // A practice adopted in 2026-T2, so it shows in that term's practices table.
  const practice = store.db
    .prepare(
      "SELECT practice_id AS id FROM adoptions WHERE adopted_on BETWEEN '2026-05-01' AND '2026-08-31' LIMIT 1",
    )
    .get() as { id: string };
  store.write((w) => {
    w.update('clusters', clusters[0]!.id, { name: '=HYPERLINK("http://evil.example","Click")' });
    w.update('clusters', clusters[1]!.id, { coach_name: '+254700000000' });
    w.update('schools', schools[0]!.id, { name: '@SUM(A1:A9)' });
    w.update('practices', practice.id, { title: '-2+3 radio lessons' });
  });
  return { store, file };
}

const sql = (store: Store, q: string, ...p: unknown[]) =>
  store.db.prepare(q).get(...p) as Record<string, number>;

/** The region's figures for a term, computed straight from the tables (not through the report code). */
function expectedFigures(store: Store, term: string) {
  const { from, to } = termDates(term);
  const sessions = sql(
    store,
    `SELECT count(*) AS held, sum(mode = 'in_person') AS inPerson, sum(mode = 'phone') AS phone,
       sum(mode = 'whatsapp') AS whatsapp, sum(kind = 'peer_review') AS reviews
     FROM sessions WHERE status = 'held' AND date >= ? AND date <= ?`,
    from,
    to,
  );
  const att = sql(
    store,
    `SELECT sum(a.status = 'present') AS present, count(*) AS expected FROM attendance a
     JOIN sessions s ON s.id = a.session_id WHERE s.status = 'held' AND s.date >= ? AND s.date <= ?`,
    from,
    to,
  );
  const due = sql(
    store,
    `SELECT count(*) AS due, sum(status = 'done') AS done, sum(status = 'partly') AS partly,
       sum(status = 'dropped') AS dropped, sum(status IN ('open', 'not_done')) AS overdue
     FROM commitments WHERE due_date >= ? AND due_date <= ? AND due_date < ?`,
    from,
    to,
    TODAY,
  );
  const made = sql(
    store,
    `SELECT count(*) AS n FROM commitments c JOIN sessions s ON s.id = c.session_id WHERE s.date >= ? AND s.date <= ?`,
    from,
    to,
  ).n!;
  const vulnerable = sql(
    store,
    'SELECT sum(vulnerable_identified) AS identified, sum(vulnerable_reached) AS reached FROM indicators WHERE term = ?',
    term,
  );
  const completion = (due.done! + 0.5 * due.partly!) / (due.due! - due.dropped!);
  return { sessions, att, due, made, vulnerable, completion };
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** The row of a sheet whose first cell is `label`, as plain values. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.CellValue[] {
  let found: ExcelJS.CellValue[] | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(1).value === label) found = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  if (!found) throw new Error(`no row "${label}" in ${sheet.name}`);
  return found;
}

describe('reports from the store', () => {
  it('opens on the latest term that has data', () => {
    const { store } = reportStore();
    const latest = (store.db.prepare('SELECT max(term) AS t FROM indicators').get() as { t: string }).t;
    expect(latestTermWithData(store, { kind: 'region' })! >= latest).toBe(true);
    store.close();
  });

  it('XLSX: typed figures equal the same figures computed by SQL, with provenance and no formulas', async () => {
    const { store } = reportStore();
    const term = '2026-T2';
    const want = expectedFigures(store, term);
    const file = await buildReportFile(
      store,
      { scope: { kind: 'region' }, period: { kind: 'term', term }, format: 'xlsx', lang: 'en' },
      { today: TODAY, madeAt: MADE_AT },
    );
    const book = await readXlsx(file.bytes);
    const summary = book.getWorksheet('Summary')!;
    expect(rowOf(summary, 'Sessions held')[1]).toBe(want.sessions.held);
    expect(rowOf(summary, 'Commitments made')[1]).toBe(want.made);
    expect(rowOf(summary, 'Completed')[1]).toBe(want.due.done);
    expect(rowOf(summary, 'Overdue')[1]).toBe(want.due.overdue);
    expect(rowOf(summary, 'Completion rate')[1]).toBeCloseTo(want.completion, 10);
    expect(rowOf(summary, 'Member attendance')[1]).toBeCloseTo(want.att.present! / want.att.expected!, 10);
    expect(rowOf(summary, 'Vulnerable learners identified')[1]).toBe(want.vulnerable.identified);
    expect(rowOf(summary, 'Vulnerable learners reached')[1]).toBe(want.vulnerable.reached);
    // Provenance: the digest, this laptop with its latest change, when and which version.
    expect(rowOf(summary, 'Store digest')[1]).toBe(storeDigest(store).digest);
    expect(rowOf(summary, 'Made at')[1]).toBe(MADE_AT);
    expect(rowOf(summary, 'Pamoja version')[1]).toMatch(/^\d+\.\d+\.\d+/);
    const self = store.db.prepare('SELECT device_id AS id, name FROM devices WHERE is_self = 1').get() as {
      id: string;
      name: string;
    };
    const laptop = rowOf(summary, `${self.name || self.id.slice(0, 8)} (this laptop)`);
    expect(laptop[1]).toBeInstanceOf(Date);

    const sessions = book.getWorksheet('Sessions by mode')!;
    expect(sessions.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rowOf(sessions, 'Total').slice(1)).toEqual([
      want.sessions.inPerson,
      want.sessions.phone,
      want.sessions.whatsapp,
      want.sessions.held,
      want.sessions.reviews,
    ]);
    const commitments = book.getWorksheet('Commitments')!;
    const total = rowOf(commitments, 'Total');
    expect(total.slice(1, 7)).toEqual([
      want.made,
      want.due.due,
      want.due.done,
      want.due.partly,
      want.due.overdue,
      want.due.dropped,
    ]);
    expect(commitments.getRow(commitments.actualRowCount - 2).getCell(8).numFmt).toBe('0.0%');

    // Formula injection: every text cell that looked like a formula is plain text now.
    const texts: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(texts).toContain(`'=HYPERLINK("http://evil.example","Click")`);
    expect(texts).toContain(`'@SUM(A1:A9)`);
    expect(texts).toContain(`'+254700000000`);
    expect(texts).toContain(`'-2+3 radio lessons`);
    expect(texts.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
    store.close();
  });

  it('suppresses small learner counts and their complementary cell in every format', async () => {
    const { store } = reportStore();
    const term = '2026-T2';
    const cluster = store.db
      .prepare('SELECT id, name FROM clusters ORDER BY name LIMIT 1 OFFSET 1')
      .get() as {
      id: string;
      name: string;
    };
    const schools = store.db
      .prepare('SELECT id FROM schools WHERE cluster_id = ? ORDER BY name, id')
      .all(cluster.id) as { id: string }[];
    const rows = store.db
      .prepare(
        'SELECT i.id, i.school_id AS s FROM indicators i WHERE term = ? AND school_id IN (SELECT value FROM json_each(?))',
      )
      .all(term, JSON.stringify(schools.map((s) => s.id))) as { id: string; s: string }[];
    // One school with 3 vulnerable learners identified, the others 20, 30, ...
    store.write((w) =>
      schools.forEach((s, i) => {
        const row = rows.find((r) => r.s === s.id)!;
        w.update('indicators', row.id, { vulnerable_identified: i === 0 ? 3 : 10 * (i + 1) });
      }),
    );
    const figures = buildFigures(
      store,
      { kind: 'cluster', clusterId: cluster.id },
      { kind: 'term', term },
      'en',
      {
        today: TODAY,
        madeAt: MADE_AT,
      },
    );
    const table = figures.tables.find((t) => t.key === 'vulnerable')!;
    const identified = table.rows.filter((r) => !r.kind).map((r) => r.cells[2]);
    expect(identified[0]).toEqual({ suppressed: 'small' });
    expect(identified[1]).toEqual({ suppressed: 'complementary' });
    expect(identified.slice(2)).toEqual(schools.slice(2).map((_, i) => 10 * (i + 3)));

    const csv = (
      await buildReportFile(
        store,
        {
          scope: { kind: 'cluster', clusterId: cluster.id },
          period: { kind: 'term', term },
          format: 'csv',
          lang: 'en',
        },
        { today: TODAY, madeAt: MADE_AT },
      )
    ).bytes.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toMatch(/,<5,/);
    expect(csv).toMatch(/,\*,/);
    store.close();
  });

  it('PDF (through Chromium): the numbers pdftotext reads equal the SQL figures, with page numbers', async () => {
    if (!existsSync('/usr/bin/chromium') || !existsSync('/usr/bin/pdftotext')) {
      throw new Error('This test needs Debian chromium and poppler-utils (installed by .ci/run)');
    }
    const { store } = reportStore();
    const term = '2026-T2';
    const want = expectedFigures(store, term);
    const file = await buildReportFile(
      store,
      { scope: { kind: 'region' }, period: { kind: 'term', term }, format: 'pdf', lang: 'en' },
      { today: TODAY, madeAt: MADE_AT, browser: '/usr/bin/chromium' },
    );
    const dir = tempDir();
    writeFileSync(join(dir, 'r.pdf'), file.bytes);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    const pages = text.split('\f').filter((p) => p.trim());
    // The summary page's overview table: its Total row.
    const totalLine = pages[0]!.split('\n').find((l) => /^\s*Total\s/.test(l))!;
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    expect(totalLine.trim().split(/\s+/)).toEqual([
      'Total',
      String(sql(store, 'SELECT count(*) AS n FROM schools').n),
      String(want.sessions.held),
      pct(want.att.present! / want.att.expected!),
      String(want.made),
      pct(want.completion),
      String(
        sql(
          store,
          'SELECT count(*) AS n FROM adoptions WHERE adopted_on BETWEEN ? AND ?',
          ...Object.values(termDates(term)),
        ).n,
      ),
    ]);
    expect(pages[0]).toContain(`${want.due.overdue}`);
    expect(text).toContain(`Page 1 of ${pages.length}`);
    expect(text).toContain(storeDigest(store).digest.slice(0, 16));
    expect(text).toContain(`Made ${MADE_AT} by Pamoja`);
    expect(text).toContain('=HYPERLINK'); // shown as the name it is, never run
    store.close();
  }, 60_000);
});

describe('pamoja report', () => {
  const io = (out: string[]) => ({
    stdout: (t: string) => out.push(t),
    stderr: (t: string) => out.push(t),
    env: {},
    progress: () => undefined,
  });

  it('writes every format for each scope and period, and checks its flags', async () => {
    const { store, file: db } = reportStore();
    const cluster = store.db.prepare('SELECT id FROM clusters ORDER BY name LIMIT 1').get() as { id: string };
    const coach = store.db
      .prepare("SELECT coach_name AS c FROM clusters WHERE coach_name <> '' LIMIT 1")
      .get() as {
      c: string;
    };
    store.close();
    const dir = tempDir();
    const out: string[] = [];
    const run = (...args: string[]) => runCli(['report', '--db', db, ...args], io(out));
    // The old flags still work: a term's CSV.
    expect(await run('--term', '2026-T1', '--out', join(dir, 'r.csv'))).toBe(0);
    expect(readFileSync(join(dir, 'r.csv'), 'utf8')).toContain('Sessions by mode');
    expect(
      await run('--term', '2026-T1', '--format', 'html', '--lang', 'sw', '--out', join(dir, 'r.html')),
    ).toBe(0);
    expect(readFileSync(join(dir, 'r.html'), 'utf8')).toContain('Ripoti');
    expect(
      await run(
        '--from',
        '2026-01-01',
        '--to',
        '2026-06-30',
        '--cluster',
        cluster.id,
        '--format',
        'xlsx',
        '--out',
        join(dir, 'c.xlsx'),
      ),
    ).toBe(0);
    const book = await readXlsx(readFileSync(join(dir, 'c.xlsx')));
    expect(book.worksheets.length).toBeGreaterThan(5);
    expect(await run('--coach', coach.c, '--format', 'csv', '--out', join(dir, 'k.csv'))).toBe(0);
    expect(readFileSync(join(dir, 'k.csv'), 'utf8')).toContain(`${coach.c}'s CoPs`);

    expect(await run('--term', 'spring', '--out', join(dir, 'x.csv'))).toBe(2);
    expect(
      await run('--term', '2026-T1', '--from', '2026-01-01', '--to', '2026-02-01', '--out', join(dir, 'x')),
    ).toBe(2);
    expect(await run('--from', '2026-03-01', '--to', '2026-02-01', '--out', join(dir, 'x'))).toBe(2);
    expect(await run('--format', 'docx', '--out', join(dir, 'x'))).toBe(2);
    expect(await run('--cluster', cluster.id, '--coach', coach.c, '--out', join(dir, 'x'))).toBe(2);
    out.length = 0;
    expect(await run('--coach', 'Nobody Here', '--out', join(dir, 'x'))).toBe(1);
    expect(out.join('')).toContain('No CoP has a coach called "Nobody Here"');
    out.length = 0;
    expect(
      await run('--format', 'pdf', '--browser', join(dir, 'no-such-browser'), '--out', join(dir, 'x.pdf')),
    ).toBe(1);
    expect(out.join('')).toContain('No browser at');
    expect(
      await runCli(['report', '--db', join(dir, 'missing.sqlite'), '--out', join(dir, 'x')], io(out)),
    ).toBe(1);
  });
});
