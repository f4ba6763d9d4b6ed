import { Card } from '@/components/ui/card';

export interface ChartDatum {
  label: string;
  value: number;
  color?: string;
}

/**
 * The one chart wrapper: a titled card with a fixed-height plot area and, for screen readers and
 * for anyone who prefers numbers, the same figures as a small table.
 */
export function ChartFrame({
  title,
  description,
  table,
  children,
  testId,
}: {
  title: string;
  description?: string;
  table: { head: string[]; rows: (string | number)[][] };
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Card title={title}>
      <figure data-testid={testId}>
        {description && <figcaption className="mb-2 text-xs text-slate-500">{description}</figcaption>}
        <div className="h-56" aria-hidden="true">
          {children}
        </div>
        <details className="mt-2 text-xs text-slate-600">
          <summary className="cursor-pointer">Figures</summary>
          <table className="mt-1 min-w-full" aria-label={title}>
            <thead>
              <tr>
                {table.head.map((h) => (
                  <th key={h} scope="col" className="px-2 py-0.5 text-left font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={String(r[0])}>
                  {r.map((c, i) => (
                    <td key={i} className="px-2 py-0.5 tabular-nums">
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
    </Card>
  );
}
