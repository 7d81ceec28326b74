import { formatUsd } from '@switchyard/cost';

export { formatUsd };

/** `12.3%`. */
export function formatPercent(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return 'n/a';
  return `${(share * 100).toFixed(digits)}%`;
}

/** `1,234`. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** `950`, `12.3K`, `4.5M`, `1.2B`. */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${(value / 1e12).toFixed(1)}T`;
  if (abs >= 1e9) return `${(value / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${(value / 1e3).toFixed(1)}K`;
  return String(Math.round(value));
}

/** Pads or cuts `text` to `width` columns (cut text ends with …). */
export function fit(text: string, width: number): string {
  if (text.length > width) return `${text.slice(0, Math.max(0, width - 1))}…`;
  return text.padEnd(width);
}

/** Right-aligns `text` in `width` columns. */
export function right(text: string, width: number): string {
  return text.padStart(width);
}
