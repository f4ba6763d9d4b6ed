'use client';

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartDatum } from './chart-frame';

/** Counts per category, one bar each (data already aggregated on the server). */
export function CountBarChart({ data, layout = 'horizontal' }: { data: ChartDatum[]; layout?: 'horizontal' | 'vertical' }) {
  const vertical = layout === 'vertical';
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} layout={layout} margin={{ top: 8, right: 16, bottom: 8, left: vertical ? 24 : 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        {vertical ? (
          <>
            <XAxis type="number" allowDecimals={false} fontSize={12} />
            <YAxis type="category" dataKey="label" fontSize={12} width={90} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" fontSize={12} />
            <YAxis allowDecimals={false} fontSize={12} width={40} />
          </>
        )}
        <Tooltip cursor={{ fill: '#f1f5f9' }} />
        <Bar dataKey="value" name="Tools" isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.label} fill={d.color ?? '#6366f1'} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
