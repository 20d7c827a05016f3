import { distanceKm } from '../../../shared/geo.ts';
import { translator, type Lang } from '../../../shared/i18n.ts';
import { checkTermFigures, describeFigureProblem } from '../../../shared/indicators/index.ts';
import { indicatorLabel } from '../../../shared/labels.ts';
import { previousTerm } from '../../../shared/reports/period.ts';
import { indicatorDefs, indicatorNames, type IndicatorName } from '../../../shared/schema/enums.ts';
import { columnsOf } from '../../../shared/schema/tables.ts';
import {
  isIndicatorField,
  requiredFields,
  type SheetField,
  type SheetKind,
} from '../../../shared/sheets/fields.ts';
import {
  cleanMapping,
  findHeader,
  headerKey,
  type ColumnMapping,
  type Grid,
} from '../../../shared/sheets/header.ts';
import { sheetFieldMessages, sheetMessages } from '../../../shared/sheets/messages.ts';
import { nameKey } from '../../../shared/sheets/names.ts';
import type { SheetPreview, SheetProblem, SheetWrites } from '../../../shared/sheets/plan.ts';
import {
  cellText,
  looksLikeFractions,
  readIndicator,
  readNumber,
  readSetting,
  readTerm,
  readWhole,
} from '../../../shared/sheets/values.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { indicatorsId } from '../../db/ids.ts';
import type { Store } from '../../db/store.ts';
import { rememberedMapping } from './mappings.ts';
import type { ReadFile } from './read.ts';

export interface SheetOptions {
  kind: SheetKind;
  /** The term of every row, when the sheet has no Term column. */
  term?: string;
  /** The column mapping by position; without one, the remembered or guessed mapping. */
  mapping?: (SheetField | null)[];
  /** What to do with clusters the store does not know: create them, or use the nearest. */
  unknownClusters?: 'create' | 'nearest';
  /** Sheet rows whose matched school the coach said is a different school (a new one). */
  notSame?: number[];
  /** Which sheet of a workbook; without one, the one that looks like the list. */
  sheet?: string;
  lang: Lang;
}

export interface SheetPlan {
  preview: SheetPreview;
  writes: SheetWrites;
  mapping: ColumnMapping;
  headerKey: string;
}

/** The codes column exists once region-editing's migration adds it; the import uses it when there. */
const hasCodes = (): boolean => (columnsOf('schools') as string[]).includes('official_code');

interface StoredSchool {
  id: string;
  name: string;
  clusterId: string;
  clusterName: string;
  place: string;
  code: string;
}
interface StoredCluster {
  id: string;
  name: string;
  place: string;
  lat: number;
  lon: number;
}

function storedSchools(store: Store): StoredSchool[] {
  const code = hasCodes() ? 's.official_code' : "''";
  return store.statements
    .get(
      `SELECT s.id, s.name, s.cluster_id AS clusterId, c.name AS clusterName, c.place, ${code} AS code
       FROM schools s JOIN clusters c ON c.id = s.cluster_id`,
    )
    .all() as StoredSchool[];
}

/** Picks the sheet (the one named, else the one whose header fits best) and its header. */
function chooseSheet(
  file: ReadFile,
  options: SheetOptions,
  t: ReturnType<typeof translator<keyof (typeof sheetMessages)['en'] & string>>,
) {
  const names = file.sheets.map((s) => s.name);
  const candidates =
    options.sheet !== undefined ? file.sheets.filter((s) => s.name === options.sheet) : file.sheets;
  if (options.sheet !== undefined && candidates.length === 0)
    throw new PamojaError(
      'invalid',
      t('sheet.noSheet', { sheet: options.sheet, sheets: names.join(', ') }),
      'sheet',
    );
  let best: {
    sheet: (typeof file.sheets)[number];
    header: NonNullable<ReturnType<typeof findHeader>>;
  } | null = null;
  for (const sheet of candidates) {
    const header = findHeader(options.kind, sheet);
    if (
      header &&
      (!best || header.guessed.filter(Boolean).length > best.header.guessed.filter(Boolean).length)
    )
      best = { sheet, header };
  }
  if (!best) {
    const where =
      file.format === 'xlsx' ? t('sheet.noHeaderSheets', { sheets: names.join(', ') }) : 'the file';
    throw new PamojaError('invalid', t('sheet.noHeader', { where }), 'header');
  }
  return best;
}

