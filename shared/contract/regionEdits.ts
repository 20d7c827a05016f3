import { z } from 'zod';
import { MemberRole, PriorityTag, SchoolSetting } from '../schema/enums.ts';
import { Id } from '../schema/tables.ts';
import { op } from './define.ts';

/**
 * Editing the region: CoPs, their neighbours, criteria and priorities; schools; members.
 * Shapes are checked here (types, lengths, ranges); the rules that need the rest of the
 * region (names taken, codes taken, the school being in the CoP) are in
 * shared/region/checks.ts, which both the form and the service run.
 */
const name = z.string().trim().min(1).max(200);
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const count = z.number().int().min(0).max(1_000_000);
const date = z.iso.date();

export const ClusterFieldsInput = z.object({
  name,
  place: z.string().trim().max(200),
  lat,
  lon,
  coachName: z.string().trim().max(200),
});

export const PriorityInput = z.object({
  tag: PriorityTag,
  title: z.string().trim().max(300),
  agreedOn: date,
  period: z.string().trim().max(60),
});

export const SchoolFieldsInput = z.object({
  name,
  headName: z.string().trim().max(200),
  setting: SchoolSetting,
  learners: count,
  teachers: count,
  lat,
  lon,
  officialCode: z.string().trim().max(40),
});

export const MemberFieldsInput = z.object({
  name,
  role: MemberRole,
  schoolId: Id.nullable(),
  phone: z.string().trim().max(40),
  gender: z.enum(['f', 'm', '']).default(''),
});

export const NeighbourSuggestion = z.object({
  id: z.string(),
  name: z.string(),
  distanceKm: z.number(),
  declared: z.boolean(),
});

const ok = z.object({ ok: z.literal(true) });
const changed = z.object({ changed: z.number().int() });

export const clusterEditOps = {
  'clusters.create': op(ClusterFieldsInput, z.object({ id: z.string() })),
  'clusters.update': op(z.object({ id: Id, fields: ClusterFieldsInput }), changed),
  /** The nearest CoPs by distance, declared neighbours marked. */
  'clusters.nearest': op(
    z.object({ id: Id, limit: z.number().int().min(1).max(50).default(6) }),
    z.array(NeighbourSuggestion),
  ),
  'clusters.addNeighbour': op(z.object({ id: Id, neighbourId: Id }), ok),
  'clusters.removeNeighbour': op(z.object({ id: Id, neighbourId: Id }), ok),
  'clusters.setCriteria': op(
    z.object({ id: Id, criteria: z.array(z.string().trim().min(1).max(300)).max(12) }),
    changed,
  ),
  /** Replaces the CoP's current priorities (1–3, in rank order). */
  'clusters.setPriorities': op(
    z.object({ id: Id, priorities: z.array(PriorityInput).min(1).max(3) }),
    changed,
  ),
};

export const schoolOps = {
  'schools.add': op(SchoolFieldsInput.extend({ clusterId: Id }), z.object({ id: z.string() })),
  'schools.update': op(z.object({ id: Id, fields: SchoolFieldsInput }), changed),
  /** Moves a school to another CoP; its members go with it when `withMembers`. */
  'schools.move': op(
    z.object({ id: Id, clusterId: Id, withMembers: z.boolean().default(true) }),
    z.object({ movedMembers: z.number().int() }),
  ),
  'schools.close': op(z.object({ id: Id, closedOn: date, reason: z.string().trim().min(1).max(500) }), ok),
  'schools.reopen': op(z.object({ id: Id }), ok),
  /** Where the school has been: every CoP it belonged to, newest first (from the change log). */
  'schools.history': op(
    z.object({ id: Id }),
    z.array(z.object({ clusterId: z.string(), clusterName: z.string(), since: z.string() })),
  ),
};

export const memberOps = {
  'members.add': op(
    MemberFieldsInput.extend({ clusterId: Id }),
    z.object({ id: z.string(), name: z.string() }),
  ),
  'members.update': op(z.object({ id: Id, fields: MemberFieldsInput }), changed),
  'members.leave': op(z.object({ id: Id, leftOn: date }), ok),
  'members.rejoin': op(z.object({ id: Id }), ok),
};
