import type { Label } from '../src/index';

/** Counts for one label. */
export interface LabelCounts {
  tp: number;
  fp: number;
  fn: number;
  missed: string[];
  extra: string[];
}

export function precision(counts: LabelCounts): number {
  return counts.tp + counts.fp === 0 ? 1 : counts.tp / (counts.tp + counts.fp);
}

export function recall(counts: LabelCounts): number {
  return counts.tp + counts.fn === 0 ? 1 : counts.tp / (counts.tp + counts.fn);
}

/** F-beta with beta = 2 (recall weighted four times precision). */
export function f2(counts: LabelCounts): number {
  const p = precision(counts);
  const r = recall(counts);
  return p + r === 0 ? 0 : (5 * p * r) / (4 * p + r);
}

/** Per-label counts over (id, expected, predicted) triples, for the given labels. */
export function countLabels(
  rows: ReadonlyArray<{ id: string; expected: ReadonlySet<Label>; predicted: ReadonlySet<Label> }>,
  labels: readonly Label[],
): Map<Label, LabelCounts> {
  const out = new Map<Label, LabelCounts>();
  for (const label of labels) out.set(label, { tp: 0, fp: 0, fn: 0, missed: [], extra: [] });
  for (const row of rows) {
    for (const label of labels) {
      const counts = out.get(label)!;
      const expected = row.expected.has(label);
      const predicted = row.predicted.has(label);
      if (expected && predicted) counts.tp++;
      else if (expected) {
        counts.fn++;
        counts.missed.push(row.id);
      } else if (predicted) {
        counts.fp++;
        counts.extra.push(row.id);
      }
    }
  }
  return out;
}

export const num = (value: number) => value.toFixed(3);
