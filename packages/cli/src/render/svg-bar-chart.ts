/** One row of an SVG chart: label and up to two stacked values. */
export interface SvgBar {
  label: string;
  values: [number, number?];
  /** Text shown right of the bar. */
  note: string;
}

/** Escapes text for HTML and SVG. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A horizontal stacked bar chart as inline SVG (no script, no external resource): first values
 * in `colors[0]`, second in `colors[1]`, scaled to the largest row.
 */
export function svgBarChart(
  bars: readonly SvgBar[],
  options: { title: string; colors?: [string, string]; legend?: [string, string] },
): string {
  const colors = options.colors ?? ['#2f6fdf', '#33a36b'];
  const labelWidth = 190;
  const barWidth = 360;
  const noteWidth = 260;
  const rowHeight = 26;
  const top = options.legend ? 28 : 8;
  const height = top + bars.length * rowHeight + 8;
  const width = labelWidth + barWidth + noteWidth;
  const max = Math.max(0, ...bars.map((bar) => Math.max(0, bar.values[0]) + Math.max(0, bar.values[1] ?? 0)));
  const scale = max > 0 ? barWidth / max : 0;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(options.title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
  );
  parts.push(`<title>${escapeXml(options.title)}</title>`);
  if (options.legend) {
    parts.push(`<rect x="${labelWidth}" y="6" width="12" height="12" fill="${colors[0]}"/>`);
    parts.push(`<text x="${labelWidth + 16}" y="16">${escapeXml(options.legend[0])}</text>`);
    parts.push(`<rect x="${labelWidth + 90}" y="6" width="12" height="12" fill="${colors[1]}"/>`);
    parts.push(`<text x="${labelWidth + 106}" y="16">${escapeXml(options.legend[1])}</text>`);
  }
  bars.forEach((bar, index) => {
    const y = top + index * rowHeight;
    const first = Math.max(0, bar.values[0]) * scale;
    const second = Math.max(0, bar.values[1] ?? 0) * scale;
    const label = bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label;
    parts.push(`<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeXml(label)}</text>`);
    if (first > 0)
      parts.push(
        `<rect x="${labelWidth}" y="${y + 4}" width="${first.toFixed(2)}" height="16" fill="${colors[0]}"/>`,
      );
    if (second > 0) {
      parts.push(
        `<rect x="${(labelWidth + first).toFixed(2)}" y="${y + 4}" width="${second.toFixed(2)}" height="16" fill="${colors[1]}"/>`,
      );
    }
    parts.push(
      `<text x="${(labelWidth + first + second + 6).toFixed(2)}" y="${y + 16}" fill="#333">${escapeXml(bar.note)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
