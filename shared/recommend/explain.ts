import type { Question, Reason, WhyNot } from '../contract/recommend.ts';
import { fill, type Lang } from '../i18n.ts';
import { indicatorLabel, tagLabel } from '../labels.ts';
import { indicatorDefs, type IndicatorName } from '../schema/enums.ts';

/**
 * Words for the structured reasons of a recommendation, in English and Kiswahili, e.g.
 * "Dropout rate 8.4% → 3.0% in 3 schools of Mtwapa, 12 km away". Pure, so the panel,
 * the CLI and printed session plans say the same thing.
 */
const templates = {
  en: {
    measured: '{indicator} {before} → {after} {schools} {where}',
    schoolsOf: 'in {n} schools of',
    schoolOf: 'in 1 school of',
    at: 'at',
    here: 'this cluster',
    neighbour: '{place}, a neighbouring cluster {km} km away',
    away: '{place}, {km} km away',
    unknown: '{place}',
    story: 'A story of it working at {where}',
    worked_near: 'Used at {where}',
    adoptions: 'Adopted {total} times elsewhere, in {clusters} other clusters: {results}',
    adoptionsOneCluster: 'Adopted {total} times elsewhere, in 1 other cluster: {results}',
    adoptionsOnce: 'Adopted once elsewhere: {results}',
    adoptionsNoCluster: 'Adopted {total} times elsewhere: {results}',
    adopted_here: 'Adopted by {schools} of this cluster’s schools: {results}',
    improved: '{n} improved',
    noChange: '{n} no change',
    worse: '{n} worse',
    pending: '{n} waiting for results',
    matched_words: 'Matches your words: {words}',
    matched_via: '{word} (“{as}”)',
    other_language: 'Written in {language}, a language this cluster does not use',
    also_tried_in: 'Also tried in {places}; {n} data points together',
    also_tried_place: '{place} ({km} km)',
    question_corrected: 'Showing results for {words}',
    question_unknown: 'No practice mentions: {words}',
    used_in_all_schools: 'Already used in all your schools',
    matched_priorities: 'Fits the priorities: {tags}',
    weak_indicator: 'Improved {indicators}, where this cluster trails its neighbours',
    from_this_cluster: 'From this cluster',
    shared_here: 'Shared at a session on {on}',
    not_relevant_here: 'Marked not relevant for this cluster',
    little_evidence: 'Little evidence yet ({n} data points)',
    no_evidence: 'No evidence recorded yet',
    question_problem: 'Your question: “{problem}”',
    question_tags: 'Priorities: {tags}',
    question_weak: 'Weakest against neighbours: {items}',
    question_weak_item: '{indicator} {own} vs {neighbours} ({term})',
    question_empty: 'No question yet: type a problem or agree the cluster’s priorities',
    net_worse:
      'Not recommended: it made things worse more often than better ({worse} worse, {better} better)',
    net_worse_example: '{indicator} went from {before} to {after}',
    not_relevant: 'Not recommended here: marked not relevant for this cluster',
  },
  sw: {
    measured: '{indicator} {before} → {after} {schools} {where}',
    schoolsOf: 'katika shule {n} za',
    schoolOf: 'katika shule 1 ya',
    at: 'huko',
    here: 'klasta hii',
    neighbour: '{place}, klasta jirani umbali wa km {km}',
    away: '{place}, umbali wa km {km}',
    unknown: '{place}',
    story: 'Hadithi ya mafanikio kutoka {where}',
    worked_near: 'Imetumika {where}',
    adoptions: 'Imeigwa mara {total} kwingineko, katika klasta nyingine {clusters}: {results}',
    adoptionsOneCluster: 'Imeigwa mara {total} kwingineko, katika klasta nyingine 1: {results}',
    adoptionsOnce: 'Imeigwa mara moja kwingineko: {results}',
    adoptionsNoCluster: 'Imeigwa mara {total} kwingineko: {results}',
    adopted_here: 'Imeigwa na shule {schools} za klasta hii: {results}',
    improved: '{n} zimeboreka',
    noChange: '{n} hakuna mabadiliko',
    worse: '{n} zimezorota',
    pending: '{n} zinasubiri matokeo',
    matched_words: 'Inalingana na maneno yako: {words}',
    matched_via: '{word} (“{as}”)',
    other_language: 'Imeandikwa kwa {language}, lugha ambayo klasta hii haitumii',
    also_tried_in: 'Imejaribiwa pia {places}; vipimo {n} kwa pamoja',
    also_tried_place: '{place} (km {km})',
    question_corrected: 'Inaonyesha matokeo ya {words}',
    question_unknown: 'Hakuna mbinu inayotaja: {words}',
    used_in_all_schools: 'Tayari inatumika katika shule zako zote',
    matched_priorities: 'Inaendana na vipaumbele: {tags}',
    weak_indicator: 'Iliboresha {indicators}, ambapo klasta hii iko nyuma ya majirani',
    from_this_cluster: 'Kutoka klasta hii',
    shared_here: 'Ilishirikishwa kwenye kikao tarehe {on}',
    not_relevant_here: 'Imewekwa alama kuwa haifai kwa klasta hii',
    little_evidence: 'Ushahidi bado ni mdogo (vipimo {n})',
    no_evidence: 'Hakuna ushahidi uliorekodiwa bado',
    question_problem: 'Swali lako: “{problem}”',
    question_tags: 'Vipaumbele: {tags}',
    question_weak: 'Dhaifu zaidi ukilinganisha na majirani: {items}',
    question_weak_item: '{indicator} {own} dhidi ya {neighbours} ({term})',
    question_empty: 'Bado hakuna swali: andika tatizo au kubalianeni vipaumbele vya klasta',
    net_worse:
      'Haipendekezwi: mara nyingi imezorotesha kuliko kuboresha (imezorota {worse}, imeboreka {better})',
    net_worse_example: '{indicator} ilitoka {before} hadi {after}',
    not_relevant: 'Haipendekezwi hapa: imewekwa alama kuwa haifai kwa klasta hii',
  },
} as const satisfies Record<Lang, Record<string, string>>;

