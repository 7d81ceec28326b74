import { Category, type DictionaryEntry } from '../dictionaries/categories';
import type { Analysis, Hit } from '../engine/analysis';
import { capped } from './rule-helpers';

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

/** The entry behind ICD-10 code hits. */
const ICD10_ENTRY: DictionaryEntry = Object.freeze({
  text: 'ICD-10',
  lower: 'icd-10',
  category: Category.HealthIcd10,
  weight: 0.7,
  caseRule: 'any',
  prefix: false,
  suffix: false,
});

/**
 * Sum of the weights of distinct health terms (ICD-10 codes count 0.7 each), and the hits in order
 * of start (ties in the order of `HEALTH_CATEGORIES`, then ICD-10 codes).
 */
export function healthScore(analysis: Analysis): { score: number; hits: Hit[] } {
  const lists: Array<readonly Hit[]> = [];
  let seen: Set<string> | null = null;
  let score = 0;
  for (const category of HEALTH_CATEGORIES) {
    const list = capped(analysis.hits(category));
    if (list.length === 0) continue;
    lists.push(list);
    seen ??= new Set<string>();
    for (const hit of list) {
      const key = hit.entry.lower;
      if (seen.has(key)) continue;
      seen.add(key);
      score += hit.entry.weight;
    }
  }
  const icdCodes = analysis.icdCodes;
  if (icdCodes.length > 0) {
    const icdHits: Hit[] = [];
    for (let index = 0; index < icdCodes.length && index < 8; index++) {
      const code = icdCodes[index]!;
      score += 0.7;
      icdHits.push({ entry: ICD10_ENTRY, start: code.start, end: code.end });
    }
    lists.push(icdHits);
  }
  return { score, hits: mergeByStart(lists) };
}

/** Merges lists sorted by start into one (stable: on equal starts, earlier lists first). */
function mergeByStart(lists: ReadonlyArray<readonly Hit[]>): Hit[] {
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0]!.slice();
  const merged: Hit[] = [];
  const heads = new Array<number>(lists.length).fill(0);
  for (;;) {
    let best = -1;
    let bestStart = 0;
    for (let list = 0; list < lists.length; list++) {
      const hit = lists[list]![heads[list]!];
      if (hit !== undefined && (best < 0 || hit.start < bestStart)) {
        best = list;
        bestStart = hit.start;
      }
    }
    if (best < 0) return merged;
    merged.push(lists[best]![heads[best]!++]!);
  }
}
