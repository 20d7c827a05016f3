import type { ClusterDetail } from '../../shared/contract/clusters.ts';
import { call, useOp } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

/** Declared neighbours, and the nearest CoPs by distance to declare (or not). */
export function ClusterNeighbours({ cluster, onChange }: { cluster: ClusterDetail; onChange: () => void }) {
  const { t } = useI18n();
  const nearest = useOp('clusters.nearest', { id: cluster.id, limit: 6 });
  const change = (op: 'clusters.addNeighbour' | 'clusters.removeNeighbour', neighbourId: string) =>
    void call(op, { id: cluster.id, neighbourId }).then(() => {
      nearest.reload();
      onChange();
    });
  const suggestions = (nearest.data ?? []).filter((n) => !n.declared);
  return (
    <div className="card" data-testid="cluster-neighbours">
      <h2>{t('cluster.neighbours')}</h2>
      {cluster.neighbours.length === 0 && <p className="muted small">{t('cop.neighbours.none')}</p>}
      <ul className="list-plain">
        {cluster.neighbours.map((n) => (
          <li key={n.id} className="member-row">
            <span>
              <a href={`#/clusters/${n.id}`}>{n.name}</a>{' '}
              <span className="muted small">{t('common.km', { n: n.distanceKm })}</span>
            </span>
            <button
              className="button plain small"
              aria-label={t('cop.neighbours.undeclare', { name: n.name })}
              onClick={() => change('clusters.removeNeighbour', n.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {suggestions.length > 0 && (
        <>
          <h3 className="small">{t('cop.neighbours.nearest')}</h3>
          <p className="muted small">{t('cop.neighbours.hint')}</p>
          <ul className="list-plain small">
            {suggestions.map((n) => (
              <li key={n.id} className="member-row">
                <span>
                  {n.name} <span className="muted">{t('common.km', { n: n.distanceKm })}</span>
                </span>
                <button
                  className="button"
                  aria-label={t('cop.neighbours.declare', { name: n.name })}
                  onClick={() => change('clusters.addNeighbour', n.id)}
                >
                  {t('cop.neighbours.declareShort')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
