import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { completionPoints } from '../../shared/sessions/chart.ts';
import { useT } from '../i18n/index.tsx';

/** Completion rate per term or month as bars; shaped by `completionPoints`. */
export function CompletionChart({
  series,
}: {
  series: { period: string; due: number; rate: number | null }[];
}) {
  const t = useT();
  const data = completionPoints(series);
  return (
    <div className="completion-chart" data-testid="completion-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 18, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e3e9ea" vertical={false} />
          <XAxis dataKey="period" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 100]} unit="%" width={44} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => [`${String(v)}%`, t('sessions.followUp.rate')]} />
          <Bar dataKey="percent" name={t('sessions.followUp.rate')} fill="#0f5e5a" isAnimationActive={false}>
            <LabelList
              dataKey="percent"
              position="top"
              fontSize={11}
              formatter={(v: unknown) => (typeof v === 'number' ? `${v}%` : '')}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
