/**
 * Messages in English and Kiswahili. Each area keeps its own messages
 * (`defineMessages({ en, sw })`): Kiswahili must have every English key, which the type
 * checker enforces. Placeholders are `{name}`.
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

/** Fills `{name}` placeholders; a missing value shows the placeholder so it is noticed. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(vars, name) ? String(vars[name]) : whole,
  );
}

export function translator<K extends string>(messages: Messages<K>, lang: Lang) {
  return (key: K, vars?: Record<string, string | number>): string =>
    fill(messages[lang][key] ?? messages.en[key], vars);
}
