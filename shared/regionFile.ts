import { z } from 'zod';
import { AttendanceStatus, PriorityTag } from './schema/enums.ts';
import { tables } from './schema/tables.ts';
import { checkReferences } from './regionFileRefs.ts';

/**
 * The region file: one JSON document holding a whole region, written by hand or exported
 * from a spreadsheet, loaded with `pamoja load` (see docs/region-file.md).
 *
 * Records name each other by `key` (any string unique within its list) instead of by row
 * id, so a person can write `"cluster": "kilifi-town"`. Field rules are the store's own
 * column schemas from `schema/tables.ts`; only the shape (keys, references, lists instead
 * of JSON text, defaults) is defined here.
 */
export const REGION_FILE_FORMAT = 'pamoja-region';
export const REGION_FILE_VERSION = 1;

const t = tables;
const Key = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe('Any text unique within its list. A UUID here is used as the record id.');
const ref = (list: string) => Key.describe(`The key of a record in "${list}".`);
const optionalRef = (list: string) => ref(list).nullable().default(null);

export const RegionRecord = z.strictObject({
  key: Key,
  name: t.regions.name,
  country: t.regions.country.default(''),
  language: t.regions.language.default('en'),
});

export const ClusterRecord = z.strictObject({
  key: Key,
  name: t.clusters.name,
  place: t.clusters.place.default(''),
  lat: t.clusters.lat,
  lon: t.clusters.lon,
  coach_name: t.clusters.coach_name.default(''),
  language: t.clusters.language.optional().describe("Defaults to the region's language."),
  neighbours: z.array(ref('clusters')).default([]).describe('Keys of neighbouring clusters.'),
});

export const SchoolRecord = z.strictObject({
  key: Key,
  cluster: ref('clusters'),
  name: t.schools.name,
  head_name: t.schools.head_name.default(''),
  lat: t.schools.lat,
  lon: t.schools.lon,
  setting: t.schools.setting.default('rural'),
  learners: t.schools.learners,
  teachers: t.schools.teachers,
});

export const MemberRecord = z.strictObject({
  key: Key,
  cluster: ref('clusters'),
  school: optionalRef('schools'),
  name: t.members.name,
  role: t.members.role,
  phone: t.members.phone.default(''),
  gender: t.members.gender.default(''),
});

export const PriorityRecord = z.strictObject({
  key: Key,
  cluster: ref('clusters'),
  tag: t.priorities.tag,
  title: t.priorities.title.default(''),
  rank: t.priorities.rank,
  agreed_on: t.priorities.agreed_on,
});

const { school_id: _school, term: _term, ...indicatorValues } = t.indicators;
/** One school's figures for one term; a figure left out is "not known". */
export const IndicatorRecord = z.strictObject({
  school: ref('schools'),
  term: t.indicators.term,
  ...(Object.fromEntries(
    Object.entries(indicatorValues).map(([name, schema]) => [name, schema.default(null)]),
  ) as { [K in keyof typeof indicatorValues]: z.ZodDefault<(typeof indicatorValues)[K]> }),
});

export const PracticeRecord = z.strictObject({
  key: Key,
  title: t.practices.title,
  problem: t.practices.problem.default(''),
  summary: t.practices.summary.default(''),
  tags: z.array(PriorityTag).default([]),
  steps: t.practices.steps.default(''),
  resources: t.practices.resources.default(''),
  cost: t.practices.cost,
  setting: t.practices.setting.default('any'),
  school_size: t.practices.school_size.default('any'),
  language: t.practices.language.optional().describe("Defaults to the region's language."),
  origin_cluster: optionalRef('clusters'),
  origin_school: optionalRef('schools'),
  origin_place: t.practices.origin_place.default(''),
  origin_lat: t.practices.origin_lat.default(null),
  origin_lon: t.practices.origin_lon.default(null),
  started_on: t.practices.started_on,
});

