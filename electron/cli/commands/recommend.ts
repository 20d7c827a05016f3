import type { RecommendationResult, RecommendQuery } from '../../../shared/contract/recommend.ts';
import { PamojaError } from '../../../shared/errors.ts';
import { languages, type Lang } from '../../../shared/i18n.ts';
import { describeQuestion, explain } from '../../../shared/recommend/explain.ts';
import {
  costLevels,
  IsoDate,
  priorityTags,
  type CostLevel,
  type PriorityTag,
} from '../../../shared/schema/enums.ts';
import { recommend } from '../../services/recommend/service.ts';
import { EXIT_OK, intFlag, parseFlags, required, UsageError, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';

function tagsFlag(value: string | undefined): PriorityTag[] | undefined {
  if (value === undefined) return undefined;
  const tags = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  for (const t of tags)
    if (!(priorityTags as readonly string[]).includes(t))
      throw new PamojaError('invalid', `--tags: "${t}" is not a priority; use ${priorityTags.join(', ')}`);
  return tags as PriorityTag[];
}

function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${flag} must be a positive number, got "${value}"`);
  return n;
}

const fixed = (n: number) => n.toFixed(2);

/** The ranked list as a coach reads it. */
export function formatRecommendations(r: RecommendationResult, lang: Lang): string {
  const lines = [`Recommendations for ${r.cluster.name}`];
  describeQuestion(r.question, lang).forEach((l, i) =>
    lines.push(`${i === 0 ? 'Question: ' : '          '}${l}`),
  );
  lines.push(
    `${r.considered} practices fit the question` +
      (r.excludedWorse ? `; ${r.excludedWorse} left out because evidence says they made things worse` : '') +
      (r.excludedEverywhere ? `; ${r.excludedEverywhere} left out as already used in all your schools` : '') +
      '.',
    '',
  );
  if (r.results.length === 0) lines.push('No practice answers this question yet.');
  r.results.forEach((x, i) => {
    const p = x.parts;
    lines.push(
      `${String(i + 1).padStart(2)}. ${x.title}  (score ${fixed(x.score)})`,
      `    fit ${fixed(p.fit)} · evidence ${fixed(p.evidence)} · nearness ${fixed(p.nearness)} · context ${fixed(p.context)} · recency ${fixed(p.recency)}` +
        (x.factor !== 1 ? ` · feedback ×${fixed(x.factor)}` : ''),
      ...explain(x.reasons, lang).map((l) => `    - ${l}`),
      '',
    );
  });
  return lines.join('\n');
}

export const recommendCommand: Command = {
  name: 'recommend',
  summary: "Practices that worked near a cluster for its problem, ranked, with each score's parts",
  usage:
    'pamoja recommend --db FILE --cluster ID [--problem TEXT] [--tags a,b] [--limit N] [--max-km N] [--max-cost none|low|medium|high] [--today YYYY-MM-DD] [--lang en|sw] [--json]',
  run(args, io) {
    const { values } = parseFlags(args, {
      db: { type: 'string' },
      cluster: { type: 'string' },
      problem: { type: 'string' },
      tags: { type: 'string' },
      limit: { type: 'string' },
      'max-km': { type: 'string' },
      'max-cost': { type: 'string' },
      today: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      json: { type: 'boolean' },
    });
    const db = required(values.db, 'db');
    const clusterId = required(values.cluster, 'cluster');
    const limit = intFlag(values.limit, 'limit', 10);
    if (limit < 1 || limit > 50) throw new UsageError('--limit must be between 1 and 50');
    const maxCost = values['max-cost'];
    if (maxCost !== undefined && !(costLevels as readonly string[]).includes(maxCost))
      throw new UsageError(`--max-cost must be one of ${costLevels.join(', ')}`);
    if (values.today !== undefined && !IsoDate.safeParse(values.today).success)
      throw new UsageError(`--today must be a date like 2026-07-01, got "${values.today}"`);
    if (!(languages as readonly string[]).includes(values.lang))
      throw new UsageError('--lang must be en or sw');
    const query: RecommendQuery = {
      clusterId,
      problem: values.problem,
      tags: tagsFlag(values.tags),
      limit,
      maxDistanceKm: numberFlag(values['max-km'], 'max-km'),
      maxCost: maxCost as CostLevel | undefined,
      today: values.today,
      lang: values.lang as Lang,
    };
    const store = openExistingStore(db);
    try {
      const result = recommend(store, query);
      const lang = values.lang as Lang;
      if (values.json) {
        const withWords = {
          ...result,
          results: result.results.map((x) => ({ ...x, explanation: explain(x.reasons, lang) })),
        };
        io.stdout(`${JSON.stringify(withWords, null, 2)}\n`);
      } else io.stdout(`${formatRecommendations(result, lang)}\n`);
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};
