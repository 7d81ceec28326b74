import { FOLD, SYMBOL_COUNT } from '../automaton/fold-table';
import type { KeywordAutomaton } from '../automaton/keyword-automaton';
import { IntList } from './int-list';

/**
 * Everything one pass over the (normalized) text extracts: keyword hits, digit groups, mixed
 * letter-digit tokens and `@` positions. Recognizers and validators only look at these.
 */
export interface ScanResult {
  /** Triplets: pattern id, start, end (end exclusive), in order of their end. */
  readonly hits: IntList;
  /** Digit groups as pairs (start, end). Groups of one run are consecutive. */
  readonly groups: IntList;
  /** Digit runs as triplets: first group index, group count, flags (1 = letter before, 2 = letter after). */
  readonly runs: IntList;
  /** Tokens mixing letters and digits (or `_`), as pairs (start, end). */
  readonly tokens: IntList;
  /** Positions of `@`. */
  readonly ats: IntList;
  /** Positions of currency signs and `%` (`$ € £ ¥ %`). */
  readonly money: IntList;
}

/** Reusable buffers for one scan at a time (classification is synchronous). */
export interface ScanScratch {
  result: ScanResult;
  /** Start offsets of the most recent words (a match starts at the start of its first word). */
  ring: Int32Array;
  busy: boolean;
}

export function createScanScratch(automaton: KeywordAutomaton): ScanScratch {
  let ringSize = 8;
  // A pattern has at most maxLength / 2 + 1 words.
  while (ringSize < automaton.maxLength + 2) ringSize <<= 1;
  return {
    result: {
      hits: new IntList(256),
      groups: new IntList(128),
      runs: new IntList(96),
      tokens: new IntList(64),
      ats: new IntList(8),
      money: new IntList(32),
    },
    ring: new Int32Array(ringSize),
    busy: false,
  };
}

// space, '-', '.', '/', '(', ')', and the dashes NFKC leaves alone
function isSeparator(code: number): boolean {
  return (
    code === 32 ||
    code === 45 ||
    code === 46 ||
    code === 47 ||
    code === 40 ||
    code === 41 ||
    (code >= 0x2010 && code <= 0x2013)
  );
}

/**
 * One linear pass: feeds the keyword automaton (collapsing runs of boundaries so punctuation
 * between words does not matter) and collects digit groups joined by short separators
 * ("5 2 3 - 4 5 - 6 7 8 9", "(919) 555-0159"), mixed tokens, `@`s and currency signs.
 * Written as one loop without closures: this is the hot path.
 */
