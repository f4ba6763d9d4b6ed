'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface StackedRow {
  label: string;
  /** Lowest, middle and highest level counts (e.g. none / internal / external). */
  low: number;
  mid: number;
  high: number;
}

/** One stacked bar per permission dimension: tools at each level, lowest level first. */
export function StackedLevelsChart({ data, names }: { data: StackedRow[]; names: { low: string; mid: string; high: string } }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 24 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="label" fontSize={12} width={100} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="low" stackId="levels" name={names.low} fill="#94a3b8" isAnimationActive={false} />
        <Bar dataKey="mid" stackId="levels" name={names.mid} fill="#f59e0b" isAnimationActive={false} />
        <Bar dataKey="high" stackId="levels" name={names.high} fill="#e11d48" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
