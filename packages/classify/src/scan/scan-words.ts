import { FOLD, SYMBOL_COUNT } from '../automaton/fold-table';
import { CASE_ANY, type KeywordAutomaton } from '../automaton/keyword-automaton';
import { AT_SIGN, BOUNDARY_KIND, MONEY } from './boundary-kinds';
import { caseFits } from './case-rule';
import type { ScanResult, ScanScratch } from './scan-text';

/** Ring of word starts: a pattern has at most maxLength / 2 + 1 words. */
export function ringSizeFor(automaton: KeywordAutomaton): number {
  let ringSize = 8;
  while (ringSize < automaton.maxLength + 2) ringSize <<= 1;
  return ringSize;
}

/** 1 for the digit symbols. */
const IS_DIGIT_SYMBOL = new Uint8Array(SYMBOL_COUNT);
for (let symbol = 27; symbol <= 36; symbol++) IS_DIGIT_SYMBOL[symbol] = 1;

/**
 * The keyword automaton over the text: hits as (pattern id, start, end) in order of their end,
 * those that do not fit their pattern's case rule left out, plus the positions of `@`s, currency
 * signs and digits. The automaton steps once per word character and once per run of boundary
 * characters; the ring keeps the start of the most recent words (a match starts at the start of
 * its first word). The reference for the WebAssembly kernel, which runs where it can.
 */
export function scanWords(
  codes: Uint16Array,
  length: number,
  automaton: KeywordAutomaton,
  scratch: ScanScratch,
  result: ScanResult,
): void {
  const { hits, ats, money } = result;
  const { ring, digitPositions } = scratch;
  hits.length = 0;
  ats.length = 0;
  money.length = 0;
  digitPositions.length = 0;
  const { next, outputStart, outputs, outputRow, leftBoundary, patternWords, bodyLength, caseRule } =
    automaton;
  const fold = FOLD;
  const kinds = BOUNDARY_KIND;
  const isDigit = IS_DIGIT_SYMBOL;
  const symbols = SYMBOL_COUNT;
  const ringMask = ring.length - 1;
  let row = automaton.startRow; // after the virtual leading boundary
  let words = 0;
  ring[0] = 0;
  let index = 0;
  while (index <= length) {
    const code = codes[index]!;
    let symbol = fold[code]!;
    if (symbol === 0) {
      const kind = kinds[code]!;
      if (kind === AT_SIGN) ats.push(index);
      else if (kind === MONEY) money.push(index);
      index++;
      continue;
    }
    // A word: one automaton step per character, up to the next boundary.
    words++;
    ring[words & ringMask] = index;
    do {
      row = next[row + symbol]!;
      if (row >= outputRow) {
        const state = (row / symbols) | 0;
        for (let k = outputStart[state]!, to = outputStart[state + 1]!; k < to; k++) {
          const id = outputs[k]!;
          // Prefix patterns end inside the current word.
          const start = leftBoundary[id]
            ? ring[(words - patternWords[id]! + 1) & ringMask]!
            : index + 1 - bodyLength[id]!;
          if (caseRule[id] !== CASE_ANY && !caseFits(codes, caseRule[id]!, start, index + 1)) continue;
          hits.push(id);
          hits.push(start);
          hits.push(index + 1);
        }
      }
      if (isDigit[symbol] === 1) digitPositions.push(index);
      index++;
      symbol = fold[codes[index]!]!;
    } while (symbol !== 0);
    // The word ends before `index` (a boundary, possibly the trailing space): one boundary step.
    row = next[row]!;
    if (row >= outputRow) {
      const state = (row / symbols) | 0;
      for (let k = outputStart[state]!, to = outputStart[state + 1]!; k < to; k++) {
        const id = outputs[k]!;
        // Patterns ending at a word boundary end just before this character.
        const start = leftBoundary[id]
          ? ring[(words - patternWords[id]! + 1) & ringMask]!
          : index - bodyLength[id]!;
        if (caseRule[id] !== CASE_ANY && !caseFits(codes, caseRule[id]!, start, index)) continue;
        hits.push(id);
        hits.push(start);
        hits.push(index);
      }
    }
  }
}
