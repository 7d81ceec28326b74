/** One bar: a label and up to two stacked parts (e.g. cloud and local dollars). */
export interface BarRow {
  label: string;
  parts: [number, number?];
  /** Text after the bar. */
  note: string;
}

const FULL = '█';
const SECOND = '▒';

/**
 * A horizontal bar chart for terminals: the first part drawn with █, the second with ▒, scaled so
 * the largest row fills `width` columns.
 */
export function renderBars(
  rows: readonly BarRow[],
  options: { width?: number; labelWidth?: number } = {},
): string {
  const width = options.width ?? 32;
  const labelWidth = options.labelWidth ?? Math.min(24, Math.max(8, ...rows.map((row) => row.label.length)));
  const max = Math.max(0, ...rows.map((row) => (row.parts[0] ?? 0) + (row.parts[1] ?? 0)));
  const lines = rows.map((row) => {
    const first = Math.max(0, row.parts[0] ?? 0);
    const second = Math.max(0, row.parts[1] ?? 0);
    const scale = max > 0 ? width / max : 0;
    let a = Math.round(first * scale);
    let b = Math.round(second * scale);
    // A non-zero part is always visible.
    if (a === 0 && first > 0) a = 1;
    if (b === 0 && second > 0) b = 1;
    const bar = `${FULL.repeat(a)}${SECOND.repeat(b)}`.padEnd(width + 2);
    const label =
      row.label.length > labelWidth ? `${row.label.slice(0, labelWidth - 1)}…` : row.label.padEnd(labelWidth);
    return `  ${label} ${bar}${row.note}`;
  });
  return `${lines.join('\n')}\n`;
}
