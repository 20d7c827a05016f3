import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from '../../shared/contract/clusters.ts';
import { useT } from '../i18n/index.tsx';

/** Draws a cluster's termly trend next to its neighbours and the region; data comes shaped. */
export function TrendChart({ points, unit }: { points: TrendPoint[]; unit: string }) {
  const t = useT();
  return (
    <div className="chart-box" data-testid="trend-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#e3e9ea" />
          <XAxis dataKey="term" tick={{ fontSize: 12 }} />
          <YAxis tick={{ fontSize: 12 }} unit={unit} width={52} />
          <Tooltip />
          <Legend />
          <Line
            type="monotone"
            dataKey="cluster"
            name={t('cluster.trend.cluster')}
            stroke="#0f5e5a"
            strokeWidth={3}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            type="monotone"
            dataKey="neighbours"
            name={t('cluster.trend.neighbours')}
            stroke="#c9731d"
            strokeWidth={2}
            strokeDasharray="5 3"
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="region"
            name={t('cluster.trend.region')}
            stroke="#8a9a9e"
            strokeWidth={2}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