export function scanText(text: string, automaton: KeywordAutomaton, scratch: ScanScratch): ScanResult {
  const { hits, groups, runs, tokens, ats, money } = scratch.result;
  hits.length = 0;
  groups.length = 0;
  runs.length = 0;
  tokens.length = 0;
  ats.length = 0;
  money.length = 0;
  const { next, outputStart, outputs, leftBoundary, hasOutput, patternWords, bodyLength } = automaton;
  const fold = FOLD;
  const symbols = SYMBOL_COUNT;
  const ring = scratch.ring;
  const ringMask = ring.length - 1;

  let state = next[0]!; // after the virtual leading boundary
  let words = 0;
  let previous = 0;
  ring[0] = 0;

  let groupStart = -1;
  let runFirstGroup = -1;
  let runLetterBefore = 0;
  let separatorLength = 0;
  let separatorSpaces = 0;
  let separatorOthers = 0;
  let separatorFirst = 0;
  let wordStart = -1;
  let wordDigits = 0;
  let wordLetters = 0;

  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    const symbol = fold[code]!;
    if (symbol !== 0) {
      // Word character: automaton step, token and digit bookkeeping.
      if (wordStart < 0) {
        wordStart = index;
        wordDigits = 0;
        wordLetters = 0;
        words++;
        ring[words & ringMask] = index;
      }
      state = next[state * symbols + symbol]!;
      if (hasOutput[state] === 1) {
        for (let k = outputStart[state]!, to = outputStart[state + 1]!; k < to; k++) {
          const id = outputs[k]!;
          // Prefix patterns end inside the current word.
          hits.push(id);
          hits.push(
            leftBoundary[id]
              ? ring[(words - patternWords[id]! + 1) & ringMask]!
              : index + 1 - bodyLength[id]!,
          );
          hits.push(index + 1);
        }
      }
      previous = symbol;
      if (symbol >= 27 && symbol <= 36) {
        wordDigits++;
        if (groupStart < 0) {
          const joins =
            runFirstGroup >= 0 &&
            separatorLength > 0 &&
            separatorOthers <= 1 &&
            (separatorSpaces <= 1 ||
              (separatorLength === 3 && separatorOthers === 1 && separatorFirst === 32));
          if (!joins) {
            if (runFirstGroup >= 0) {
              runs.push(runFirstGroup);
              runs.push((groups.length >> 1) - runFirstGroup);
              runs.push(runLetterBefore);
            }
            runFirstGroup = groups.length >> 1;
            runLetterBefore = index > 0 && fold[text.charCodeAt(index - 1)]! !== 0 ? 1 : 0;
          }
          groupStart = index;
        }
      } else {
        wordLetters++;
        if (runFirstGroup >= 0) {
          // A letter ends the digit run; right after a digit it is glued to it.
          let flags = runLetterBefore;
          if (groupStart >= 0) {
            groups.push(groupStart);
            groups.push(index);
            groupStart = -1;
            flags |= 2;
          }
          runs.push(runFirstGroup);
          runs.push((groups.length >> 1) - runFirstGroup);
          runs.push(flags);
          runFirstGroup = -1;
        }
      }
    } else {
      if (previous !== 0) {
        state = next[state * symbols]!;
        if (hasOutput[state] === 1) {
          for (let k = outputStart[state]!, to = outputStart[state + 1]!; k < to; k++) {
            const id = outputs[k]!;
            // Patterns ending at a word boundary end just before this character.
            hits.push(id);
            hits.push(
              leftBoundary[id] ? ring[(words - patternWords[id]! + 1) & ringMask]! : index - bodyLength[id]!,
            );
            hits.push(index);
          }
        }
        previous = 0;
      }
      if (wordStart >= 0) {
        const size = index - wordStart;
        if (wordDigits > 0 && wordLetters > 0 && size >= 3 && size <= 256) {
          tokens.push(wordStart);
          tokens.push(index);
        }
        wordStart = -1;
      }
      if (code === 64) ats.push(index);
      else if (code === 36 || code === 37 || code === 0x20ac || code === 0xa3 || code === 0xa5)
        money.push(index);
      if (runFirstGroup >= 0) {
        if (groupStart >= 0) {
          groups.push(groupStart);
          groups.push(index);
          groupStart = -1;
          separatorLength = 0;
          separatorSpaces = 0;
          separatorOthers = 0;
          separatorFirst = code;
        }
        if (separatorLength < 3 && isSeparator(code)) {
          separatorLength++;
          if (code === 32) separatorSpaces++;
          else separatorOthers++;
        } else {
          runs.push(runFirstGroup);
          runs.push((groups.length >> 1) - runFirstGroup);
          runs.push(runLetterBefore);
          runFirstGroup = -1;
        }
      }
    }
  }
  // Virtual trailing boundary.
  if (previous !== 0) {
    state = next[state * symbols]!;
    for (let k = outputStart[state]!, to = outputStart[state + 1]!; k < to; k++) {
      const id = outputs[k]!;
      hits.push(id);
      hits.push(
        leftBoundary[id] ? ring[(words - patternWords[id]! + 1) & ringMask]! : length - bodyLength[id]!,
      );
      hits.push(length);
    }
  }
  if (groupStart >= 0) {
    groups.push(groupStart);
    groups.push(length);
  }
  if (runFirstGroup >= 0) {
    runs.push(runFirstGroup);
    runs.push((groups.length >> 1) - runFirstGroup);
    runs.push(runLetterBefore);
  }
  if (wordStart >= 0) {
    const size = length - wordStart;
    if (wordDigits > 0 && wordLetters > 0 && size >= 3 && size <= 256) {
      tokens.push(wordStart);
      tokens.push(length);
    }
  }
  return scratch.result;
}