export const EvidenceRecord = z
  .strictObject({
    key: Key,
    practice: ref('practices'),
    kind: t.practice_evidence.kind,
    indicator: t.practice_evidence.indicator.default(null),
    before_value: t.practice_evidence.before_value.default(null),
    after_value: t.practice_evidence.after_value.default(null),
    before_period: t.practice_evidence.before_period.default(''),
    after_period: t.practice_evidence.after_period.default(''),
    schools_count: t.practice_evidence.schools_count.default(0),
    cluster: optionalRef('clusters'),
    story: t.practice_evidence.story.default(''),
    recorded_on: t.practice_evidence.recorded_on,
  })
  .superRefine((e, ctx) => {
    // A measured change without its figures, or a story without its text, says nothing.
    if (e.kind === 'indicator') {
      for (const field of ['indicator', 'before_value', 'after_value'] as const) {
        if (e[field] === null)
          ctx.addIssue({ code: 'custom', path: [field], message: 'required when kind is "indicator"' });
      }
    } else if (e.story.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['story'], message: 'required when kind is "story"' });
    }
  });

export const AdoptionRecord = z
  .strictObject({
    key: Key,
    practice: ref('practices'),
    cluster: optionalRef('clusters'),
    school: optionalRef('schools'),
    adopted_on: t.adoptions.adopted_on,
    outcome: t.adoptions.outcome.default('pending'),
    outcome_note: t.adoptions.outcome_note.default(''),
    indicator: t.adoptions.indicator.default(null),
  })
  .superRefine((a, ctx) => {
    if (a.cluster === null && a.school === null)
      ctx.addIssue({
        code: 'custom',
        path: ['school'],
        message: 'name the school or the cluster that adopted it',
      });
  });

export const AttendanceRecord = z.strictObject({
  member: ref('members'),
  status: AttendanceStatus.default('present'),
});

/** A CoP meeting or a peer-review visit (kind "peer_review"), with who came. */
export const SessionRecord = z.strictObject({
  key: Key,
  cluster: ref('clusters'),
  kind: t.sessions.kind.default('meeting'),
  mode: t.sessions.mode.default('in_person'),
  status: t.sessions.status.default('held'),
  date: t.sessions.date,
  place: t.sessions.place.default(''),
  title: t.sessions.title.default(''),
  agenda: t.sessions.agenda.default(''),
  notes: t.sessions.notes.default(''),
  host_school: optionalRef('schools'),
  enquiry_question: t.sessions.enquiry_question.default(''),
  evidence: t.sessions.evidence.default(''),
  findings: t.sessions.findings.default(''),
  attendance: z.array(AttendanceRecord).default([]),
});

/** A review of a commitment, usually at the next session. Its key is unique within its commitment. */
export const ReviewRecord = z.strictObject({
  key: Key,
  session: optionalRef('sessions'),
  outcome: t.commitment_reviews.outcome,
  note: t.commitment_reviews.note.default(''),
  reviewed_on: t.commitment_reviews.reviewed_on,
});

export const CommitmentRecord = z.strictObject({
  key: Key,
  cluster: ref('clusters'),
  session: optionalRef('sessions'),
  owner: ref('members'),
  action: t.commitments.action,
  due_date: t.commitments.due_date,
  witnesses: z.array(ref('members')).default([]),
  status: t.commitments.status.default('open'),
  reviews: z.array(ReviewRecord).default([]),
});

/** The document's shape, before references between records are checked. */
export const RegionFileShape = z.strictObject({
  $schema: z.string().optional().describe('Optional link to region.schema.json, for editors.'),
  format: z.literal(REGION_FILE_FORMAT),
  version: z.literal(REGION_FILE_VERSION),
  region: RegionRecord,
  clusters: z.array(ClusterRecord).default([]),
  schools: z.array(SchoolRecord).default([]),
  members: z.array(MemberRecord).default([]),
  priorities: z.array(PriorityRecord).default([]),
  indicators: z.array(IndicatorRecord).default([]),
  practices: z.array(PracticeRecord).default([]),
  practice_evidence: z.array(EvidenceRecord).default([]),
  adoptions: z.array(AdoptionRecord).default([]),
  sessions: z.array(SessionRecord).default([]),
  commitments: z.array(CommitmentRecord).default([]),
});

export const RegionFile = RegionFileShape.superRefine(checkReferences);
export type RegionFile = z.output<typeof RegionFileShape>;

/** The JSON Schema of the region file, for editors and other tools. */
export function regionFileJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(RegionFile, { io: 'input', target: 'draft-2020-12' });
  return {
    $schema,
    title: 'Pamoja region file',
    description: 'A region with its Communities of Practice, schools, people, practices and sessions.',
    ...rest,
  };
}

/** The text committed as shared/region.schema.json (written by scripts/region-schema.ts). */
export function regionFileJsonSchemaText(): string {
  return `${JSON.stringify(regionFileJsonSchema(), null, 2)}\n`;
}