type Key = keyof (typeof templates)['en'];
const say = (lang: Lang, key: Key, vars?: Record<string, string | number>) =>
  fill(templates[lang][key], vars);

/** An indicator's value as people read it: rates with one decimal and %, counts whole. */
export function formatValue(indicator: IndicatorName, value: number): string {
  return indicatorDefs[indicator].kind === 'rate' ? `${value.toFixed(1)}%` : String(Math.round(value));
}

const list = (items: string[]) => items.join(', ');

const languageNames: Record<Lang, Record<string, string>> = {
  en: { en: 'English', sw: 'Kiswahili', fr: 'French', rw: 'Kinyarwanda' },
  sw: { en: 'Kiingereza', sw: 'Kiswahili', fr: 'Kifaransa', rw: 'Kinyarwanda' },
};

/** A language code ('fr') in the coach's words ("French", "Kifaransa"). */
export function languageName(lang: Lang, code: string): string {
  return languageNames[lang][code] ?? code;
}

function where(
  lang: Lang,
  r: { place: string; km: number | null; where: 'here' | 'neighbour' | 'away' },
): string {
  if (r.where === 'here') return say(lang, 'here');
  if (r.km === null) return say(lang, 'unknown', { place: r.place });
  return say(lang, r.where === 'neighbour' ? 'neighbour' : 'away', { place: r.place, km: r.km });
}

function results(
  lang: Lang,
  r: { improved: number; noChange: number; worse: number; pending: number },
): string {
  const parts: string[] = [];
  if (r.improved) parts.push(say(lang, 'improved', { n: r.improved }));
  if (r.noChange) parts.push(say(lang, 'noChange', { n: r.noChange }));
  if (r.worse) parts.push(say(lang, 'worse', { n: r.worse }));
  if (r.pending) parts.push(say(lang, 'pending', { n: r.pending }));
  return list(parts);
}

