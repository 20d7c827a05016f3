import { z } from 'zod';
import {
  CommitmentStatus,
  IndicatorName,
  MemberRole,
  PriorityTag,
  SchoolSetting,
  SessionKind,
  SessionMode,
  SessionStatus,
} from '../schema/enums.ts';
import { Id } from '../schema/tables.ts';
import { op } from './define.ts';

export const ClusterDetail = z.object({
  id: z.string(),
  name: z.string(),
  place: z.string(),
  lat: z.number(),
  lon: z.number(),
  coachName: z.string(),
  regionName: z.string(),
  /** The CoP's own criteria of an effective school. */
  criteria: z.array(z.string()),
  neighbours: z.array(z.object({ id: z.string(), name: z.string(), distanceKm: z.number() })),
  schools: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      headName: z.string(),
      setting: SchoolSetting,
      learners: z.number(),
      teachers: z.number(),
      lat: z.number(),
      lon: z.number(),
      officialCode: z.string(),
      /** Closed schools are listed apart, with why. */
      closedOn: z.string().nullable(),
      closedReason: z.string(),
    }),
  ),
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: MemberRole,
      schoolName: z.string().nullable(),
      schoolId: z.string().nullable(),
      phone: z.string(),
      gender: z.enum(['f', 'm', '']),
      /** Members who left stay listed apart (they are in past attendance). */
      leftOn: z.string().nullable(),
    }),
  ),
  priorities: z.array(
    z.object({
      id: z.string(),
      tag: PriorityTag,
      title: z.string(),
      rank: z.number(),
      agreedOn: z.string(),
      period: z.string(),
    }),
  ),
  recentSessions: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      kind: SessionKind,
      mode: SessionMode,
      status: SessionStatus,
      title: z.string(),
      present: z.number(),
    }),
  ),
  openCommitments: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      ownerName: z.string(),
      dueDate: z.string(),
      status: CommitmentStatus,
      overdue: z.boolean(),
    }),
  ),
});
export type ClusterDetail = z.infer<typeof ClusterDetail>;

/** One point of an indicator trend chart: this cluster, its neighbours and the region. */
export const TrendPoint = z.object({
  term: z.string(),
  cluster: z.number().nullable(),
  neighbours: z.number().nullable(),
  region: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof TrendPoint>;

export const clusterOps = {
  'clusters.list': op(
    z.object({}),
    z.array(z.object({ id: z.string(), name: z.string(), place: z.string() })),
  ),
  'clusters.get': op(z.object({ id: Id, today: z.iso.date().optional() }), ClusterDetail),
  'clusters.trend': op(z.object({ id: Id, indicator: IndicatorName }), z.array(TrendPoint)),
};
