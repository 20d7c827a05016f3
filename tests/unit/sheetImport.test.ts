import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { indicatorsId } from '../../electron/db/ids.ts';
import { openStore, type Store } from '../../electron/db/store.ts';
import { loadRegionFile } from '../../electron/services/regionFile/load.ts';
import { decodeText, guessSeparator, readSheetFile } from '../../electron/services/sheets/read.ts';
import {
  importSheet,
  previewSheet,
  SheetRefused,
  type SheetInput,
} from '../../electron/services/sheets/service.ts';
import { guessField } from '../../shared/sheets/fields.ts';
import { findHeader } from '../../shared/sheets/header.ts';
import { nameKey } from '../../shared/sheets/names.ts';
import { readTerm, looksLikeFractions } from '../../shared/sheets/values.ts';
import { fieldsMissingFromLog } from './demoHelpers.ts';
import { tempDir } from './helpers.ts';

const fixture = JSON.parse(readFileSync('tests/fixtures/region-small.json', 'utf8')) as unknown;

/** The small example region plus "St Mary's Primary School" in Kilifi Town CoP. */
function regionStore(): { store: Store; file: string } {
  const file = join(tempDir(), 'store.sqlite');
  const store = openStore(file);
  loadRegionFile(store, fixture);
  const cluster = store.db.prepare("SELECT id FROM clusters WHERE name = 'Kilifi Town CoP'").get() as {
    id: string;
  };
  store.write((w) =>
    w.insert('schools', {
      cluster_id: cluster.id,
      name: "St Mary's Primary School",
      head_name: '',
      lat: -3.62,
      lon: 39.85,
      setting: 'urban',
      learners: 640,
      teachers: 14,
    } as never),
  );
  return { store, file };
}

