/** A number as a report prints it: at most two decimals, no trailing zeros, no "-0". */
export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const fixed = n.toFixed(digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A ratio of paces as a percentage: 0.83 → 83%. */
export function formatRatio(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return '—';
  return `${formatNumber(r * 100, 0)}%`;
}

/** A cell with its year: "2020年：4.5"; an empty cell is a dash. */
export function withYear(year: number, raw: string): string {
  const text = raw.trim();
  return text === '' ? '—' : `${year}年：${text}`;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
