import { memberRoles, priorityTags, schoolSettings } from '../schema/enums.ts';

/**
 * The checks of the region's editing forms (CoP, school, member, priorities), pure, so
 * the screen shows each message next to its field as the coach types, and the service
 * refuses the same things when a call comes another way (CLI, another screen).
 * A check gives problem codes; `shared/region/messages.ts` words them in both languages.
 */
export type Problem =
  | 'required'
  | 'tooLong'
  | 'duplicateName'
  | 'notNumber'
  | 'latRange'
  | 'lonRange'
  | 'wholeNumber'
  | 'tooMany'
  | 'phone'
  | 'duplicateCode'
  | 'date'
  | 'future'
  | 'unknownChoice'
  | 'sameCluster'
  | 'notInCluster'
  | 'priorityCount'
  | 'duplicatePriority'
  | 'criteriaCount'
  | 'email'
  | 'duplicateEmail'
  | 'selfLaptop';

export interface FieldProblem {
  field: string;
  problem: Problem;
}

const MAX_NAME = 200;
export const MAX_CRITERIA = 12;
export const MAX_PRIORITIES = 3;

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) =>
  ISO_DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Collects problems; the first one per field is the one shown. */
class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, problem: Problem): void {
    if (!this.list.some((p) => p.field === field)) this.list.push({ field, problem });
  }
  name(field: string, value: string, taken: readonly string[] = []): void {
    if (!value.trim()) this.add(field, 'required');
    else if (value.trim().length > MAX_NAME) this.add(field, 'tooLong');
    else if (taken.some((t) => same(t, value))) this.add(field, 'duplicateName');
  }
  text(field: string, value: string, max: number): void {
    if (value.length > max) this.add(field, 'tooLong');
  }
  place(lat: number, lon: number): void {
    if (Number.isNaN(lat)) this.add('lat', 'notNumber');
    else if (lat < -90 || lat > 90) this.add('lat', 'latRange');
    if (Number.isNaN(lon)) this.add('lon', 'notNumber');
    else if (lon < -180 || lon > 180) this.add('lon', 'lonRange');
  }
  count(field: string, n: number): void {
    if (Number.isNaN(n)) this.add(field, 'notNumber');
    else if (!Number.isInteger(n) || n < 0) this.add(field, 'wholeNumber');
    else if (n > 1_000_000) this.add(field, 'tooMany');
  }
  date(field: string, value: string, today: string | null): void {
    if (!isDate(value)) this.add(field, 'date');
    else if (today && value > today) this.add(field, 'future');
  }
  choice(field: string, value: string, allowed: readonly string[]): void {
    if (!allowed.includes(value)) this.add(field, 'unknownChoice');
  }
}

export interface ClusterFields {
  name: string;
  place: string;
  lat: number;
  lon: number;
  coachName: string;
}

/** `otherNames`: the names of the region's other CoPs (two CoPs of one name confuse everyone). */
export function clusterProblems(c: ClusterFields, otherNames: readonly string[]): FieldProblem[] {
  const p = new Problems();
  p.name('name', c.name, otherNames);
  p.text('place', c.place, 200);
  p.place(c.lat, c.lon);
  p.text('coachName', c.coachName, 200);
  return p.list;
}

export function criteriaProblems(criteria: readonly string[]): FieldProblem[] {
  const p = new Problems();
  if (criteria.length > MAX_CRITERIA) p.add('criteria', 'criteriaCount');
  criteria.forEach((c, i) => {
    if (!c.trim()) p.add(`criteria[${i}]`, 'required');
    else p.text(`criteria[${i}]`, c.trim(), 300);
  });
  return p.list;
}

export interface PriorityFields {
  tag: string;
  title: string;
  agreedOn: string;
  period: string;
}

/** A CoP agrees two or three priorities (one is allowed while it decides), each a different area. */
export function priorityProblems(list: readonly PriorityFields[], today: string): FieldProblem[] {
  const p = new Problems();
  if (list.length === 0 || list.length > MAX_PRIORITIES) p.add('priorities', 'priorityCount');
  list.forEach((x, i) => {
    p.choice(`priorities[${i}].tag`, x.tag, priorityTags);
    if (list.slice(0, i).some((y) => y.tag === x.tag && same(y.title, x.title)))
      p.add(`priorities[${i}].tag`, 'duplicatePriority');
    p.text(`priorities[${i}].title`, x.title, 300);
    p.date(`priorities[${i}].agreedOn`, x.agreedOn, today);
    p.text(`priorities[${i}].period`, x.period, 60);
  });
  return p.list;
}

export interface SchoolFields {
  name: string;
  headName: string;
  setting: string;
  learners: number;
  teachers: number;
  lat: number;
  lon: number;
  officialCode: string;
}

/**
 * `clusterSchoolNames`: other schools of the same CoP; `takenCodes`: official codes of the
 * region's other schools (a code names one school).
 */
export function schoolProblems(
  s: SchoolFields,
  clusterSchoolNames: readonly string[],
  takenCodes: readonly string[],
): FieldProblem[] {
  const p = new Problems();
  p.name('name', s.name, clusterSchoolNames);
  p.text('headName', s.headName, 200);
  p.choice('setting', s.setting, schoolSettings);
  p.count('learners', s.learners);
  p.count('teachers', s.teachers);
  p.place(s.lat, s.lon);
  if (s.officialCode.trim().length > 40) p.add('officialCode', 'tooLong');
  else if (s.officialCode.trim() && takenCodes.some((c) => same(c, s.officialCode)))
    p.add('officialCode', 'duplicateCode');
  return p.list;
}

export function closeProblems(closedOn: string, reason: string, today: string): FieldProblem[] {
  const p = new Problems();
  p.date('closedOn', closedOn, today);
  if (!reason.trim()) p.add('reason', 'required');
  else p.text('reason', reason, 500);
  return p.list;
}

export interface MemberFields {
  name: string;
  role: string;
  schoolId: string | null;
  phone: string;
}

const PHONE = /^\+?[\d\s-]+$/;

/** `clusterSchoolIds`: the schools of the member's CoP; `otherNames`: its other members. */
export function memberProblems(
  m: MemberFields,
  clusterSchoolIds: readonly string[],
  otherNames: readonly string[],
): FieldProblem[] {
  const p = new Problems();
  p.name('name', m.name, otherNames);
  p.choice('role', m.role, memberRoles);
  if (m.schoolId !== null && !clusterSchoolIds.includes(m.schoolId)) p.add('schoolId', 'notInCluster');
  const digits = m.phone.replace(/\D/g, '').length;
  if (m.phone.trim() && (!PHONE.test(m.phone.trim()) || digits < 7 || digits > 15)) p.add('phone', 'phone');
  return p.list;
}

export function leaveProblems(leftOn: string, today: string): FieldProblem[] {
  const p = new Problems();
  p.date('leftOn', leftOn, today);
  return p.list;
}

/** Reads a number field as typed ("−3.6", "3,5" with a decimal comma); NaN when empty or not a number. */
export function readNumber(text: string): number {
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(',', '.');
  if (t === '' || !/^-?\d*\.?\d+$/.test(t)) return NaN;
  return Number(t);
}
