import { z } from 'zod';
import { languages } from '../i18n.ts';
import { reportFormats } from '../reports/period.ts';
import { Id } from '../schema/tables.ts';
import { IsoDate, Term } from '../schema/enums.ts';
import { op } from './define.ts';

export const ReportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('region') }),
  z.object({ kind: z.literal('cluster'), clusterId: Id }),
  z.object({ kind: z.literal('coach'), coach: z.string().trim().min(1).max(200) }),
]);
export const ReportPeriod = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('term'), term: Term }),
  z
    .object({ kind: z.literal('range'), from: IsoDate, to: IsoDate })
    .refine((p) => p.from <= p.to, { message: 'The period must start before it ends', path: ['to'] }),
]);
const ReportRequest = z.object({
  scope: ReportScope,
  /** Without one, the latest term with data for the scope. */
  period: ReportPeriod.optional(),
  lang: z.enum(languages),
  today: IsoDate.optional(),
});

export const reportOps = {
  /** What a report can be made for: clusters, coaches, terms with data, and where it opens. */
  'reports.options': op(
    z.object({ scope: ReportScope.optional(), today: IsoDate.optional() }),
    z.object({
      clusters: z.array(z.object({ id: z.string(), name: z.string() })),
      coaches: z.array(z.string()),
      terms: z.array(z.string()),
      /** The period the report opens on for the scope asked about (the latest with data). */
      period: ReportPeriod,
    }),
  ),
  /** The report as the print-ready document it will be saved as, for the screen's preview. */
  'reports.preview': op(
    ReportRequest,
    z.object({ title: z.string(), html: z.string(), period: ReportPeriod, fileBase: z.string() }),
  ),
  /** The report as a file's content (text formats as text, others as base64), e.g. for the shell's printToPDF. */
  'reports.export': op(
    ReportRequest.extend({ format: z.enum(reportFormats) }),
    z.object({
      fileName: z.string(),
      mimeType: z.string(),
      encoding: z.enum(['utf8', 'base64']),
      content: z.string(),
    }),
  ),
  /** Writes the report file and says where it went: the file chosen, else the data folder's Reports folder. */
  'reports.save': op(
    ReportRequest.extend({
      format: z.enum(reportFormats),
      /** A file the coach chose (the ref of `shell.saveFile`). */
      path: z.string().min(1).max(4096).optional(),
    }),
    z.object({ path: z.string(), fileName: z.string(), bytes: z.number() }),
  ),
};