const changes = (store: Store): number =>
  (store.db.prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
const input = (
  kind: SheetInput['kind'],
  fileName: string,
  bytes: Uint8Array,
  over: Partial<SheetInput> = {},
): SheetInput => ({
  kind,
  fileName,
  bytes,
  lang: 'en',
  ...over,
});

/** Windows-1252 bytes of a text (the tests' "Excel on Windows" CSV). */
function cp1252(text: string): Uint8Array {
  const table: Record<string, number> = { '€': 0x80, '’': 0x92, '–': 0x96 };
  return Uint8Array.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}

describe('reading district sheets', () => {
  it('decodes UTF-8 with or without BOM and Windows-1252, and finds the separator', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFFJos\u00e9')).text).toBe('José');
    expect(decodeText(cp1252('Jos\u00e9 Ng\u00e9')).encoding).toBe('windows-1252');
    expect(decodeText(cp1252('Jos\u00e9 Ng\u00e9')).text).toBe('José Ngé');
    expect(guessSeparator('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(guessSeparator('a\tb\n1\t2\n')).toBe('\t');
    expect(guessSeparator('a,b\n"x, y",2\n')).toBe(',');
  });

  it('guesses columns and names the way district lists write them', () => {
    expect(guessField('schools', 'Name of School')).toBe('name');
    expect(guessField('schools', ' LATITUDE ')).toBe('lat');
    expect(guessField('indicators', 'Enrolment Girls')).toBe('enrolment_girls');
    expect(guessField('indicators', 'Dropout - Girls')).toBe('dropout_rate_girls');
    expect(guessField('indicators', 'Attendance %')).toBe('attendance_rate');
    expect(nameKey("ST. MARY'S PRI")).toBe(nameKey("St Mary's Primary School"));
    expect(nameKey('Kibaoni Pri. Sch.')).toBe(nameKey('Kibaoni Primary'));
    expect(readTerm('Term 2 2026')).toEqual({ ok: true, value: '2026-T2' });
    expect(readTerm('2026-T1')).toEqual({ ok: true, value: '2026-T1' });
    expect(looksLikeFractions([0.85, '0.9', null, ''])).toBe(true);
    expect(looksLikeFractions(['85%', 0.9])).toBe(false);
  });

  it('finds a header below a title, joining merged group headings over it', () => {
    const grid = {
      rows: [
        ['KILIFI SUB-COUNTY', null, null, null],
        ['Term figures', null, null, null],
        [null, 'Enrolment', null, 'Dropout'],
        ['School', 'Girls', 'Boys', 'Girls'],
        ['Bofa Primary', 401, 411, 4.2],
      ],
      merges: [{ top: 2, left: 1, bottom: 2, right: 2 }],
    };
    const h = findHeader('indicators', grid)!;
    expect(h.row).toBe(3);
    expect(h.guessed).toEqual(['name', 'enrolment_girls', 'enrolment_boys', 'dropout_rate_girls']);
  });
});

describe('importing schools', () => {
  // Semicolons, Windows-1252 accents, header on row 4, blank rows, decimal commas,
  // thousands separators, stray spaces, capitals with abbreviations, an unknown cluster,
  // an identical duplicate and a conflicting one.
  const messy = [
    'KILIFI COUNTY EDUCATION OFFICE;;;;;;',
    'List of schools, Term 2;;;;;;',
    ';;;;;;',
    'Name of School;Cluster;Latitude;Longitude;Enrolment;Teachers;Setting',
    "ST. MARY'S PRI; Kilifi Town ; -3,62 ; 39,85 ;1 234;21;Urban",
    'Shule ya Msingi Ngé;Kilifi Town;-3,61;39,86;512;11;rural',
    ';;;;;;',
    'Mwembeni Primary;Vipingo Cluster;-3,80;39,80;300;8;peri-urban',
    'Mwembeni Primary;Vipingo Cluster;-3,80;39,80;300;8;peri-urban',
    'Bad Coordinates Primary;Mnarani;abc;39,8;100;4;rural',
    'Shule ya Msingi Ngé;Kilifi Town;-3,61;39,86;999;11;rural',
  ].join('\r\n');

  it('previews every row with what happens and why a row is refused (row and column), writing nothing', async () => {
    const { store } = regionStore();
    const before = changes(store);
    const p = await previewSheet(store, input('schools', 'schools.csv', cp1252(messy)));
    expect(p.headerRow).toBe(4);
    expect(p.encoding).toBe('windows-1252');
    expect(p.separator).toBe(';');
    expect(p.columns.map((c) => c.field)).toEqual([
      'name',
      'cluster',
      'lat',
      'lon',
      'learners',
      'teachers',
      'setting',
    ]);
    expect(p.rejected).toEqual([
      { row: 10, column: 'Latitude', message: '"abc" is not a number.' },
      { row: 11, column: null, message: 'Gives other values for the same school as row 6.' },
    ]);
    expect(p.warnings).toContainEqual({ row: 9, column: null, message: 'The same as row 8: left out.' });
    expect(p.matches).toEqual([
      expect.objectContaining({
        row: 5,
        sheetName: "ST. MARY'S PRI",
        storedName: "St Mary's Primary School",
        how: 'name',
      }),
    ]);
    expect(p.newClusters).toEqual([{ name: 'Vipingo Cluster', schools: 1, lat: -3.8, lon: 39.8 }]);
    expect(changes(store)).toBe(before);

    // Refused rows stop the import: nothing is written.
    await expect(importSheet(store, input('schools', 'schools.csv', cp1252(messy)))).rejects.toBeInstanceOf(
      SheetRefused,
    );
    expect(changes(store)).toBe(before);
    store.close();
  });

  it('imports in one transaction through the write path: updates, new schools, a new cluster', async () => {
    const { store } = regionStore();
    const fixed = messy
      .split('\r\n')
      .filter((l) => !l.startsWith('Bad Coordinates') && !l.includes(';999;'))
      .join('\r\n');
    const { preview, written } = await importSheet(store, input('schools', 'schools.csv', cp1252(fixed)));
    expect(preview.counts).toEqual({ add: 2, update: 1, unchanged: 0, clustersCreated: 1 });
    expect(written).toBe(4);
    const stMary = store.db
      .prepare("SELECT learners, teachers FROM schools WHERE name = 'St Mary''s Primary School'")
      .get();
    expect(stMary).toEqual({ learners: 1234, teachers: 21 });
    const nge = store.db
      .prepare(
        "SELECT s.lat, s.lon, s.setting, c.name AS cluster FROM schools s JOIN clusters c ON c.id = s.cluster_id WHERE s.name = 'Shule ya Msingi Ngé'",
      )
      .get();
    expect(nge).toEqual({ lat: -3.61, lon: 39.86, setting: 'rural', cluster: 'Kilifi Town CoP' });
    const mw = store.db
      .prepare(
        "SELECT setting, c.name AS cluster, c.lat FROM schools s JOIN clusters c ON c.id = s.cluster_id WHERE s.name = 'Mwembeni Primary'",
      )
      .get();
    expect(mw).toEqual({ setting: 'peri_urban', cluster: 'Vipingo Cluster', lat: -3.8 });
    expect(fieldsMissingFromLog(store)).toEqual([]);
    // The mapping is remembered for the next sheet with this header.
    expect((await previewSheet(store, input('schools', 'schools.csv', cp1252(fixed)))).remembered).toBe(true);
    store.close();
  });

  it('puts schools of unknown clusters in the nearest cluster when asked', async () => {
    const { store } = regionStore();
    const csv = 'School,CoP,Lat,Lon\nMajengo Primary,Unheard Of,-3.70,39.85\n';
    const p = await previewSheet(
      store,
      input('schools', 's.csv', new TextEncoder().encode(csv), { unknownClusters: 'nearest' }),
    );
    expect(p.rejected).toEqual([]);
    expect(p.newClusters).toEqual([]);
    expect(p.warnings[0]!.message).toMatch(/nearest cluster, Takaungu CoP/);
    store.close();
  });

  it('refuses a new school with no location, and a file with no school column', async () => {
    const { store } = regionStore();
    const p = await previewSheet(
      store,
      input('schools', 's.csv', new TextEncoder().encode('School,Cluster\nNowhere Primary,Mnarani\n')),
    );
    expect(p.rejected).toEqual([
      {
        row: 2,
        column: null,
        message: 'Nowhere Primary is a new school: it needs its latitude and longitude.',
      },
    ]);
    await expect(
      previewSheet(store, input('schools', 'x.csv', new TextEncoder().encode('Fruit,Price\nMango,20\n'))),
    ).rejects.toThrow(/No header row found/);
    store.close();
  });
});

/** A workbook as a district office sends it: a notes sheet first, then figures with merged headings. */
async function figuresWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const notes = book.addWorksheet('Notes');
  notes.addRow(['Figures collected by the sub-county office. Contact the clerk for questions.']);
  const sheet = book.addWorksheet('Term figures');
  sheet.addRow(['KILIFI SUB-COUNTY — TERM 3 2025']);
  sheet.addRow([]);
  sheet.addRow(['', '', 'Enrolment', '', 'Attendance', 'Literacy', 'Numeracy', 'Vulnerable learners', '']);
  sheet.mergeCells('C3:D3');
  sheet.mergeCells('H3:I3');
  sheet.addRow([
    'School',
    'Cluster',
    'Girls',
    'Boys',
    '%',
    'at benchmark',
    'at benchmark',
    'Identified',
    'Reached',
  ]);
  sheet.addRow(['BOFA PRI.', 'Kilifi Town', '1,203', 411, '85%', 52, 0.47, 30, 12]);
  sheet.addRow(['Mkwajuni Primary', 'Kilifi Town', 380, 377, '88', 0, 0.5, '', 'n/c']);
  sheet.addRow([]);
  sheet.addRow(['Kibaoni Primary', 'Kilifi Town', 300, 310, 120, 40, 0.44, 10, 20]);
  sheet.addRow(['Unknown Academy', 'Kilifi Town', 10, 10, 90, 40, 0.4, 1, 1]);
  const cell = sheet.getCell('G5');
  cell.numFmt = '0%'; // a percent-formatted cell: the file holds 0.47
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('importing termly figures', () => {
  it('reads the right sheet, merged headings, 85% / 85 / 0.85, blank versus 0, and names each refusal', async () => {
    const { store } = regionStore();
    const bytes = await figuresWorkbook();
    const file = await readSheetFile(bytes, 'figures.xlsx');
    expect(file.sheets.map((s) => s.name)).toEqual(['Notes', 'Term figures']);
    const p = await previewSheet(store, input('indicators', 'figures.xlsx', bytes, { term: '2025-T3' }));
    expect(p.sheetName).toBe('Term figures');
    expect(p.headerRow).toBe(4);
    expect(p.columns.map((c) => c.field)).toEqual([
      'name',
      'cluster',
      'enrolment_girls',
      'enrolment_boys',
      'attendance_rate',
      'literacy_rate',
      'numeracy_rate',
      'vulnerable_identified',
      'vulnerable_reached',
    ]);
    expect(p.rejected).toEqual([
      { row: 8, column: 'Attendance %', message: expect.stringMatching(/100/) },
      { row: 8, column: 'Vulnerable learners Reached', message: expect.stringMatching(/identified/i) },
      {
        row: 9,
        column: 'School',
        message: expect.stringMatching(/No school called "Unknown Academy" is stored in Kilifi Town/),
      },
    ]);
    expect(p.matches).toContainEqual(
      expect.objectContaining({ row: 5, sheetName: 'BOFA PRI.', storedName: 'Bofa Primary' }),
    );
    store.close();
  });

  it('writes figures once every row is fine: blank leaves a figure alone, n/c clears it, 0 is 0', async () => {
    const { store } = regionStore();
    const bofa = store.db.prepare("SELECT id FROM schools WHERE name = 'Bofa Primary'").get() as {
      id: string;
    };
    const mk = store.db.prepare("SELECT id FROM schools WHERE name = 'Mkwajuni Primary'").get() as {
      id: string;
    };
    const csv = [
      'School;Term;Attendance;Literacy;Numeracy;Vulnerable identified;Vulnerable reached',
      'Bofa Primary;Term 3 2025;85%;52;0,47;30;12',
      'Mkwajuni Primary;2025-T3;88;0;;;n/c',
      'Mkwajuni Primary;2025-T3;88;0;;;n/c',
    ].join('\n');
    const { preview } = await importSheet(store, input('indicators', 'f.csv', new TextEncoder().encode(csv)));
    expect(preview.counts.add).toBe(2);
    expect(preview.warnings).toContainEqual({
      row: 4,
      column: null,
      message: 'The same as row 3: left out.',
    });
    const row = (id: string) =>
      store.db
        .prepare(
          'SELECT attendance_rate, literacy_rate, numeracy_rate, vulnerable_identified, vulnerable_reached FROM indicators WHERE id = ?',
        )
        .get(indicatorsId(id, '2025-T3'));
    expect(row(bofa.id)).toEqual({
      attendance_rate: 85,
      literacy_rate: 52,
      numeracy_rate: 0.47,
      vulnerable_identified: 30,
      vulnerable_reached: 12,
    });
    expect(row(mk.id)).toEqual({
      attendance_rate: 88,
      literacy_rate: 0,
      numeracy_rate: null,
      vulnerable_identified: null,
      vulnerable_reached: null,
    });
    expect(fieldsMissingFromLog(store)).toEqual([]);
    store.close();
  });
});

describe('telling apart schools of one name', () => {
  it('asks for the place when a name fits two stored schools, and matches by name and place when given', async () => {
    const { store } = regionStore();
    const mnarani = store.db.prepare("SELECT id FROM clusters WHERE name = 'Mnarani CoP'").get() as {
      id: string;
    };
    store.write((w) =>
      w.insert('schools', {
        cluster_id: mnarani.id,
        name: 'St Marys Primary',
        head_name: '',
        lat: -3.64,
        lon: 39.84,
        setting: 'rural',
        learners: 300,
        teachers: 7,
      } as never),
    );
    const noPlace = await previewSheet(
      store,
      input('indicators', 'f.csv', new TextEncoder().encode("School,Attendance\nST. MARY'S PRI,80\n"), {
        term: '2025-T2',
      }),
    );
    expect(noPlace.rejected).toEqual([
      { row: 2, column: 'School', message: expect.stringMatching(/could be any of 2 stored schools/) },
    ]);
    const withPlace = await previewSheet(
      store,
      input(
        'indicators',
        'f.csv',
        new TextEncoder().encode("School,Cluster,Attendance\nST. MARY'S PRI,Mnarani,80\n"),
        {
          term: '2025-T2',
        },
      ),
    );
    expect(withPlace.rejected).toEqual([]);
    expect(withPlace.matches).toEqual([
      expect.objectContaining({ storedName: 'St Marys Primary', how: 'name_place' }),
    ]);
    store.close();
  });
});

describe('pamoja import-sheet', () => {
  const io = (out: string[]) => ({
    stdout: (t: string) => out.push(t),
    stderr: (t: string) => out.push(t),
    env: {},
    progress: () => undefined,
  });

  it('lists refused rows and exits 1 writing nothing; --dry-run and --map; exits 0 when all went in', async () => {
    const { store, file: db } = regionStore();
    const before = changes(store);
    store.close();
    const dir = tempDir();
    const sheet = join(dir, 'schools.csv');
    writeFileSync(sheet, 'School,Zone,GPS Lat,GPS Long,Type\nNew Dawn Primary,Mnarani,-3.65,39.83,Public\n');
    const out: string[] = [];
    const run = (...args: string[]) => runCli(['import-sheet', '--db', db, ...args], io(out));
    expect(await run('--kind', 'schools', sheet)).toBe(1);
    expect(out.join('')).toContain('row 2, column Type: "Public" is not a setting');
    expect(out.join('')).toContain('nothing was written');
    expect(changes(openStore(db))).toBe(before);
    out.length = 0;
    expect(await run('--kind', 'schools', '--dry-run', '--json', sheet)).toBe(0);
    expect(JSON.parse(out.join('')).rejected).toHaveLength(1);
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ columns: { Type: null } }));
    out.length = 0;
    expect(await run('--kind', 'schools', '--map', map, sheet)).toBe(0);
    expect(out.join('')).toContain('Imported: 1 new');
    writeFileSync(map, JSON.stringify({ columns: { Type: 'colour' } }));
    expect(await run('--kind', 'schools', '--map', map, sheet)).toBe(1);
    expect(await run('--kind', 'teachers', sheet)).toBe(2);
    expect(await run('--kind', 'indicators', '--term', 'T9', sheet)).toBe(2);
  });
});
