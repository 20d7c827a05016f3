import { PracticeFilters } from '../../../shared/contract/practices.ts';
import { languages, type Lang } from '../../../shared/i18n.ts';
import { languageName } from '../../../shared/recommend/explain.ts';
import { tagLabel } from '../../../shared/labels.ts';
import { searchPractices } from '../../services/practices/search.ts';
import { EXIT_OK, intFlag, parseFlags, required, UsageError, type Command } from '../command.ts';
import { openExistingStore } from '../openExisting.ts';

type SearchResult = ReturnType<typeof searchPractices>;

const said = {
  en: {
    found: (n: number) => (n === 1 ? '1 practice found.' : `${n} practices found.`),
    corrected: 'Showing results for',
    unknown: 'No practice mentions:',
    anyOf: 'No practice has all your words; showing those with any of:',
    someWords: (n: number) =>
      `${n === 1 ? '1 practice has' : `${n} practices have`} all your words; after them, those with any of:`,
    alsoTriedIn: 'Also tried in',
    madeWorse: 'Made things worse where they were tried:',
    relatedTags: 'After them, practices on the priorities your words name:',
  },
  sw: {
    found: (n: number) => `Mbinu ${n} zimepatikana.`,
    corrected: 'Inaonyesha matokeo ya',
    unknown: 'Hakuna mbinu inayotaja:',
    anyOf: 'Hakuna mbinu yenye maneno yako yote; zinaonyeshwa zenye lolote kati ya:',
    someWords: (n: number) => `Mbinu ${n} zina maneno yako yote; baada yake, zenye lolote kati ya:`,
    alsoTriedIn: 'Imejaribiwa pia',
    madeWorse: 'Zilizozidisha hali zilipojaribiwa:',
    relatedTags: 'Baada yake, mbinu za vipaumbele vinavyotajwa na maneno yako:',
  },
} as const;

/** The search's answer as a coach reads it. */
export function formatSearch(r: SearchResult, lang: Lang): string {
  const s = said[lang];
  const lines: string[] = [];
  if (r.corrected.length) lines.push(`${s.corrected} ${r.corrected.map((c) => c.to).join(', ')}`);
  if (r.unknownWords.length) lines.push(`${s.unknown} ${r.unknownWords.join(', ')}`);
  if (r.anyOfWords)
    lines.push(`${r.allWords ? s.someWords(r.allWords) : s.anyOf} ${r.anyOfWords.join(', ')}`);
  if (r.relatedTags) lines.push(`${s.relatedTags} ${r.relatedTags.map((t) => tagLabel(lang, t)).join(', ')}`);
  lines.push(s.found(r.total), '');
  r.results.forEach((p, i) => {
    if (p.madeWorse && !r.results[i - 1]?.madeWorse) lines.push(s.madeWorse, '');
    const tags = p.tags.map((t) => tagLabel(lang, t)).join(', ');
    lines.push(
      `${String(i + 1).padStart(2)}. ${p.title}  [${languageName(lang, p.language)}]`,
      `    ${p.originPlace}${tags ? ` · ${tags}` : ''}`,
      `    ${p.snippet.replaceAll('«', '*').replaceAll('»', '*')}`,
    );
    if (p.alsoTriedIn.length)
      lines.push(
        `    ${s.alsoTriedIn} ${p.alsoTriedIn.map((o) => (o.km === null ? o.place : `${o.place} (${o.km} km)`)).join(', ')}`,
      );
    lines.push('');
  });
  return lines.join('\n');
}

export const searchCommand: Command = {
  name: 'search',
  summary: 'Search the practice library by a coach’s words (forms, English and Kiswahili, typos)',
  usage: 'pamoja search --db FILE [--lang en|sw] [--limit N] [--json] TEXT',
  run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      {
        db: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
      true,
    );
    const db = required(values.db, 'db');
    if (!(languages as readonly string[]).includes(values.lang))
      throw new UsageError('--lang must be en or sw');
    const text = positionals.join(' ').trim();
    if (!text)
      throw new UsageError('say what to search for, e.g. pamoja search --db FILE "girls attendance"');
    if (text.length > 500) throw new UsageError('the search text is longer than 500 characters');
    const limit = intFlag(values.limit, 'limit', 10);
    if (limit < 1 || limit > 200) throw new UsageError('--limit must be between 1 and 200');
    const lang = values.lang as Lang;
    const store = openExistingStore(db);
    try {
      const result = searchPractices(store, PracticeFilters.parse({ query: text, lang, limit }));
      io.stdout(
        json(values.json) ? `${JSON.stringify(result, null, 2)}\n` : `${formatSearch(result, lang)}\n`,
      );
      return EXIT_OK;
    } finally {
      store.close();
    }
  },
};

const json = (v: unknown) => v === true;
