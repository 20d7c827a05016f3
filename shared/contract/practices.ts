import { z } from 'zod';
import {
  AdoptionOutcome,
  CostLevel,
  EvidenceKind,
  IndicatorName,
  PracticeSetting,
  PriorityTag,
  SchoolSize,
} from '../schema/enums.ts';
import { Id } from '../schema/tables.ts';
import { EvidenceInput, PracticeWriteUp } from '../practices/writeUp.ts';
import { op } from './define.ts';

export const PracticeFilters = z.object({
  query: z.string().max(500).default(''),
  /** The coach's language: a mistyped word is matched to a library word of it first. */
  lang: z.enum(['en', 'sw']).optional(),
  tags: z.array(PriorityTag).max(8).default([]),
  cost: z.array(CostLevel).max(4).default([]),
  setting: PracticeSetting.optional(),
  withEvidence: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(30),
  offset: z.number().int().min(0).default(0),
});

export const PracticeCard = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(PriorityTag),
  cost: CostLevel,
  setting: PracticeSetting,
  originPlace: z.string(),
  language: z.string(),
  evidence: z.number(),
  adoptions: z.number(),
  improved: z.number(),
  worse: z.number(),
  /**
   * Its measured results and adoption outcomes add up to harm (as recommendations judge it):
   * the search lists it apart, after the others; recommendations leave it out.
   */
  madeWorse: z.boolean(),
  /** A piece of the text around the matched words, with «» around matches. */
  snippet: z.string(),
  /**
   * Other write-ups of the same practice (shared/practices/samePractice.ts) among the
   * matches, shown with this one: where each comes from, how far from this one, its evidence.
   */
  alsoTriedIn: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      place: z.string(),
      km: z.number().nullable(),
      evidence: z.number(),
      adoptions: z.number(),
      improved: z.number(),
    }),
  ),
  /** The evidence of all the write-ups together (null when there is only this one). */
  together: z.object({ evidence: z.number(), adoptions: z.number(), improved: z.number() }).nullable(),
});
export type PracticeCard = z.infer<typeof PracticeCard>;

export const PracticeDetail = z.object({
  id: z.string(),
  title: z.string(),
  problem: z.string(),
  summary: z.string(),
  tags: z.array(PriorityTag),
  steps: z.array(z.string()),
  resources: z.string(),
  timeNeeded: z.string(),
  cost: CostLevel,
  setting: PracticeSetting,
  schoolSize: SchoolSize,
  language: z.string(),
  originPlace: z.string(),
  originCluster: z.object({ id: z.string(), name: z.string() }).nullable(),
  originSchool: z.object({ id: z.string(), name: z.string() }).nullable(),
  startedOn: z.string(),
  evidence: z.array(
    z.object({
      id: z.string(),
      kind: EvidenceKind,
      indicator: IndicatorName.nullable(),
      beforeValue: z.number().nullable(),
      afterValue: z.number().nullable(),
      beforePeriod: z.string(),
      afterPeriod: z.string(),
      schoolsCount: z.number(),
      clusterName: z.string().nullable(),
      story: z.string(),
      recordedOn: z.string(),
    }),
  ),
  /** Other write-ups merged into this one: where each came from, in its own words. */
  origins: z.array(
    z.object({
      id: z.string(),
      mergedPracticeId: z.string(),
      title: z.string(),
      problem: z.string(),
      steps: z.array(z.string()),
      originPlace: z.string(),
      originCluster: z.object({ id: z.string(), name: z.string() }).nullable(),
      originSchool: z.object({ id: z.string(), name: z.string() }).nullable(),
      startedOn: z.string(),
      mergedOn: z.string(),
    }),
  ),
  /** Set when the practice asked for was merged into this one. */
  mergedFrom: z.string().nullable(),
  /** The write-up as the form edits it. */
  writeUp: PracticeWriteUp,
  adoptions: z.array(
    z.object({
      id: z.string(),
      clusterId: z.string().nullable(),
      schoolId: z.string().nullable(),
      indicator: IndicatorName.nullable(),
      clusterName: z.string().nullable(),
      schoolName: z.string().nullable(),
      adoptedOn: z.string(),
      outcome: AdoptionOutcome,
      outcomeNote: z.string(),
    }),
  ),
});
export type PracticeDetail = z.infer<typeof PracticeDetail>;

export const practiceOps = {
  'practices.search': op(
    PracticeFilters,
    z.object({
      total: z.number(),
      results: z.array(PracticeCard),
      /** More practices follow this page. */
      more: z.boolean(),
      tagCounts: z.array(z.object({ tag: PriorityTag, count: z.number() })),
      /** Words of the question that no practice holds (left out of the search). */
      unknownWords: z.array(z.string()),
      /**
       * When few or no practices hold all the words: those searched for, any one being enough
       * for the practices listed after the ones holding all (`allWords` of them).
       */
      anyOfWords: z.array(z.string()).nullable(),
      allWords: z.number().nullable(),
      /**
       * When few practices hold the words: the priorities the words name, through which
       * practices holding none of the words were added after them (null when none were).
       */
      relatedTags: z.array(PriorityTag).nullable(),
      /** Typed words no practice holds, taken as the nearest library word ("showing results for …"). */
      corrected: z.array(z.object({ from: z.string(), to: z.string() })),
    }),
  ),
  'practices.get': op(z.object({ id: Id }), PracticeDetail),
  /** Writes down a new practice. */
  'practices.create': op(PracticeWriteUp, z.object({ id: z.string() })),
  /** Saves an edited write-up; only the fields that differ are written. */
  'practices.update': op(z.object({ id: Id, writeUp: PracticeWriteUp }), z.object({ changed: z.number() })),
  /** A new write-up prefilled from a session: its cluster, place, date and priorities. */
  'practices.fromSession': op(z.object({ sessionId: Id }), PracticeWriteUp),
  /** Evidence that it works (or not): an indicator before and after, or a story. */
  'practices.addEvidence': op(EvidenceInput, z.object({ id: z.string() })),
  /**
   * Merges two write-ups of the same practice into `keepId`: the other's evidence,
   * adoptions and feedback move over, its origin and words are kept, and it is removed.
   */
  'practices.merge': op(
    z.object({ keepId: Id, mergeId: Id, today: z.iso.date().optional() }),
    z.object({ id: z.string(), evidence: z.number(), adoptions: z.number(), origins: z.number() }),
  ),
};
