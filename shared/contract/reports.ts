import { z } from 'zod';
import { languages } from '../i18n.ts';
import { Term } from '../schema/enums.ts';
import { op } from './define.ts';

const indicatorPair = z.object({ now: z.number().nullable(), before: z.number().nullable() });
const perIndicator = <T extends z.ZodType>(v: T) =>
  z.object({ attendance_rate: v, dropout_rate: v, literacy_rate: v, numeracy_rate: v });

export const ClusterTermRow = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  coachName: z.string(),
  schools: z.number(),
  sessionsHeld: z.number(),
  peerReviews: z.number(),
  attendancePresent: z.number(),
  attendanceExpected: z.number(),
  commitmentsDue: z.number(),
  commitmentsDone: z.number(),
  commitmentsPartly: z.number(),
  commitmentsDropped: z.number(),
  commitmentsMade: z.number(),
  adoptions: z.number(),
  adoptionsImproved: z.number(),
  indicators: perIndicator(indicatorPair),
  attendanceRate: z.number().nullable(),
  completionRate: z.number().nullable(),
  change: perIndicator(z.number().nullable()),
});

export const TermReport = z.object({
  term: z.string(),
  previousTerm: z.string(),
  from: z.string(),
  to: z.string(),
  regionName: z.string(),
  terms: z.array(z.string()),
  rows: z.array(ClusterTermRow),
  totals: z.object({
    clusters: z.number(),
    clustersMet: z.number(),
    sessionsHeld: z.number(),
    peerReviews: z.number(),
    attendanceRate: z.number().nullable(),
    commitmentsMade: z.number(),
    commitmentsDue: z.number(),
    completionRate: z.number().nullable(),
    adoptions: z.number(),
    adoptionsImproved: z.number(),
  }),
});
export type TermReport = z.infer<typeof TermReport>;

export const reportOps = {
  /** A term's report per cluster; without a term, the current one. */
  'reports.term': op(z.object({ term: Term.optional(), today: z.iso.date().optional() }), TermReport),
  /** The report as a file: a spreadsheet (CSV) or a print-ready HTML document. */
  'reports.export': op(
    z.object({
      term: Term,
      format: z.enum(['csv', 'html']),
      lang: z.enum(languages),
      today: z.iso.date().optional(),
    }),
    z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  ),
};
