/** Renders a search snippet whose matches are wrapped in «…» with <mark>. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(/«|»/);
  return (
    <>{parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}</>
  );
}
