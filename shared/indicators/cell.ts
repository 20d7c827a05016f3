/**
 * Reading what a coach typed or pasted into a figures cell (or a spreadsheet cell).
 * "Not collected" is its own answer, never 0: a school that did not collect its
 * attendance must not pull the cluster's average down.
 */
export type FigureText =
  | { kind: 'blank' }
  | { kind: 'not_collected' }
  | { kind: 'number'; value: number }
  | { kind: 'unreadable'; text: string };

/** Words people write for "we did not collect this", in English and Kiswahili (lower case). */
export const notCollectedWords: readonly string[] = [
  '-',
  '–',
  '—',
  'n/c',
  'nc',
  'n/a',
  'na',
  'not collected',
  'none collected',
  'haijakusanywa',
  'hakuna takwimu',
];

/**
 * Accepts "85", "85.5", "85%", "1,234", "1 234" (thousands), "0.85" (left as it is: the
 * rules warn that it looks like a fraction). Anything else is unreadable, never guessed.
 */
export function readFigure(raw: string): FigureText {
  const text = raw.trim();
  if (text === '') return { kind: 'blank' };
  if (notCollectedWords.includes(text.toLowerCase())) return { kind: 'not_collected' };
  const compact = text.replace(/[\s\u00a0]/g, '').replace(/%$/, '');
  const thousands = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact);
  const plain = thousands ? compact.replace(/,/g, '') : compact;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { kind: 'unreadable', text };
  return { kind: 'number', value: Number(plain) };
}

/** How a stored figure is shown in a cell: blank for not collected, digits otherwise. */
export const showFigure = (value: number | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);