/** Reads a sheet against the store: what would be added and changed, and every row refused and why. */
export function planSheet(store: Store, file: ReadFile, fileName: string, options: SheetOptions): SheetPlan {
  const t = translator(sheetMessages, options.lang);
  const tf = translator(sheetFieldMessages, options.lang);
  const fieldName = (f: SheetField): string =>
    isIndicatorField(f)
      ? indicatorLabel(options.lang, f)
      : tf(`field.${f}` as keyof (typeof sheetFieldMessages)['en']);
  const { sheet, header } = chooseSheet(file, options, t);
  const grid: Grid = sheet;
  const width = Math.max(header.labels.length, ...grid.rows.slice(header.row + 1).map((r) => r.length));
  const key = headerKey(options.kind, header.labels);
  const remembered = options.mapping ? null : rememberedMapping(store, key);
  const mapping = cleanMapping(options.kind, options.mapping ?? remembered ?? header.guessed, width);
  const labels = Array.from({ length: width }, (_, i) => header.labels[i] || `(${i + 1})`);
  const col = (f: SheetField): number => mapping.indexOf(f);
  const decimalComma = file.separator === ';';

  const rejected: SheetProblem[] = [];
  const warnings: SheetProblem[] = [];
  const reject = (row: number, column: number | null, message: string): void => {
    rejected.push({ row, column: column === null ? null : labels[column]!, message });
  };
  const warn = (row: number, column: number | null, message: string): void => {
    warnings.push({ row, column: column === null ? null : labels[column]!, message });
  };

  const dataRows = grid.rows
    .map((cells, i) => ({ row: i + 1, cells }))
    .slice(header.row + 1)
    .filter((r) => r.cells.some((c) => cellText(c) !== ''));

  for (const f of requiredFields[options.kind])
    if (col(f) < 0)
      rejected.push({
        row: header.row + 1,
        column: null,
        message: t('sheet.missingColumn', { field: fieldName(f) }),
      });

  // Rate columns written as fractions (0.85) are read as percentages.
  const fractionColumns = new Set<number>();
  mapping.forEach((f, i) => {
    if (
      f &&
      isIndicatorField(f) &&
      indicatorDefs[f].kind === 'rate' &&
      looksLikeFractions(dataRows.map((r) => r.cells[i]))
    ) {
      fractionColumns.add(i);
      warn(header.row + 1, i, t('sheet.fractions'));
    }
  });

  const schools = storedSchools(store);
  const byCode = new Map(schools.filter((s) => s.code).map((s) => [s.code.trim().toLowerCase(), s]));
  const byName = new Map<string, StoredSchool[]>();
  for (const s of schools) byName.set(nameKey(s.name), [...(byName.get(nameKey(s.name)) ?? []), s]);
  const notSame = new Set(options.notSame ?? []);
  const matches: SheetPreview['matches'] = [];

  /** The stored school a row means: by official code, else by name (and place when names repeat). */
  const matchSchool = (
    row: number,
    cells: Grid['rows'][number],
    name: string,
  ): StoredSchool | { ambiguous: number } | null => {
    const code = col('code') >= 0 ? cellText(cells[col('code')]).toLowerCase() : '';
    const record = (s: StoredSchool, how: SheetPreview['matches'][number]['how']): StoredSchool => {
      if (how !== 'code' || s.name !== name)
        matches.push({ row, sheetName: name, storedName: s.name, storedCluster: s.clusterName, how });
      return s;
    };
    if (code && byCode.has(code)) return record(byCode.get(code)!, 'code');
    const candidates = byName.get(nameKey(name)) ?? [];
    if (candidates.length === 0) return null;
    if (candidates.length === 1)
      return name === candidates[0]!.name ? candidates[0]! : record(candidates[0]!, 'name');
    const place = [col('place'), col('cluster')]
      .filter((i) => i >= 0)
      .map((i) => nameKey(cellText(cells[i])))
      .filter(Boolean);
    const fitting = candidates.filter((s) =>
      place.some((p) => p === nameKey(s.clusterName) || p === nameKey(s.place)),
    );
    return fitting.length === 1 ? record(fitting[0]!, 'name_place') : { ambiguous: candidates.length };
  };

  const writes: SheetWrites = {
    regionId: null,
    clusters: [],
    newSchools: [],
    schoolUpdates: [],
    indicators: [],
  };
  const counts = { add: 0, update: 0, unchanged: 0, clustersCreated: 0 };
  const seen = new Map<string, { row: number; values: string }>();
  /** The first row for a key wins; an identical repeat is left out, a different one refused. */
  const duplicate = (row: number, keyOf: string, values: unknown, what: string): boolean => {
    const v = JSON.stringify(values);
    const first = seen.get(keyOf);
    if (!first) {
      seen.set(keyOf, { row, values: v });
      return false;
    }
    if (first.values === v) warn(row, null, t('sheet.duplicate', { row: first.row }));
    else reject(row, null, t('sheet.duplicateDiffers', { what, row: first.row }));
    return true;
  };

  if (rejected.length === 0) {
    if (options.kind === 'schools')
      planSchools({
        store,
        dataRows,
        col,
        reject,
        warn,
        t,
        fieldName,
        decimalComma,
        matchSchool,
        notSame,
        duplicate,
        writes,
        counts,
        options,
      });
    else
      planIndicators({
        store,
        dataRows,
        col,
        mapping,
        reject,
        warn,
        t,
        fieldName,
        decimalComma,
        fractionColumns,
        matchSchool,
        duplicate,
        writes,
        counts,
        options,
      });
  }

  const sample = (i: number): string => cellText(dataRows.find((r) => cellText(r.cells[i]))?.cells[i]);
  rejected.sort((a, b) => a.row - b.row);
  warnings.sort((a, b) => a.row - b.row);
  const preview: SheetPreview = {
    kind: options.kind,
    fileName,
    format: file.format,
    sheetName: sheet.name,
    sheets: file.sheets.map((s) => s.name),
    encoding: file.encoding ?? null,
    separator: file.separator ?? null,
    headerRow: header.row + 1,
    columns: labels.map((label, i) => ({ label, field: mapping[i] ?? null, sample: sample(i) })),
    remembered: remembered !== null,
    term: options.term ?? null,
    dataRows: dataRows.length,
    counts,
    rejected,
    warnings,
    matches: matches.filter((m) => !notSame.has(m.row)),
    newClusters: writes.clusters.map((c) => ({
      name: c.name,
      lat: c.lat,
      lon: c.lon,
      schools:
        writes.newSchools.filter((s) => s.cluster === `new:${c.key}`).length +
        writes.schoolUpdates.filter((s) => s.patch.cluster_id === `new:${c.key}`).length,
    })),
  };
  return { preview, writes, mapping, headerKey: key };
}

