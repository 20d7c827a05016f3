import type { PracticeCard } from '../../shared/contract/practices.ts';
import { costLabel, tagLabel } from '../../shared/labels.ts';
import { useI18n } from '../i18n/index.tsx';
import { Highlighted } from './Highlighted.tsx';

/**
 * The library search's result cards. Practices whose evidence says they made things worse
 * come last from the search and are shown apart, under their own heading, with that outcome.
 */
export function PracticeResults({ results }: { results: readonly PracticeCard[] }) {
  const { t } = useI18n();
  const apart = results.filter((p) => p.madeWorse);
  const rest = results.filter((p) => !p.madeWorse);
  return (
    <>
      <div className="grid two" data-testid="practice-results">
        {rest.map((p) => (
          <ResultCard key={p.id} p={p} />
        ))}
      </div>
      {apart.length > 0 && (
        <section aria-labelledby="practices-made-worse" data-testid="practices-made-worse">
          <h2 id="practices-made-worse" style={{ marginTop: '1.5rem' }}>
            {t('practices.madeWorseApart')}
          </h2>
          <div className="grid two">
            {apart.map((p) => (
              <ResultCard key={p.id} p={p} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}

function ResultCard({ p }: { p: PracticeCard }) {
  const { t, lang } = useI18n();
  // The title is the link (its name is the title); the other write-ups' links follow, never nested.
  return (
    <article className="card practice-card">
      <h3>
        <a href={`#/practices/${p.id}`}>{p.title}</a>
      </h3>
      <p className="snippet">
        <Highlighted text={p.snippet} />
      </p>
      <span className="chips">
        {p.tags.map((tag) => (
          <span key={tag} className="chip">
            {tagLabel(lang, tag)}
          </span>
        ))}
        <span className="chip plain">{costLabel(lang, p.cost)}</span>
        {p.worse > 0 && <span className="chip danger">{t('practices.worse', { n: p.worse })}</span>}
      </span>
      <div className="meta-row">
        {p.originPlace && <span>{t('practices.from', { place: p.originPlace })}</span>}
        <span>{t('practices.evidence', { n: p.evidence })}</span>
        <span>{t('practices.adoptions', { n: p.adoptions, improved: p.improved })}</span>
      </div>
      <AlsoTriedIn p={p} />
    </article>
  );
}

/** Places named on the card before the rest fold away ("and 12 more"). */
const PLACES_SHOWN = 5;

/** The other write-ups of a practice shown once: where each was tried, each one to open, and the evidence together. */
function AlsoTriedIn({ p }: { p: PracticeCard }) {
  const { t } = useI18n();
  if (!p.together) return null;
  const link = (o: PracticeCard['alsoTriedIn'][number]) => (
    <a href={`#/practices/${o.id}`} title={o.title}>
      {o.km === null ? o.place : t('practices.alsoTriedPlace', { place: o.place, km: o.km })}
    </a>
  );
  const first = p.alsoTriedIn.slice(0, PLACES_SHOWN);
  const rest = p.alsoTriedIn.slice(PLACES_SHOWN);
  return (
    <div className="also-tried" data-testid="also-tried-in">
      <p>
        {t('practices.alsoTriedIn')}{' '}
        {first.map((o, i) => (
          <span key={o.id}>
            {i > 0 && ', '}
            {link(o)}
          </span>
        ))}
      </p>
      {rest.length > 0 && (
        <details>
          <summary>{t('practices.alsoTriedMore', { n: rest.length })}</summary>
          <ul>
            {rest.map((o) => (
              <li key={o.id}>{link(o)}</li>
            ))}
          </ul>
        </details>
      )}
      <p className="muted">
        {t('practices.together', {
          evidence: p.together.evidence,
          n: p.together.adoptions,
          improved: p.together.improved,
        })}
      </p>
    </div>
  );
}
