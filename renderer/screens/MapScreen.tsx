import { useState } from 'react';
import { indicatorDefs, indicatorNames, type IndicatorName } from '../../shared/schema/enums.ts';
import { indicatorLabel } from '../../shared/labels.ts';
import { colourAt, NO_DATA } from '../../shared/map/colour.ts';
import { useOp } from '../api.ts';
import { RegionMap } from '../components/RegionMap.tsx';
import { useI18n } from '../i18n/index.tsx';

const CHOSEN_KEY = 'pamoja.map.indicator';

/** The region map: where the CoPs are, who declared whom a neighbour, how each is doing. */
export function MapScreen() {
  const { t, lang } = useI18n();
  const [indicator, setIndicator] = useState<IndicatorName>(() => {
    const saved = localStorage.getItem(CHOSEN_KEY);
    return (indicatorNames as readonly string[]).includes(saved ?? '')
      ? (saved as IndicatorName)
      : 'attendance_rate';
  });
  const data = useOp('map.region', { indicator });
  const better = indicatorDefs[indicator].better;
  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <h1>{t('map.title')}</h1>
          <p className="muted">{t('map.subtitle')}</p>
        </div>
        <label className="field">
          {t('map.colourBy')}
          <select
            value={indicator}
            data-testid="map-indicator"
            onChange={(e) => {
              const next = e.target.value as IndicatorName;
              localStorage.setItem(CHOSEN_KEY, next);
              setIndicator(next);
            }}
          >
            {indicatorNames.map((n) => (
              <option key={n} value={n}>
                {indicatorLabel(lang, n)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="map-legend" aria-hidden="true">
        <span>
          <span className="swatch" style={{ background: colourAt(0) }} />
          {t('map.worse')}
        </span>
        <span>
          <span className="swatch" style={{ background: colourAt(0.5) }} />
        </span>
        <span>
          <span className="swatch" style={{ background: colourAt(1) }} />
          {t('map.better')} ({better === 'up' ? t('map.high') : t('map.low')})
        </span>
        <span>
          <span className="swatch" style={{ background: NO_DATA }} />
          {t('map.noData')}
        </span>
        {data.data?.term && <span className="muted">{t('map.latestTerm', { term: data.data.term })}</span>}
      </div>
      <RegionMap indicator={indicator} />
    </section>
  );
}
