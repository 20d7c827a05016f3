import { indicatorNames, type IndicatorName } from '../schema/enums.ts';

/**
 * What a column of a district office's sheet can mean, per kind of import, with the
 * headers people write for it (English and Kiswahili, compared after `headerWords`).
 */
export const sheetKinds = ['schools', 'indicators'] as const;
export type SheetKind = (typeof sheetKinds)[number];

export const schoolFields = [
  'code',
  'name',
  'cluster',
  'place',
  'head_name',
  'lat',
  'lon',
  'setting',
  'learners',
  'teachers',
] as const;
export type SchoolField = (typeof schoolFields)[number];
/** `cluster` and `place` only help tell apart two schools of one name. */
export const indicatorSheetFields = ['code', 'name', 'cluster', 'place', 'term', ...indicatorNames] as const;
export type IndicatorSheetField = (typeof indicatorSheetFields)[number];
export type SheetField = SchoolField | IndicatorSheetField;

export const fieldsOf = (kind: SheetKind): readonly SheetField[] =>
  kind === 'schools' ? schoolFields : indicatorSheetFields;

/** Fields a row cannot do without. */
export const requiredFields: Record<SheetKind, readonly SheetField[]> = {
  schools: ['name', 'cluster'],
  indicators: ['name'],
};

/** Header words → field. Longer phrases are tried first, so "girls enrolment" beats "enrolment". */
const synonyms: Record<SheetField, readonly string[]> = {
  code: [
    'code',
    'school code',
    'official code',
    'knec code',
    'emis',
    'emis code',
    'emis no',
    'nemis',
    'uic',
    'reg no',
    'msimbo',
  ],
  name: ['school', 'school name', 'name of school', 'name', 'institution', 'shule', 'jina la shule'],
  cluster: ['cluster', 'cop', 'cluster name', 'zone', 'cluster cop', 'community of practice', 'kundi'],
  place: [
    'place',
    'location',
    'ward',
    'village',
    'sub county',
    'subcounty',
    'division',
    'town',
    'mahali',
    'kata',
  ],
  head_name: ['head', 'headteacher', 'head teacher', 'headteacher name', 'principal', 'mwalimu mkuu'],
  lat: ['lat', 'latitude', 'gps lat', 'y'],
  lon: ['lon', 'long', 'lng', 'longitude', 'gps long', 'gps lon', 'x'],
  setting: ['setting', 'rural urban', 'type', 'area', 'locality', 'mazingira'],
  learners: [
    'learners',
    'pupils',
    'enrolment',
    'enrollment',
    'total enrolment',
    'total learners',
    'wanafunzi',
    'students',
  ],
  teachers: ['teachers', 'no of teachers', 'number of teachers', 'tsc teachers', 'walimu'],
  term: ['term', 'muhula', 'period'],
  enrolment_girls: [
    'girls',
    'enrolment girls',
    'girls enrolment',
    'enrollment girls',
    'girls enrolled',
    'wasichana',
  ],
  enrolment_boys: [
    'boys',
    'enrolment boys',
    'boys enrolment',
    'enrollment boys',
    'boys enrolled',
    'wavulana',
  ],
  attendance_rate: ['attendance', 'attendance rate', 'attendance %', 'learner attendance', 'mahudhurio'],
  dropout_rate: ['dropout', 'dropout rate', 'drop out', 'drop out rate', 'dropout %', 'dropout total'],
  dropout_rate_girls: ['dropout girls', 'girls dropout', 'dropout rate girls', 'drop out girls'],
  repetition_rate: ['repetition', 'repetition rate', 'repeaters', 'repetition %'],
  transition_rate: ['transition', 'transition rate', 'transition to secondary', 'transition %'],
  transition_rate_girls: ['transition girls', 'girls transition', 'transition rate girls'],
  literacy_rate: [
    'literacy',
    'literacy rate',
    'reading',
    'literacy at benchmark',
    'reading benchmark',
    'kusoma',
  ],
  numeracy_rate: ['numeracy', 'numeracy rate', 'maths', 'math', 'numeracy at benchmark', 'hisabati'],
  vulnerable_identified: [
    'vulnerable identified',
    'vulnerable learners identified',
    'identified',
    'ovc identified',
  ],
  vulnerable_reached: ['vulnerable reached', 'vulnerable learners reached', 'reached', 'ovc reached'],
};

/** A header cell as comparable words: lower case, no accents, punctuation and "no."/"%" kept apart. */
export function headerWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/%/g, ' % ')
    .replace(/[^a-z0-9% ]+/g, ' ')
    .replace(/\b(the|of|number)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function lookup(kind: SheetKind): Map<string, SheetField> {
  const out = new Map<string, SheetField>();
  for (const f of fieldsOf(kind)) for (const s of synonyms[f]) out.set(headerWords(s), f);
  return out;
}

/** The field a header most likely names for this kind of sheet, or null. */
export function guessField(kind: SheetKind, header: string): SheetField | null {
  const words = headerWords(header);
  if (!words) return null;
  const known = lookup(kind);
  const exact = known.get(words) ?? known.get(words.replace(/ %$/, '').trim());
  if (exact) return exact;
  // Every word of a synonym present in the header, longest synonym first ("enrolment girls" in "Enrolment - Girls").
  const have = new Set(words.split(' '));
  let best: { field: SheetField; length: number } | null = null;
  for (const [phrase, field] of known) {
    const parts = phrase.split(' ');
    if (parts.every((p) => have.has(p)) && (!best || parts.length > best.length))
      best = { field, length: parts.length };
  }
  return best?.field ?? null;
}

export const isIndicatorField = (f: SheetField): f is IndicatorName =>
  (indicatorNames as readonly string[]).includes(f);
