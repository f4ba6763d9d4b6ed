'use client';

import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface SeriesSpec {
  key: string;
  name: string;
  color: string;
  kind: 'bar' | 'line';
  /** Second axis on the right (e.g. milliseconds beside counts). */
  right?: boolean;
}

/** Values over time buckets (aggregated on the server): bars and lines, an optional reference level. */
export function TimeSeriesChart({
  data,
  series,
  reference,
}: {
  data: Record<string, string | number | null>[];
  series: SeriesSpec[];
  reference?: { value: number; label: string };
}) {
  const right = series.some((s) => s.right);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: right ? 0 : 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey="label" fontSize={11} minTickGap={24} />
        <YAxis yAxisId="left" allowDecimals={false} fontSize={11} width={44} />
        {right && <YAxis yAxisId="right" orientation="right" fontSize={11} width={52} unit=" ms" />}
        <Tooltip />
        {reference && (
          <ReferenceLine yAxisId="left" y={reference.value} stroke="#f59e0b" strokeDasharray="4 4" label={reference.label} />
        )}
        {series.map((s) =>
          s.kind === 'bar' ? (
            <Bar
              key={s.key}
              yAxisId={s.right ? 'right' : 'left'}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              isAnimationActive={false}
            />
          ) : (
            <Line
              key={s.key}
              yAxisId={s.right ? 'right' : 'left'}
              dataKey={s.key}
              name={s.name}
              stroke={s.color}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
