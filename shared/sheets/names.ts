/**
 * Names as district lists write them ("ST. MARY'S PRI", "Kibaoni Pri. Sch.") brought to
 * one comparable form, so they find the school stored as "St Mary's Primary School".
 */
const ABBREVIATIONS: Record<string, string> = {
  pri: 'primary',
  prim: 'primary',
  pr: 'primary',
  p: 'primary',
  sch: 'school',
  schl: 'school',
  sec: 'secondary',
  jss: 'junior secondary',
  acad: 'academy',
  st: 'saint',
  snt: 'saint',
  mt: 'mount',
  ctr: 'centre',
  center: 'centre',
  cop: '',
  cluster: '',
  shule: '',
  ya: '',
  msingi: 'primary',
};
/** Words that say what kind of place it is, left out when comparing. */
const DROPPED = new Set(['school', 'the', '']);

export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]s\b/g, 's')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .flatMap((w) => (ABBREVIATIONS[w] ?? w).split(' '))
    .filter((w) => !DROPPED.has(w))
    .join(' ');
}

/** A place or cluster name as comparable words (for telling apart two schools of one name). */
export const placeKey = (place: string): string => nameKey(place);
