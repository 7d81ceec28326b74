import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../eval/corpus';
import { countLabels, precision, recall } from '../../eval/metrics';
import { createClassifier, LABELS } from '../../src/index';

// A snapshot of the development corpus (`shared/corpus`, copied unchanged into `snapshot/` so the
// tests need nothing outside the repository). `pnpm eval:classify` reads the shared copy.
describe('development corpus targets', () => {
  const { cases, org } = loadCorpus(fileURLToPath(new URL('./snapshot/', import.meta.url)));
  const classifier = createClassifier({ org });
  const rows = cases.map((item) => ({
    id: item.id,
    expected: new Set(item.labels),
    predicted: new Set(classifier.classify(item.text).labels),
  }));

  it('has the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  it('meets per-label recall >= 0.95', () => {
    const counts = countLabels(rows, LABELS);
    for (const label of LABELS)
      expect({ label, recall: recall(counts.get(label)!) >= 0.95 }).toEqual({ label, recall: true });
  });

  it('meets regulated recall >= 0.99 and precision >= 0.95', () => {
    const regulated = ['phi', 'npi', 'privileged', 'trade_secret', 'credentials'] as const;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const item of cases) {
      const expected = regulated.some((label) => item.labels.includes(label));
      const predicted = classifier.classify(item.text).dataClass === 'regulated';
      if (expected && predicted) tp++;
      else if (expected) fn++;
      else if (predicted) fp++;
    }
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.99);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(precision({ tp, fp, fn, missed: [], extra: [] })).toBeGreaterThanOrEqual(0.95);
  });
});
