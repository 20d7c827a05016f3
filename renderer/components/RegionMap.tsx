import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import type { RegionMapData } from '../../shared/contract/map.ts';
import { colourAt, NO_DATA, position, valueRange } from '../../shared/map/colour.ts';
import { indicatorDefs, type IndicatorName } from '../../shared/schema/enums.ts';
import { useOp } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.ts';
import { countryOutline } from './countryOutline.ts';

const WIDTH = 960;

/**
 * The region drawn offline (no tiles): the country's outline from packaged Natural Earth
 * data, each CoP a point coloured by the chosen indicator, declared neighbours as lines.
 * A click (or Enter) on a CoP opens it. With `onPick` the map is a place picker instead:
 * a click anywhere gives its latitude and longitude.
 */
export function RegionMap({
  indicator = null,
  height = 560,
  highlight,
  picked,
  onPick,
}: {
  indicator?: IndicatorName | null;
  height?: number;
  highlight?: string;
  picked?: { lat: number; lon: number } | null;
  onPick?: (p: { lat: number; lon: number }) => void;
}) {
  const { t } = useI18n();
  const data = useOp('map.region', { indicator });
  const outline = useCountry(data.data?.country ?? null);
  const drawing = useMemo(
    () => (data.data ? layout(data.data, outline, height, picked ?? null) : null),
    [data.data, outline, height, picked],
  );
  if (!data.data || !drawing)
    return <div className="region-map" style={{ aspectRatio: `${WIDTH} / ${height}` }} aria-busy="true" />;
  const d = data.data;
  const better = d.indicator ? indicatorDefs[d.indicator].better : 'up';
  const range = valueRange(d.clusters.map((c) => c.value));
  const fill = (v: number | null) =>
    v === null || !range ? NO_DATA : colourAt(position(v, range.min, range.max, better));

  const pick = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const svg = e.currentTarget;
    const point = new DOMPoint(e.clientX, e.clientY).matrixTransform(svg.getScreenCTM()!.inverse());
    const at = drawing.projection.invert?.([point.x, point.y]);
    if (at) onPick({ lon: at[0], lat: at[1] });
  };

  return (
    <svg
      className="region-map"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role={onPick ? 'img' : 'group'}
      aria-label={onPick ? t('map.pickLabel') : t('map.label', { region: d.regionName })}
      data-testid={onPick ? 'map-picker' : 'region-map'}
      onClick={pick}
      style={onPick ? { cursor: 'crosshair' } : undefined}
    >
      {drawing.country && <path className="country" d={drawing.country} />}
      {drawing.links.map((l, i) => (
        <line key={i} className="neighbour-link" x1={l[0]} y1={l[1]} x2={l[2]} y2={l[3]} />
      ))}
      {drawing.points.map((p) => {
        const c = d.clusters[p.index]!;
        const label = t('map.point', {
          name: c.name,
          value: c.value === null ? t('map.noData') : String(c.value),
        });
        return (
          <circle
            key={c.id}
            className="cluster-point"
            cx={p.x}
            cy={p.y}
            r={c.id === highlight ? 9 : drawing.radius}
            fill={fill(c.value)}
            data-cluster={c.id}
            {...(onPick
              ? {}
              : {
                  role: 'link',
                  tabIndex: 0,
                  'aria-label': label,
                  onClick: () => navigate(`/clusters/${c.id}`),
                  onKeyDown: (e: React.KeyboardEvent) => e.key === 'Enter' && navigate(`/clusters/${c.id}`),
                })}
          >
            <title>{label}</title>
          </circle>
        );
      })}
      {drawing.picked && <circle className="picked" cx={drawing.picked[0]} cy={drawing.picked[1]} r={12} />}
    </svg>
  );
}

/** The country's outline, loaded once (the Natural Earth file is large: only on first use). */
function useCountry(country: string | null): GeoPermissibleObjects | null {
  const [outline, setOutline] = useState<GeoPermissibleObjects | null>(null);
  useEffect(() => {
    if (!country) return;
    let live = true;
    void countryOutline(country).then((o) => live && setOutline(o));
    return () => {
      live = false;
    };
  }, [country]);
  return outline;
}

/** Projects everything once per data set: fitted to the CoPs (with a margin), so a county fills the map. */
function layout(
  d: RegionMapData,
  country: GeoPermissibleObjects | null,
  height: number,
  picked: { lat: number; lon: number } | null,
) {
  const pad = 24;
  const points: [number, number][] = d.clusters.map((c) => [c.lon, c.lat]);
  if (picked) points.push([picked.lon, picked.lat]);
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const margin = 0.15;
  const fitTo: GeoPermissibleObjects =
    points.length >= 2
      ? (() => {
          const [x0, x1, y0, y1] = [
            Math.min(...lons),
            Math.max(...lons),
            Math.min(...lats),
            Math.max(...lats),
          ];
          const mx = Math.max((x1 - x0) * margin, 0.05);
          const my = Math.max((y1 - y0) * margin, 0.05);
          return {
            type: 'MultiPoint',
            coordinates: [
              [x0 - mx, y0 - my],
              [x1 + mx, y1 + my],
            ],
          };
        })()
      : (country ?? { type: 'MultiPoint', coordinates: points.length ? points : [[37.9, 0.2]] });
  const projection = geoMercator().fitExtent(
    [
      [pad, pad],
      [WIDTH - pad, height - pad],
    ],
    fitTo,
  );
  const at = (lon: number, lat: number) => projection([lon, lat]) ?? [0, 0];
  const index = new Map(d.clusters.map((c, i) => [c.id, i]));
  const xy = d.clusters.map((c) => at(c.lon, c.lat));
  const links = d.links
    .map(([a, b]) => [index.get(a), index.get(b)] as const)
    .filter((l): l is readonly [number, number] => l[0] !== undefined && l[1] !== undefined)
    .map(([a, b]) => [xy[a]![0], xy[a]![1], xy[b]![0], xy[b]![1]] as const);
  return {
    projection,
    country: country ? geoPath(projection)(country) : null,
    links,
    points: xy.map(([x, y], i) => ({ x, y, index: i })),
    // Many CoPs (a whole country) get smaller points so they do not cover each other.
    radius: d.clusters.length > 150 ? 4 : 7,
    picked: picked ? at(picked.lon, picked.lat) : null,
  };
}