/** One reason in words. */
export function explainReason(r: Reason, lang: Lang): string {
  switch (r.code) {
    case 'measured': {
      const schools =
        r.schools > 1
          ? say(lang, 'schoolsOf', { n: r.schools })
          : r.schools === 1
            ? say(lang, 'schoolOf')
            : say(lang, 'at');
      return say(lang, 'measured', {
        indicator: indicatorLabel(lang, r.indicator),
        before: formatValue(r.indicator, r.before),
        after: formatValue(r.indicator, r.after),
        schools,
        where: where(lang, r),
      });
    }
    case 'story':
    case 'worked_near':
      return say(lang, r.code, { where: where(lang, r) });
    case 'adoptions':
      return say(
        lang,
        r.total === 1
          ? 'adoptionsOnce'
          : r.clusters > 1
            ? 'adoptions'
            : r.clusters === 1
              ? 'adoptionsOneCluster'
              : 'adoptionsNoCluster',
        {
          total: r.total,
          clusters: r.clusters,
          results: results(lang, r),
        },
      );
    case 'adopted_here':
      return say(lang, 'adopted_here', { schools: r.schools, results: results(lang, r) });
    case 'matched_words': {
      const via = new Map((r.via ?? []).map((v) => [v.word, v.as]));
      const words = r.words.map((w) =>
        via.has(w) ? say(lang, 'matched_via', { word: w, as: via.get(w)! }) : w,
      );
      return say(lang, 'matched_words', { words: list(words) });
    }
    case 'other_language':
      return say(lang, 'other_language', { language: languageName(lang, r.language) });
    case 'also_tried_in':
      return say(lang, 'also_tried_in', {
        places: list(
          r.places.map((p) =>
            p.km === null ? p.place : say(lang, 'also_tried_place', { place: p.place, km: p.km }),
          ),
        ),
        n: Number(r.dataPoints.toFixed(1)),
      });
    case 'matched_priorities':
      return say(lang, 'matched_priorities', { tags: list(r.tags.map((t) => tagLabel(lang, t))) });
    case 'weak_indicator':
      return say(lang, 'weak_indicator', {
        indicators: list(r.indicators.map((i) => indicatorLabel(lang, i))),
      });
    case 'from_this_cluster':
    case 'not_relevant_here':
      return say(lang, r.code);
    case 'shared_here':
      return say(lang, 'shared_here', { on: r.on });
    case 'little_evidence':
      return r.dataPoints > 0
        ? say(lang, 'little_evidence', { n: Number(r.dataPoints.toFixed(1)) })
        : say(lang, 'no_evidence');
  }
}

/** Every reason in words, in the order given. */
export function explain(reasons: readonly Reason[], lang: Lang): string[] {
  return reasons.map((r) => explainReason(r, lang));
}

/** The question that was asked, in words (one line per part). */
export function describeQuestion(q: Question, lang: Lang): string[] {
  const lines: string[] = [];
  if (q.problem.trim()) lines.push(say(lang, 'question_problem', { problem: q.problem.trim() }));
  if (q.corrected.length)
    lines.push(say(lang, 'question_corrected', { words: list(q.corrected.map((c) => c.to)) }));
  if (q.unknownWords.length) lines.push(say(lang, 'question_unknown', { words: list(q.unknownWords) }));
  if (q.tags.length)
    lines.push(say(lang, 'question_tags', { tags: list(q.tags.map((t) => tagLabel(lang, t))) }));
  if (q.weakIndicators.length)
    lines.push(
      say(lang, 'question_weak', {
        items: list(
          q.weakIndicators.map((w) =>
            say(lang, 'question_weak_item', {
              indicator: indicatorLabel(lang, w.indicator),
              own: formatValue(w.indicator, w.own),
              neighbours: formatValue(w.indicator, w.neighbours),
              term: w.term,
            }),
          ),
        ),
      }),
    );
  if (lines.length === 0) lines.push(say(lang, 'question_empty'));
  return lines;
}

/** Why a practice that a search found is not recommended. */
export function explainWhyNot(w: WhyNot, lang: Lang): string {
  if (w.reason === 'not_relevant_here') return say(lang, 'not_relevant');
  if (w.reason === 'used_in_all_schools') return say(lang, 'used_in_all_schools');
  const main = say(lang, 'net_worse', { worse: w.worse, better: w.better });
  if (!w.example) return main;
  const e = w.example;
  return `${main}. ${say(lang, 'net_worse_example', {
    indicator: indicatorLabel(lang, e.indicator),
    before: formatValue(e.indicator, e.before),
    after: formatValue(e.indicator, e.after),
  })}`;
}
