import type {
  CostLevel,
  IndicatorName,
  PracticeSetting,
  PriorityTag,
  SchoolSize,
} from '../../../shared/schema/enums.ts';

/**
 * One practice of the demo library as a coach would write it up. The generator turns it
 * into a `practices` row, its evidence and adoptions; `effect` says what it really does
 * to the indicator it aims at, which drives adoption outcomes and the indicator trends of
 * the schools that adopt it (so the numbers agree with the evidence).
 */
export interface PracticeText {
  /** A stable handle, used by tests and by the session notes. */
  key: string;
  title: string;
  problem: string;
  summary: string;
  steps: readonly string[];
  resources: string;
  cost: CostLevel;
  setting: PracticeSetting;
  size: SchoolSize;
  tags: readonly PriorityTag[];
  /** 'en', 'sw' (Kiswahili) or 'fr'. */
  language: string;
  /** Where it started: a Kilifi CoP centre by place name, or a sector of Gicumbi, Rwanda. */
  origin: { area: 'kilifi' | 'gicumbi'; place: string };
  startedOn: string;
  effect: { indicator: IndicatorName; works: 'yes' | 'unclear' | 'no' };
  evidence: readonly EvidenceText[];
}

export type EvidenceText =
  /** A change measured before the demo's terms, with its own figures. */
  | {
      kind: 'measured';
      indicator: IndicatorName;
      before: number;
      after: number;
      beforePeriod: string;
      afterPeriod: string;
      schools: number;
      story?: string;
    }
  /** Measured from the origin school's own demo terms (first term → latest term). */
  | { kind: 'recent' }
  | { kind: 'story'; story: string };

/** Numbered steps as one text, the way they are stored and printed. */
export function numbered(steps: readonly string[]): string {
  return steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
}
