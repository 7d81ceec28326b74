import type { DictionaryEntry } from '../dictionaries/categories';
import type { NormalizedText } from '../normalize/normalize-text';
import type { ScanResult } from '../scan/scan-text';
import type { DigitWindow } from '../recognizers/digit-windows';
import type { Candidate } from '../types';

/** A span with no label of its own (dates, plan-number candidates) that rules use as context. */
export interface Mark {
  start: number;
  end: number;
  context?: string;
}

/** One dictionary hit that passed its case rule. */
export interface Hit {
  entry: DictionaryEntry;
  start: number;
  end: number;
}

const EMPTY: Hit[] = [];

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

/**
 * The state of one classification: the normalized text, what the scan found, keyword hits grouped
 * by category, and the candidates recognizers raise. Helpers answer "is there a context word of
 * this category near here" with a bounded search.
 */
export class Analysis {
  readonly text: string;
  readonly byCategory = new Map<string, Hit[]>();
  readonly candidates: Candidate[] = [];
  /** Plausible dates found (numeric or with a month name). */
  readonly dates: Mark[] = [];
  /** Numbers right after a health-plan word ("member", "group"), judged once the document's health context is known. */
  readonly planIds: Mark[] = [];
  /** ICD-10 category codes ("I10", "M17" of "M17.11"). */
  readonly icdCodes: Mark[] = [];
  /** Digit sequences spelled out in words. */
  readonly spelledDigits: DigitWindow[] = [];
  /** Work counter (recognizer steps), for tests that prove work stays linear. */
  work = 0;

  constructor(
    readonly normalized: NormalizedText,
    readonly scan: ScanResult,
    entriesByPattern: readonly DictionaryEntry[],
  ) {
    this.text = normalized.text;
    const { hits } = scan;
    const data = hits.data;
    for (let index = 0; index < hits.length; index += 3) {
      const entry = entriesByPattern[data[index]!]!;
      const start = data[index + 1]!;
      const end = data[index + 2]!;
      if (entry.caseRule !== 'any' && !this.caseOk(entry.caseRule, start, end)) continue;
      let list = this.byCategory.get(entry.category);
      if (list === undefined) {
        list = [];
        this.byCategory.set(entry.category, list);
      }
      list.push({ entry, start, end });
    }
    // Hits arrive in order of their end; context lookups want order of start.
    for (const list of this.byCategory.values()) {
      let sorted = true;
      for (let index = 1; index < list.length; index++) {
        if (list[index]!.start < list[index - 1]!.start) {
          sorted = false;
          break;
        }
      }
      if (!sorted) list.sort((a, b) => a.start - b.start || a.end - b.end);
    }
  }

  private caseOk(rule: 'capitalized' | 'upper', start: number, end: number): boolean {
    const first = this.text.charCodeAt(start);
    if (!isUpper(first)) return false;
    if (rule === 'capitalized') {
      // "Rose" or "ROSE", not "rose"; reject camel-case tokens like "MarkDown".
      return true;
    }
    for (let index = start + 1; index < end; index++) {
      if (isLower(this.text.charCodeAt(index))) return false;
    }
    return true;
  }

  hits(category: string): Hit[] {
    return this.byCategory.get(category) ?? EMPTY;
  }

  has(category: string): boolean {
    return (this.byCategory.get(category)?.length ?? 0) > 0;
  }

  private memoPosition = -1;
  private readonly memo = new Map<string, Hit | null>();

  /**
   * `before()` for the many lookups made at one position (every digit window starting there asks
   * for several context categories): the nearest hit within 64 characters is computed once per
   * (position, category).
   */
  beforeAt(category: string, position: number, maxDistance: number): Hit | undefined {
    if (position !== this.memoPosition) {
      this.memoPosition = position;
      this.memo.clear();
    }
    let hit = this.memo.get(category);
    if (hit === undefined) {
      hit = this.before(category, position, 64) ?? null;
      this.memo.set(category, hit);
    }
    return hit !== null && position - hit.end <= maxDistance ? hit : undefined;
  }

  /** The nearest hit of a category ending at or before `position`, within `maxDistance` characters. */
  before(category: string, position: number, maxDistance: number): Hit | undefined {
    const list = this.byCategory.get(category);
    if (!list) return undefined;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.start < position) low = middle + 1;
      else high = middle;
    }
    let best: Hit | undefined;
    // Walk back a bounded number of hits (several may start before and end near `position`).
    for (let index = low - 1, steps = 0; index >= 0 && steps < 8; index--, steps++) {
      this.work++;
      const hit = list[index]!;
      if (hit.end <= position && position - hit.end <= maxDistance) {
        if (!best || hit.end > best.end) best = hit;
      }
      if (position - hit.start > maxDistance + 64) break;
    }
    return best;
  }

  /** The nearest hit of a category starting at or after `position`, within `maxDistance` characters. */
  after(category: string, position: number, maxDistance: number): Hit | undefined {
    const list = this.byCategory.get(category);
    if (!list) return undefined;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.start < position) low = middle + 1;
      else high = middle;
    }
    this.work++;
    const hit = list[low];
    return hit && hit.start - position <= maxDistance ? hit : undefined;
  }

  /** Whether a hit of a category lies within `[start - before, end + after]`. */
  near(category: string, start: number, end: number, before: number, after: number): Hit | undefined {
    return (
      this.before(category, start, before) ??
      this.after(category, end, after) ??
      this.inside(category, start, end)
    );
  }

  /** A hit of the category overlapping [start, end). */
  inside(category: string, start: number, end: number): Hit | undefined {
    const list = this.byCategory.get(category);
    if (!list) return undefined;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.end <= start) low = middle + 1;
      else high = middle;
    }
    for (let index = Math.max(0, low - 4), steps = 0; index < list.length && steps < 16; index++, steps++) {
      this.work++;
      const hit = list[index]!;
      if (hit.start >= end) break;
      if (hit.end > start && hit.start < end) return hit;
    }
    return undefined;
  }

  /** Whether a digit group ends within `maxDistance` characters before `position` (binary search). */
  digitGroupBefore(position: number, maxDistance: number): boolean {
    const { groups } = this.scan;
    const pairs = groups.length >> 1;
    let low = 0;
    let high = pairs;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (groups.data[middle * 2 + 1]! <= position) low = middle + 1;
      else high = middle;
    }
    this.work++;
    if (low === 0) return false;
    return position - groups.data[(low - 1) * 2 + 1]! <= maxDistance;
  }

  /** Candidates kept per type; past it the result is flagged (`findingsCapped`) and more are dropped. */
  static readonly MAX_PER_TYPE = 2000;
  private readonly perType = new Map<string, number>();
  /** Set when some type hit `MAX_PER_TYPE`. */
  capped = false;

  add(candidate: Candidate): void {
    const count = this.perType.get(candidate.type) ?? 0;
    if (count >= Analysis.MAX_PER_TYPE) {
      this.capped = true;
      return;
    }
    this.perType.set(candidate.type, count + 1);
    this.candidates.push(candidate);
  }

  isUpperAt(index: number): boolean {
    return isUpper(this.text.charCodeAt(index));
  }

  isLowerAt(index: number): boolean {
    return isLower(this.text.charCodeAt(index));
  }
}
