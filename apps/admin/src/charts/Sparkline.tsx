/** A point of a trend: a year and a number. */
export interface TrendPoint {
  year: number;
  value: number;
}

/**
 * A row-sized trend: the straight path from baseline to target (dashed) and the observed values
 * (dots joined). Plain SVG, so a table of forty rows costs no chart library; the label says in
 * words what it draws.
 */
export function Sparkline({
  path,
  observed,
  label,
  width = 120,
  height = 32,
}: {
  path: TrendPoint[];
  observed: TrendPoint[];
  label: string;
  width?: number;
  height?: number;
}) {
  const all = [...path, ...observed];
  if (all.length === 0) {
    return (
      <span>
        <span aria-hidden>—</span>
        <span className="sr-only">{label}</span>
      </span>
    );
  }
  const years = all.map((p) => p.year);
  const values = all.map((p) => p.value);
  const [x0, x1] = [Math.min(...years), Math.max(...years)];
  const [y0, y1] = [Math.min(...values), Math.max(...values)];
  const pad = 4;
  const x = (year: number) => pad + ((year - x0) / (x1 - x0 || 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - y0) / (y1 - y0 || 1)) * (height - 2 * pad);
  const line = (pts: TrendPoint[]) => pts.map((p) => `${x(p.year)},${y(p.value)}`).join(' ');
  return (
    <svg className="sparkline" width={width} height={height} role="img" aria-label={label}>
      <title>{label}</title>
      {path.length > 1 ? (
        <polyline points={line(path)} fill="none" stroke="#8c8c8c" strokeDasharray="3 2" />
      ) : null}
      {observed.length > 1 ? (
        <polyline points={line(observed)} fill="none" stroke="#1677ff" strokeWidth={1.5} />
      ) : null}
      {observed.map((p) => (
        <circle key={p.year} cx={x(p.year)} cy={y(p.value)} r={2.5} fill="#1677ff" />
      ))}
    </svg>
  );
}
