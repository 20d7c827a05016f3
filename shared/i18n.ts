/**
 * Messages in English and Kiswahili. Each area keeps its own messages
 * (`defineMessages({ en, sw })`): Kiswahili must have every English key, which the type
 * checker enforces. Placeholders are `{name}`.
 *
 * Plurals: `{n, plural, one {# practice} other {# practices}}` picks the form for the
 * number in `n` (`#` is the number). An exact form `=0 {no practices}` wins over the
 * category. English and Kiswahili both have two categories, `one` (exactly 1) and
 * `other`; in Kiswahili the noun class changes, so write the whole phrase per form:
 * `{n, plural, one {mwanachama #} other {wanachama #}}`.
 */
export const languages = ['en', 'sw'] as const;
export type Lang = (typeof languages)[number];
export const languageNames: Record<Lang, string> = { en: 'English', sw: 'Kiswahili' };

export type Messages<K extends string> = { en: Record<K, string>; sw: Record<K, string> };

export function defineMessages<const E extends Record<string, string>>(m: {
  en: E;
  sw: Record<keyof E, string>;
}): Messages<keyof E & string> {
  return m as Messages<keyof E & string>;
}

export type PluralCategory = 'one' | 'other';

/** CLDR's rule for both English and Kiswahili: `one` for exactly 1 (not 1.5, not 1.0 written as a fraction). */
export function pluralCategory(n: number): PluralCategory {
  return n === 1 ? 'one' : 'other';
}

/** The form of a word for a count, e.g. `plural(2, { one: '# school', other: '# schools' })`. */
export function plural(n: number, forms: { one: string; other: string; zero?: string }): string {
  const form = n === 0 && forms.zero !== undefined ? forms.zero : forms[pluralCategory(n)];
  return form.replaceAll('#', String(n));
}

/** Index just past the `}` that closes the `{` at `open`, or -1. */
function closing(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === '{') depth++;
    else if (template[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

const PLURAL_HEAD = /^\{(\w+),\s*plural,/;

/**
 * The count behind a placeholder value: a number, or a number already formatted for the
 * page (en-GB and sw-KE both group with commas, e.g. "1,234"); NaN when it is not one.
 */
function countOf(value: string | number | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !/^-?[\d,\s\u00a0]*\.?\d+$/.test(value.trim())) return NaN;
  return Number(value.replace(/[,\s\u00a0]/g, ''));
}

/** Picks a form from the body of `{n, plural, one {…} other {…}}`; null when malformed. */
function pluralForm(body: string, value: string | number): string | null {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const key = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!key) break;
    const open = i + key[0].length - 1;
    const end = closing(body, open);
    if (end < 0) return null;
    forms.set(key[1]!, body.slice(open + 1, end - 1));
    i = end;
  }
  if (body.slice(i).trim() !== '' || !forms.has('other')) return null;
  const n = countOf(value);
  if (Number.isNaN(n)) return null;
  const form = forms.get(`=${n}`) ?? forms.get(pluralCategory(n)) ?? forms.get('other')!;
  return form.replaceAll('#', String(value));
}

/**
 * Fills `{name}` placeholders and `{n, plural, …}` forms; a missing value shows the
 * placeholder so it is noticed.
 */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const head = PLURAL_HEAD.exec(template.slice(open));
    const end = head ? closing(template, open) : -1;
    if (head && end > 0) {
      const value = vars[head[1]!];
      const form =
        value === undefined ? null : pluralForm(template.slice(open + head[0].length, end - 1), value);
      out += form === null ? template.slice(open, end) : fill(form, vars);
      i = end;
      continue;
    }
    const simple = /^\{(\w+)\}/.exec(template.slice(open));
    if (simple) {
      const name = simple[1]!;
      out += Object.hasOwn(vars, name) ? String(vars[name]) : simple[0];
      i = open + simple[0].length;
    } else {
      out += '{';
      i = open + 1;
    }
  }
  return out + template.slice(i);
}

export function translator<K extends string>(messages: Messages<K>, lang: Lang) {
  return (key: K, vars?: Record<string, string | number>): string =>
    fill(messages[lang][key] ?? messages.en[key], vars);
}
