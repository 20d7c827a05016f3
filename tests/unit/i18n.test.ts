import { describe, expect, it } from 'vitest';
import { defineMessages, fill, plural, pluralCategory, translator } from '../../shared/i18n.ts';

describe('messages and plurals', () => {
  it('fills placeholders and leaves missing ones visible', () => {
    expect(fill('Hello {name}', { name: 'Amina' })).toBe('Hello Amina');
    expect(fill('Hello {name}')).toBe('Hello {name}');
    expect(fill('a { b } c')).toBe('a { b } c');
  });

  it('picks one and other in English', () => {
    const t = '{n, plural, one {# practice} other {# practices}} found';
    expect(fill(t, { n: 1 })).toBe('1 practice found');
    expect(fill(t, { n: 2 })).toBe('2 practices found');
    expect(fill(t, { n: 0 })).toBe('0 practices found');
    expect(fill(t, { n: 1.5 })).toBe('1.5 practices found');
  });

  it('changes the noun class in Kiswahili', () => {
    const t = '{n, plural, one {mwanachama # ameongezwa} other {wanachama # wameongezwa}}';
    expect(fill(t, { n: 1 })).toBe('mwanachama 1 ameongezwa');
    expect(fill(t, { n: 3 })).toBe('wanachama 3 wameongezwa');
  });

  it('prefers an exact form and fills placeholders inside a form', () => {
    const t =
      '{n, plural, =0 {Nothing in {cluster}} one {# school in {cluster}} other {# schools in {cluster}}}';
    expect(fill(t, { n: 0, cluster: 'Ganze' })).toBe('Nothing in Ganze');
    expect(fill(t, { n: 1, cluster: 'Ganze' })).toBe('1 school in Ganze');
    expect(fill(t, { n: 7, cluster: 'Ganze' })).toBe('7 schools in Ganze');
  });

  it('keeps two plurals in one message apart', () => {
    const t = '{a, plural, one {# school} other {# schools}}, {b, plural, one {# member} other {# members}}';
    expect(fill(t, { a: 1, b: 3 })).toBe('1 school, 3 members');
  });

  it('reads a number already formatted for the page', () => {
    const t = '{n, plural, one {# learner} other {# learners}}';
    expect(fill(t, { n: '1' })).toBe('1 learner');
    expect(fill(t, { n: '12,340' })).toBe('12,340 learners');
    expect(fill(t, { n: 'many' })).toBe(t);
  });

  it('shows a plural whose number is missing or malformed as written', () => {
    const t = '{n, plural, one {# x} other {# xs}}';
    expect(fill(t)).toBe(t);
    expect(fill('{n, plural, one {# x}}', { n: 2 })).toBe('{n, plural, one {# x}}');
  });

  it('has a plain helper and the category rule', () => {
    expect(pluralCategory(1)).toBe('one');
    expect(pluralCategory(0)).toBe('other');
    expect(plural(1, { one: '# shule', other: 'shule #' })).toBe('# shule'.replace('#', '1'));
    expect(plural(0, { one: '#', other: '#', zero: 'none' })).toBe('none');
  });

  it('translates through the dictionary in both languages', () => {
    const m = defineMessages({
      en: { found: '{n, plural, one {# practice} other {# practices}}' },
      sw: { found: '{n, plural, one {zoezi #} other {mazoezi #}}' },
    });
    expect(translator(m, 'en')('found', { n: 1 })).toBe('1 practice');
    expect(translator(m, 'sw')('found', { n: 2 })).toBe('mazoezi 2');
  });
});

describe('every UI message', async () => {
  const { labelMessages } = await import('../../shared/labels.ts');
  const { frameMessages } = await import('../../renderer/i18n/frame.ts');
  const { sessionMessages } = await import('../../renderer/i18n/sessions.ts');
  const { recommendMessages } = await import('../../renderer/i18n/recommend.ts');
  const { syncMessages } = await import('../../renderer/i18n/sync.ts');
  const { removalMessages } = await import('../../renderer/i18n/removals.ts');
  const { figuresMessages } = await import('../../renderer/i18n/figures.ts');
  const { figureMessages } = await import('../../shared/indicators/messages.ts');
  const { practiceProblemMessages } = await import('../../shared/practices/messages.ts');
  const { mailMessages } = await import('../../renderer/i18n/mail.ts');
  const { editingMessages } = await import('../../renderer/i18n/editing.ts');
  const { problemMessages } = await import('../../shared/region/messages.ts');
  const dictionaries = [
    labelMessages,
    frameMessages,
    sessionMessages,
    recommendMessages,
    syncMessages,
    removalMessages,
    figuresMessages,
    figureMessages,
    practiceProblemMessages,
    mailMessages,
    editingMessages,
    problemMessages,
  ];
  const all = dictionaries.flatMap((d) => [...Object.entries(d.en), ...Object.entries(d.sw)]);

  it('never counts with "(s)"', () => {
    expect(all.filter(([, m]) => /\w\(s\)/.test(m)).map(([k]) => k)).toEqual([]);
  });

  it('has plurals that resolve for 1 and for 2', () => {
    for (const [key, message] of all.filter(([, m]) => m.includes(', plural,'))) {
      const names = [...message.matchAll(/\{(\w+), plural,/g)].map((m) => m[1]!);
      for (const n of [1, 2]) {
        const filled = fill(message, Object.fromEntries(names.map((name) => [name, n])));
        expect(filled, key).not.toContain('plural,');
      }
    }
  });
});
