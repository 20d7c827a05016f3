import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { indicatorDefs } from '../../shared/schema/enums.ts';
import type { DataSpotlight } from '../../shared/sessions/agenda.ts';
import { axisMax, formatFigure, spotlightRows } from '../../shared/sessions/chart.ts';
import { useT } from '../i18n/index.tsx';

const CURRENT = { school: '#0f5e5a', cluster: '#c9731d', neighbour: '#5b8f8b' } as const;

/**
 * The data spotlight: the cluster's schools, its average and its neighbours on one
 * indicator, last term against this term. Rows are shaped by `spotlightRows` (shared with
 * the printed handout); this component only draws them.
 */
export function SpotlightChart({
  spotlight,
  clusterName,
}: {
  spotlight: DataSpotlight;
  clusterName: string;
}) {
  const t = useT();
  const rows = spotlightRows(spotlight, t('sessions.spotlight.average', { cluster: clusterName }));
  const unit = indicatorDefs[spotlight.indicator].kind === 'rate' ? '%' : '';
  const label = (v: unknown): string => (typeof v === 'number' ? formatFigure(spotlight, v) : '');
  return (
    <figure className="spotlight">
      <div
        className="spotlight-chart"
        style={{ height: 56 + rows.length * 38 }}
        data-testid="spotlight-chart"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 4, right: 48, bottom: 4, left: 8 }}
            barGap={1}
          >
            <CartesianGrid stroke="#e3e9ea" horizontal={false} />
            <XAxis type="number" domain={[0, axisMax(spotlight, rows)]} unit={unit} tick={{ fontSize: 12 }} />
            <YAxis type="category" dataKey="label" width={180} tick={{ fontSize: 12 }} interval={0} />
            <Legend />
            {spotlight.previousTerm && (
              <Bar dataKey="previous" name={spotlight.previousTerm} fill="#b9c6c9" isAnimationActive={false}>
                <LabelList dataKey="previous" position="right" fontSize={11} formatter={label} />
              </Bar>
            )}
            <Bar dataKey="current" name={spotlight.term} fill={CURRENT.school} isAnimationActive={false}>
              {rows.map((r) => (
                <Cell key={r.key} fill={CURRENT[r.group]} />
              ))}
              <LabelList dataKey="current" position="right" fontSize={11} formatter={label} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted small">
        {t(
          indicatorDefs[spotlight.indicator].better === 'up'
            ? 'sessions.spotlight.higher'
            : 'sessions.spotlight.lower',
        )}
      </figcaption>
    </figure>
  );
}
