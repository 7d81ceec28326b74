import { FOLD } from '../automaton/fold-table';

/**
 * Where a match of a left-bounded pattern of `words` words ending at `end` starts: the start of
 * the word `words - 1` words before the one holding `end - 1`, runs of boundaries between words
 * counting once (as in the automaton). Reads the match's own characters, back to front.
 */
export function matchStart(codes: Uint16Array, end: number, words: number): number {
  const fold = FOLD;
  let position = end - 1;
  for (let word = 1; ; word++) {
    while (position > 0 && fold[codes[position - 1]!] !== 0) position--;
    if (word >= words || position === 0) return position;
    position--;
    while (position > 0 && fold[codes[position]!] === 0) position--;
  }
}