type Translate = ReturnType<typeof translator<keyof (typeof sheetMessages)['en'] & string>>;
interface PlanContext {
  store: Store;
  dataRows: { row: number; cells: Grid['rows'][number] }[];
  col: (f: SheetField) => number;
  reject: (row: number, column: number | null, message: string) => void;
  warn: (row: number, column: number | null, message: string) => void;
  t: Translate;
  fieldName: (f: SheetField) => string;
  decimalComma: boolean;
  matchSchool: (
    row: number,
    cells: Grid['rows'][number],
    name: string,
  ) => StoredSchool | { ambiguous: number } | null;
  duplicate: (row: number, key: string, values: unknown, what: string) => boolean;
  writes: SheetWrites;
  counts: SheetPreview['counts'];
  options: SheetOptions;
}

function planSchools(c: PlanContext & { notSame: Set<number> }): void {
  const { store, col, reject, warn, t, fieldName } = c;
  const region = store.statements.get('SELECT id FROM regions ORDER BY name LIMIT 1').get() as
    { id: string } | undefined;
  if (!region) throw new PamojaError('invalid', t('sheet.noRegion'));
  c.writes.regionId = region.id;
  const clusters = store.statements
    .get('SELECT id, name, place, lat, lon FROM clusters')
    .all() as StoredCluster[];
  const clusterByKey = new Map(clusters.map((k) => [nameKey(k.name), k]));
  const current = new Map(
    (
      store.statements
        .get(
          `SELECT id, cluster_id, name, head_name, lat, lon, setting, learners, teachers${hasCodes() ? ', official_code' : ''} FROM schools`,
        )
        .all() as Record<string, string | number>[]
    ).map((r) => [r.id as string, r]),
  );
  const newClusters = new Map<
    string,
    { key: string; name: string; points: [number, number][]; rows: number[] }
  >();
  const pending: { row: number; clusterKey: string; apply: (clusterId: string) => void }[] = [];

  for (const { row, cells } of c.dataRows) {
    const name = cellText(cells[col('name')]);
    if (!name) {
      reject(row, col('name'), t('sheet.missing', { field: fieldName('name') }));
      continue;
    }
    const clusterText = cellText(cells[col('cluster')]);
    if (!clusterText) {
      reject(row, col('cluster'), t('sheet.missing', { field: fieldName('cluster') }));
      continue;
    }
    let bad = false;
    const num = (f: 'lat' | 'lon'): number | undefined => {
      if (col(f) < 0) return undefined;
      const r = readNumber(cells[col(f)], c.decimalComma);
      if (!r) return undefined;
      if (!r.ok) {
        reject(row, col(f), t('sheet.notNumber', { value: r.problem }));
        bad = true;
        return undefined;
      }
      const limit = f === 'lat' ? 90 : 180;
      if (Math.abs(r.value) > limit) {
        reject(row, col(f), t(f === 'lat' ? 'sheet.badLat' : 'sheet.badLon', { value: r.value }));
        bad = true;
        return undefined;
      }
      return r.value;
    };
    const whole = (f: 'learners' | 'teachers'): number | undefined => {
      if (col(f) < 0) return undefined;
      const r = readWhole(cells[col(f)]);
      if (!r) return undefined;
      if (!r.ok) {
        reject(row, col(f), t('sheet.notWhole', { value: r.problem, field: fieldName(f).toLowerCase() }));
        bad = true;
        return undefined;
      }
      return r.value;
    };
    const lat = num('lat');
    const lon = num('lon');
    const learners = whole('learners');
    const teachers = whole('teachers');
    let setting: ReturnType<typeof readSetting> = undefined;
    if (col('setting') >= 0) {
      setting = readSetting(cells[col('setting')]);
      if (setting && !setting.ok) {
        reject(row, col('setting'), t('sheet.badSetting', { value: setting.problem }));
        bad = true;
      }
    }
    const head = col('head_name') >= 0 ? cellText(cells[col('head_name')]) : '';
    const code = col('code') >= 0 ? cellText(cells[col('code')]) : '';
    if (bad) continue;

    const matched = c.notSame.has(row) ? null : c.matchSchool(row, cells, name);
    if (matched && 'ambiguous' in matched) {
      reject(row, col('name'), t('sheet.ambiguous', { name, count: matched.ambiguous }));
      continue;
    }
    // The cluster: a stored one by name, else created, else the nearest stored one.
    const clusterKey = nameKey(clusterText);
    const known = clusterByKey.get(clusterKey);
    const rowValues = { name, clusterKey, lat, lon, learners, teachers, setting, head, code };
    if (
      c.duplicate(
        row,
        matched ? matched.id : `new:${nameKey(name)}:${clusterKey}`,
        rowValues,
        t('sheet.school'),
      )
    )
      continue;

    let clusterRef: string | undefined = known?.id;
    if (!known && c.options.unknownClusters === 'nearest') {
      const at = lat !== undefined && lon !== undefined ? { lat, lon } : null;
      if (!at) {
        reject(row, col('lat'), t('sheet.needsLocation', { name }));
        continue;
      }
      const nearest = clusters
        .map((k) => ({ k, km: distanceKm(at.lat, at.lon, k.lat, k.lon) }))
        .sort((a, b) => a.km - b.km)[0];
      if (!nearest) {
        reject(row, col('cluster'), t('sheet.noClusterNear', { name }));
        continue;
      }
      clusterRef = nearest.k.id;
      warn(
        row,
        col('cluster'),
        t('sheet.nearest', {
          cluster: clusterText,
          name,
          nearest: nearest.k.name,
          km: Math.round(nearest.km * 10) / 10,
        }),
      );
    } else if (!known) {
      let fresh = newClusters.get(clusterKey);
      if (!fresh) {
        fresh = { key: clusterKey, name: clusterText, points: [], rows: [] };
        newClusters.set(clusterKey, fresh);
        warn(row, col('cluster'), t('sheet.newCluster', { cluster: clusterText }));
      }
      if (lat !== undefined && lon !== undefined) fresh.points.push([lat, lon]);
      fresh.rows.push(row);
      clusterRef = `new:${clusterKey}`;
    }

    if (matched) {
      const now = current.get(matched.id)!;
      const patch: Record<string, string | number> = {};
      const set = (k: string, v: string | number | undefined): void => {
        if (v !== undefined && v !== '' && now[k] !== v) patch[k] = v;
      };
      set('cluster_id', clusterRef);
      set('head_name', head);
      set('lat', lat);
      set('lon', lon);
      set('setting', setting?.ok ? setting.value : undefined);
      set('learners', learners);
      set('teachers', teachers);
      if (hasCodes()) set('official_code', code);
      if (Object.keys(patch).length === 0) {
        c.counts.unchanged++;
        continue;
      }
      c.writes.schoolUpdates.push({ row, id: matched.id, patch });
      c.counts.update++;
      continue;
    }
    if (lat === undefined || lon === undefined) {
      reject(
        row,
        col(lat === undefined ? 'lat' : 'lon') >= 0 ? col(lat === undefined ? 'lat' : 'lon') : null,
        t('sheet.needsLocation', { name }),
      );
      continue;
    }
    if (!setting) warn(row, col('setting') >= 0 ? col('setting') : null, t('sheet.settingDefault', { name }));
    pending.push({
      row,
      clusterKey,
      apply: (clusterId) =>
        c.writes.newSchools.push({
          row,
          cluster: clusterId,
          name,
          code,
          head_name: head,
          lat,
          lon,
          setting: setting?.ok ? setting.value : 'rural',
          learners: learners ?? 0,
          teachers: teachers ?? 0,
        }),
    });
  }

  for (const fresh of newClusters.values()) {
    if (fresh.points.length === 0) {
      for (const row of fresh.rows)
        reject(row, col('cluster'), t('sheet.clusterNoLocation', { cluster: fresh.name }));
      continue;
    }
    const lat = fresh.points.reduce((a, p) => a + p[0], 0) / fresh.points.length;
    const lon = fresh.points.reduce((a, p) => a + p[1], 0) / fresh.points.length;
    c.writes.clusters.push({
      key: fresh.key,
      name: fresh.name,
      lat: Math.round(lat * 1e5) / 1e5,
      lon: Math.round(lon * 1e5) / 1e5,
    });
  }
  const created = new Set(c.writes.clusters.map((k) => `new:${k.key}`));
  for (const p of pending) {
    const ref =
      clusterByKey.get(p.clusterKey)?.id ??
      (created.has(`new:${p.clusterKey}`) ? `new:${p.clusterKey}` : null);
    if (ref === null && c.options.unknownClusters !== 'nearest') continue; // refused above
    p.apply(ref ?? '');
  }
  // Updates that move a school to a cluster that could not be created are refused too.
  c.writes.schoolUpdates = c.writes.schoolUpdates.filter((u) => {
    const to = u.patch.cluster_id;
    return typeof to !== 'string' || !to.startsWith('new:') || created.has(to);
  });
  c.counts.add = c.writes.newSchools.length;
  c.counts.update = c.writes.schoolUpdates.length;
  c.counts.clustersCreated = c.writes.clusters.length;
}

