import { z } from 'zod';
import { IndicatorName, Term } from '../schema/enums.ts';
import { Id } from '../schema/tables.ts';
import { op } from './define.ts';

/** A school's figures for a term: a number, or null for "not collected". */
export const FiguresRow = z.partialRecord(IndicatorName, z.number().nullable());
export type FiguresRow = z.infer<typeof FiguresRow>;

export const ClusterTermFigures = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  term: z.string(),
  previousTerm: z.string(),
  /** Terms the cluster has figures for, with this term and the current one, newest first. */
  terms: z.array(z.string()),
  schools: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** null when nothing was entered for this school and term yet. */
      figures: FiguresRow.nullable(),
      previous: FiguresRow.nullable(),
    }),
  ),
  /** Figures another laptop also wrote with a different value ("also edited on …"). */
  alsoEdited: z.array(
    z.object({
      schoolId: z.string(),
      indicator: IndicatorName,
      value: z.number().nullable(),
      at: z.string(),
      deviceName: z.string(),
      self: z.boolean(),
    }),
  ),
});
export type ClusterTermFigures = z.infer<typeof ClusterTermFigures>;

export const SaveFiguresInput = z.object({
  clusterId: Id,
  term: Term,
  /** Only the figures given are written; a school left out is left as it is. */
  schools: z.array(z.object({ schoolId: Id, figures: FiguresRow })).max(500),
  /** Warnings the coach confirmed, as `warningKey` gives them (school:indicator:code). */
  confirmed: z.array(z.string().max(200)).max(10_000).default([]),
});
export type SaveFiguresInput = z.infer<typeof SaveFiguresInput>;

export const figureOps = {
  'figures.get': op(z.object({ clusterId: Id, term: Term.optional() }), ClusterTermFigures),
  /** Checks every figure with shared/indicators and writes all of them or none. */
  'figures.save': op(SaveFiguresInput, z.object({ changed: z.number(), schools: z.number() })),
};
