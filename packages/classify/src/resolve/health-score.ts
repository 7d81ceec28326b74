import { Category } from '../dictionaries/categories';
import type { Analysis, Hit } from '../engine/analysis';
import { byStart, capped } from './rule-helpers';

/** Categories whose hits count as health information. */
const HEALTH_CATEGORIES = [
  Category.HealthCondition,
  Category.HealthDrug,
  Category.HealthProcedure,
  Category.HealthLab,
  Category.HealthCare,
  Category.HealthUnit,
  Category.HealthRole,
];

/** Sum of the weights of distinct health terms (ICD-10 codes count 0.7 each). */
export function healthScore(analysis: Analysis): { score: number; hits: Hit[] } {
  const seen = new Set<string>();
  const hits: Hit[] = [];
  let score = 0;
  for (const category of HEALTH_CATEGORIES) {
    for (const hit of capped(analysis.hits(category))) {
      const key = hit.entry.text.toLowerCase();
      hits.push(hit);
      if (seen.has(key)) continue;
      seen.add(key);
      score += hit.entry.weight;
    }
  }
  for (const code of analysis.icdCodes.slice(0, 8)) {
    score += 0.7;
    hits.push({
      entry: {
        text: 'ICD-10',
        category: 'health.icd10',
        weight: 0.7,
        caseRule: 'any',
        prefix: false,
        suffix: false,
      },
      start: code.start,
      end: code.end,
    });
  }
  hits.sort(byStart);
  return { score, hits };
}
