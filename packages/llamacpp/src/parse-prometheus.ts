/**
 * Reads the samples of a Prometheus text exposition (`name value` or `name{labels} value` lines;
 * `#` lines are help and type). Only unlabelled samples are kept.
 */
export function parsePrometheus(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith('#')) continue;
    const space = line.lastIndexOf(' ');
    if (space <= 0) continue;
    const name = line.slice(0, space).trim();
    if (name.includes('{')) continue;
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) out.set(name, value);
  }
  return out;
}