function planIndicators(c: PlanContext & { mapping: ColumnMapping; fractionColumns: Set<number> }): void {
  const { store, col, reject, warn, t, fieldName } = c;
  const previousRow = store.statements.get(
    `SELECT ${indicatorNames.join(', ')} FROM indicators WHERE id = ?`,
  );
  const existing = store.statements.get(`SELECT ${indicatorNames.join(', ')} FROM indicators WHERE id = ?`);
  const indicatorColumns = c.mapping
    .map((f, i) => ({ f, i }))
    .filter((x): x is { f: IndicatorName; i: number } => x.f !== null && isIndicatorField(x.f));

  for (const { row, cells } of c.dataRows) {
    const name = cellText(cells[col('name')]);
    if (!name) {
      reject(row, col('name'), t('sheet.missing', { field: fieldName('name') }));
      continue;
    }
    let term = c.options.term;
    if (col('term') >= 0) {
      const r = readTerm(cells[col('term')]);
      if (r && !r.ok) {
        reject(row, col('term'), t('sheet.badTerm', { value: r.problem }));
        continue;
      }
      if (r) term = r.value;
    }
    if (!term) {
      reject(row, col('term') >= 0 ? col('term') : null, t('sheet.noTerm'));
      continue;
    }
    const values: Record<string, number | null> = {};
    let bad = false;
    for (const { f, i } of indicatorColumns) {
      const r = readIndicator(cells[i], c.decimalComma);
      if (!r) continue;
      if (!r.ok) {
        reject(row, i, t('sheet.notNumber', { value: r.problem }));
        bad = true;
        continue;
      }
      values[f] =
        r.value !== null && c.fractionColumns.has(i) ? Math.round(r.value * 100 * 1e4) / 1e4 : r.value;
    }
    if (bad) continue;
    const matched = c.matchSchool(row, cells, name);
    if (matched && 'ambiguous' in matched) {
      reject(row, col('name'), t('sheet.ambiguous', { name, count: matched.ambiguous }));
      continue;
    }
    if (!matched) {
      const place =
        col('cluster') >= 0
          ? cellText(cells[col('cluster')])
          : col('place') >= 0
            ? cellText(cells[col('place')])
            : '';
      reject(
        row,
        col('name'),
        t('sheet.unknownSchool', { name, where: place ? t('sheet.inPlace', { place }) : '' }),
      );
      continue;
    }
    if (c.duplicate(row, `${matched.id}:${term}`, values, t('sheet.schoolTerm'))) continue;
    const before = previousTerm(term);
    const prev = previousRow.get(indicatorsId(matched.id, before)) as
      Record<IndicatorName, number | null> | undefined;
    const problems = checkTermFigures(
      values as Partial<Record<IndicatorName, number | null>>,
      prev ? { term: before, figures: prev } : null,
    );
    const at = (ind: IndicatorName): number | null => {
      const i = c.mapping.indexOf(ind);
      return i >= 0 ? i : null;
    };
    const errors = problems.filter((p) => p.severity === 'error');
    for (const p of errors) reject(row, at(p.indicator), describeFigureProblem(p, c.options.lang));
    if (errors.length) continue;
    for (const p of problems)
      if (!(p.code === 'looks_like_fraction' && c.fractionColumns.has(at(p.indicator) ?? -1)))
        warn(row, at(p.indicator), describeFigureProblem(p, c.options.lang));
    const stored = existing.get(indicatorsId(matched.id, term)) as Record<string, number | null> | undefined;
    const changed = Object.entries(values).filter(([k, v]) => !stored || stored[k] !== v);
    if (stored && changed.length === 0) {
      c.counts.unchanged++;
      continue;
    }
    c.writes.indicators.push({ row, schoolId: matched.id, term, values: Object.fromEntries(changed) });
    if (stored) c.counts.update++;
    else c.counts.add++;
  }
}
