import { CATEGORY_COUNT, type CategoryId, type DictionaryEntry } from '../dictionaries/categories';
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

/**
 * Objects reused from one classification to the next (classification is synchronous; a re-entrant
 * call gets a fresh pool): hit objects and the `beforeAt` memo. Nothing in a result refers to them.
 */
export interface AnalysisPool {
  hits: Hit[];
  /** Start of the last hit added per category, and whether a list needs sorting. */
  lastStart: Int32Array;
  unsorted: Uint8Array;
  /** `beforeAt` memo: a stamp per category (valid when equal to `stamp`) and the hit found. */
  memoStamp: Int32Array;
  memoHit: Array<Hit | null>;
  stamp: number;
}

export function createAnalysisPool(): AnalysisPool {
  return {
    hits: [],
    lastStart: new Int32Array(CATEGORY_COUNT),
    unsorted: new Uint8Array(CATEGORY_COUNT),
    memoStamp: new Int32Array(CATEGORY_COUNT),
    memoHit: new Array<Hit | null>(CATEGORY_COUNT).fill(null),
    stamp: 0,
  };
}

/** Pools holding more hits than this are trimmed after use (memory after a huge document). */
const MAX_POOLED_HITS = 1 << 16;

/** Returns a pool's objects for the next classification, trimming what a huge document left behind. */
export function releaseAnalysisPool(pool: AnalysisPool): void {
  if (pool.hits.length > MAX_POOLED_HITS) pool.hits.length = MAX_POOLED_HITS;
  pool.memoHit.fill(null);
}

/** The list of a category without hits (shared; never added to). */
const NO_HITS: Hit[] = [];
/** One `NO_HITS` per category (copied for each analysis: a packed array). */
const EMPTY_LISTS: Hit[][] = [];
for (let category = 0; category < CATEGORY_COUNT; category++) EMPTY_LISTS.push(NO_HITS);

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

function byStartThenEnd(a: Hit, b: Hit): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * The state of one classification: the normalized text, what the scan found, keyword hits grouped
 * by category, and the candidates recognizers raise. Helpers answer "is there a context word of
 * this category near here" with a bounded search.
 */
export class Analysis {
  readonly text: string;
  /** Hits per category (indexed by `CategoryId`), sorted by start. */
  private readonly byCategory: Hit[][];
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
    pool: AnalysisPool,
  ) {
    this.text = normalized.text;
    const lists = EMPTY_LISTS.slice();
    this.byCategory = lists;
    const objects = pool.hits;
    const lastStart = pool.lastStart;
    const unsorted = pool.unsorted;
    let anyUnsorted = false;
    let used = 0;
    const { hits } = scan;
    const data = hits.data;
    for (let index = 0; index < hits.length; index += 3) {
      const entry = entriesByPattern[data[index]!]!;
      const start = data[index + 1]!;
      const end = data[index + 2]!;
      let hit: Hit;
      if (used < objects.length) {
        hit = objects[used]!;
        hit.entry = entry;
        hit.start = start;
        hit.end = end;
      } else {
        hit = { entry, start, end };
        objects.push(hit);
      }
      used++;
      const category = entry.category;
      const list = lists[category]!;
      if (list === NO_HITS) lists[category] = [hit];
      else {
        // Hits arrive in order of their end; context lookups want order of start.
        if (start < lastStart[category]!) {
          unsorted[category] = 1;
          anyUnsorted = true;
        }
        list.push(hit);
      }
      lastStart[category] = start;
    }
    if (anyUnsorted) {
      for (let category = 0; category < lists.length; category++) {
        if (unsorted[category] === 1) {
          lists[category]!.sort(byStartThenEnd);
          unsorted[category] = 0;
        }
      }
    }
    this.pool = pool;
  }

  hits(category: CategoryId): readonly Hit[] {
    return this.byCategory[category]!;
  }

  has(category: CategoryId): boolean {
    return this.byCategory[category]!.length > 0;
  }

  private readonly pool: AnalysisPool;
  /** The position the `beforeAt` memo holds. */
  private memoPosition = -1;

  /**
   * `before()` for the many lookups made at one position (every digit window starting there asks
   * for several context categories): the nearest hit within 64 characters is computed once per
   * (position, category).
   */
  beforeAt(category: CategoryId, position: number, maxDistance: number): Hit | undefined {
    const pool = this.pool;
    if (position !== this.memoPosition) {
      this.memoPosition = position;
      if (++pool.stamp === 0x40000000) {
        pool.memoStamp.fill(0);
        pool.stamp = 1;
      }
    }
    let hit: Hit | null;
    if (pool.memoStamp[category] === pool.stamp) hit = pool.memoHit[category]!;
    else {
      hit = this.before(category, position, 64) ?? null;
      pool.memoHit[category] = hit;
      pool.memoStamp[category] = pool.stamp;
    }
    return hit !== null && position - hit.end <= maxDistance ? hit : undefined;
  }

  /** The nearest hit of a category ending at or before `position`, within `maxDistance` characters. */
  before(category: CategoryId, position: number, maxDistance: number): Hit | undefined {
    const list = this.byCategory[category]!;
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
  after(category: CategoryId, position: number, maxDistance: number): Hit | undefined {
    const list = this.byCategory[category]!;
    if (list.length === 0) return undefined;
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
  near(category: CategoryId, start: number, end: number, before: number, after: number): Hit | undefined {
    return (
      this.before(category, start, before) ??
      this.after(category, end, after) ??
      this.inside(category, start, end)
    );
  }

  /** A hit of the category overlapping [start, end). */
  inside(category: CategoryId, start: number, end: number): Hit | undefined {
    const list = this.byCategory[category]!;
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
  /** Candidates per type, counted once the list is long enough for a type to reach the cap. */
  private perType: Map<string, number> | null = null;
  /** Set when some type hit `MAX_PER_TYPE`. */
  capped = false;

  add(candidate: Candidate): void {
    const candidates = this.candidates;
    // No type can reach the cap while the whole list is shorter: count only past that point.
    if (candidates.length < Analysis.MAX_PER_TYPE) {
      candidates.push(candidate);
      return;
    }
    let perType = this.perType;
    if (perType === null) {
      perType = new Map<string, number>();
      for (const earlier of candidates) perType.set(earlier.type, (perType.get(earlier.type) ?? 0) + 1);
      this.perType = perType;
    }
    const count = perType.get(candidate.type) ?? 0;
    if (count >= Analysis.MAX_PER_TYPE) {
      this.capped = true;
      return;
    }
    perType.set(candidate.type, count + 1);
    candidates.push(candidate);
  }

  isUpperAt(index: number): boolean {
    return isUpper(this.text.charCodeAt(index));
  }

  isLowerAt(index: number): boolean {
    return isLower(this.text.charCodeAt(index));
  }
}
