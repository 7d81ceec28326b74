import { Category, type CategoryId } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';
import type { Candidate } from '../types';

/** Whether any hit of `category` overlaps the span (binary search, bounded). */
export function touches(
  analysis: Analysis,
  category: CategoryId,
  span: { start: number; end: number },
  slack = 0,
): boolean {
  return analysis.inside(category, Math.max(0, span.start - slack), span.end + slack) !== undefined;
}

/** A label needs one finding; beyond this many hits per rule, more findings add nothing but work. */
export const MAX_RULE_HITS = 48;

export function capped<T>(list: readonly T[]): readonly T[] {
  return list.length > MAX_RULE_HITS ? list.slice(0, MAX_RULE_HITS) : list;
}

/** The sentence-ish window around a position (bounded, cut at . ! ? or a blank line). */
export function sentenceAround(
  text: string,
  position: number,
  radius: number,
): { start: number; end: number } {
  let start = position;
  const min = Math.max(0, position - radius);
  while (start > min) {
    const code = text.charCodeAt(start - 1);
    if ((code === 46 || code === 33 || code === 63) && text.charCodeAt(start) === 32) break;
    if (code === 10 && text.charCodeAt(start - 2) === 10) break;
    start--;
  }
  let end = position;
  const max = Math.min(text.length, position + radius);
  while (end < max) {
    const code = text.charCodeAt(end);
    if (
      (code === 46 || code === 33 || code === 63) &&
      (end + 1 >= text.length || text.charCodeAt(end + 1) === 32 || text.charCodeAt(end + 1) === 10)
    )
      break;
    if (code === 10 && text.charCodeAt(end + 1) === 10) break;
    end++;
  }
  return { start, end };
}

export function moneyWithin(analysis: Analysis, span: { start: number; end: number }): boolean {
  const { money } = analysis.scan;
  let low = 0;
  let high = money.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (money.data[middle]! < span.start) low = middle + 1;
    else high = middle;
  }
  return low < money.length && money.data[low]! < span.end;
}

/** "our", "we" or "us" (a dictionary term in lower case). */
export function isFirstPersonPlural(word: string): boolean {
  return word === 'our' || word === 'we' || word === 'us';
}

/** A first-person plural word ("our", "we", "us") inside the span. */
export function firstPersonIn(analysis: Analysis, span: { start: number; end: number }): boolean {
  const list = analysis.hits(Category.ForwardLooking);
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]!.start < span.start) low = middle + 1;
    else high = middle;
  }
  for (let index = low, steps = 0; index < list.length && steps < 32; index++, steps++) {
    const hit = list[index]!;
    if (hit.start >= span.end) break;
    const word = hit.entry.lower;
    if (isFirstPersonPlural(word) || word === "we're" || word === "we'll") return true;
  }
  return false;
}

export function strongish(candidate: Candidate): boolean {
  return candidate.score >= 0.5;
}

export function push(analysis: Analysis, candidate: Candidate): void {
  analysis.add(candidate);
}
