import { FOLD } from '../automaton/fold-table';

/** Farthest a split point is looked for past where it is wanted; a text without one is not split. */
const SEARCH = 4_096;

/**
 * The first word start (a word character after a boundary) in `[from, min(from + SEARCH, limit))`,
 * or -1.
 */
export function wordStartFrom(codes: Uint16Array, from: number, limit: number): number {
  const fold = FOLD;
  const to = Math.min(limit, from + SEARCH);
  for (let position = Math.max(from, 1); position < to; position++)
    if (fold[codes[position]!] !== 0 && fold[codes[position - 1]!] === 0) return position;
  return -1;
}

/**
 * The first word start after at least `count` word characters from `from`, before `limit`, or -1
 * (also when they are not within `SEARCH` characters of each other).
 */
export function wordStartAfter(codes: Uint16Array, from: number, count: number, limit: number): number {
  const fold = FOLD;
  const to = Math.min(limit, from + count + SEARCH);
  let seen = 0;
  let position = from;
  for (; position < to && seen < count; position++) if (fold[codes[position]!] !== 0) seen++;
  return seen < count ? -1 : wordStartFrom(codes, position, limit);
}
