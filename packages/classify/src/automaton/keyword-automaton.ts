import { BOUNDARY, FOLD, SYMBOL_COUNT } from './fold-table';

/** One dictionary phrase to find. */
export interface KeywordPattern {
  /** The phrase. Case, Latin accents and punctuation between words are ignored. */
  text: string;
  /** Whether the phrase must start at a word boundary. Default true. */
  leftBoundary?: boolean;
  /** Whether the phrase must end at a word boundary. Default true (false makes it a prefix / stem). */
  rightBoundary?: boolean;
  /**
   * How a match must look in the text: `capitalized` (first letter upper case) or `upper` (no
   * lower-case letter). Matches that do not fit are not reported. Default `any`.
   */
  caseRule?: 'any' | 'capitalized' | 'upper';
}

/** `caseRule` codes in `KeywordAutomaton.caseRule`. */
export const CASE_ANY = 0;
export const CASE_CAPITALIZED = 1;
export const CASE_UPPER = 2;

/** A compiled multi-pattern matcher (Aho-Corasick as a full DFA over folded symbols). */
export interface KeywordAutomaton {
  /**
   * Transition table over rows: a state is identified by its row offset (`state × SYMBOL_COUNT`),
   * and `next[row + symbol]` is the next state's row. Pre-multiplied rows keep the multiply off
   * the per-character dependency chain of the scan.
   */
  readonly next: Int32Array;
  /** Row of the state after the virtual leading boundary (where every scan starts). */
  readonly startRow: number;
  /**
   * States are numbered so that those emitting patterns come last: a row at or above `outputRow`
   * emits at least one pattern (one comparison on the hot path, no table load).
   */
  readonly outputRow: number;
  /** Pattern ids emitted in each state: `outputs.subarray(outputStart[s], outputStart[s + 1])`, `s = row / SYMBOL_COUNT`. */
  readonly outputStart: Int32Array;
  readonly outputs: Int32Array;
  /** Symbols of each pattern (including boundary symbols), to recover the match start. */
  readonly patternLength: Int32Array;
  readonly leftBoundary: Uint8Array;
  readonly rightBoundary: Uint8Array;
  /** Each pattern's case rule (`CASE_ANY`, `CASE_CAPITALIZED`, `CASE_UPPER`). */
  readonly caseRule: Uint8Array;
  /** Words in each pattern's body ("privileged and confidential" → 3): locates the match start by word. */
  readonly patternWords: Uint8Array;
  /** Symbols in each pattern's body (for word-ending patterns, which start mid-word). */
  readonly bodyLength: Int32Array;
  readonly maxLength: number;
  readonly patternCount: number;
}

/** Folds a phrase into automaton symbols, collapsing runs of boundaries to one. */
export function foldPhrase(text: string): number[] {
  const symbols: number[] = [];
  let previous = BOUNDARY;
  for (let index = 0; index < text.length; index++) {
    const symbol = FOLD[text.charCodeAt(index)]!;
    if (symbol === BOUNDARY && previous === BOUNDARY) continue;
    symbols.push(symbol);
    previous = symbol;
  }
  while (symbols.length > 0 && symbols[symbols.length - 1] === BOUNDARY) symbols.pop();
  return symbols;
}

/**
 * Builds the automaton. Pattern `i` in the input is reported as id `i`. Construction is
 * O(total pattern length × alphabet); matching is one table lookup per input character.
 */
export function buildKeywordAutomaton(patterns: readonly KeywordPattern[]): KeywordAutomaton {
  const children: Array<Map<number, number>> = [new Map()];
  const terminal: number[][] = [[]];
  const patternLength = new Int32Array(patterns.length);
  const leftBoundary = new Uint8Array(patterns.length);
  const rightBoundary = new Uint8Array(patterns.length);
  const caseRule = new Uint8Array(patterns.length);
  const patternWords = new Uint8Array(patterns.length);
  const bodyLength = new Int32Array(patterns.length);
  let maxLength = 1;
  patterns.forEach((pattern, id) => {
    const left = pattern.leftBoundary !== false;
    const right = pattern.rightBoundary !== false;
    const body = foldPhrase(pattern.text);
    if (body.length === 0) return;
    let words = 1;
    for (const symbol of body) if (symbol === BOUNDARY) words++;
    patternWords[id] = Math.min(255, words);
    bodyLength[id] = body.length;
    const symbols = [...(left ? [BOUNDARY] : []), ...body, ...(right ? [BOUNDARY] : [])];
    let state = 0;
    for (const symbol of symbols) {
      let child = children[state]!.get(symbol);
      if (child === undefined) {
        child = children.length;
        children.push(new Map());
        terminal.push([]);
        children[state]!.set(symbol, child);
      }
      state = child;
    }
    terminal[state]!.push(id);
    patternLength[id] = symbols.length;
    leftBoundary[id] = left ? 1 : 0;
    rightBoundary[id] = right ? 1 : 0;
    caseRule[id] =
      pattern.caseRule === 'capitalized'
        ? CASE_CAPITALIZED
        : pattern.caseRule === 'upper'
          ? CASE_UPPER
          : CASE_ANY;
    if (symbols.length > maxLength) maxLength = symbols.length;
  });

  const stateCount = children.length;
  const next = new Int32Array(stateCount * SYMBOL_COUNT);
  const fail = new Int32Array(stateCount);
  const outputLists: number[][] = terminal.map((list) => [...list]);
  const queue: number[] = [];
  for (let symbol = 0; symbol < SYMBOL_COUNT; symbol++) {
    const child = children[0]!.get(symbol);
    if (child !== undefined) {
      next[symbol] = child;
      fail[child] = 0;
      queue.push(child);
    } else {
      next[symbol] = 0;
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const failOutputs = outputLists[fail[state]!]!;
    if (failOutputs.length > 0) outputLists[state]!.push(...failOutputs);
    for (let symbol = 0; symbol < SYMBOL_COUNT; symbol++) {
      const child = children[state]!.get(symbol);
      if (child !== undefined) {
        fail[child] = next[fail[state]! * SYMBOL_COUNT + symbol]!;
        next[state * SYMBOL_COUNT + symbol] = child;
        queue.push(child);
      } else {
        next[state * SYMBOL_COUNT + symbol] = next[fail[state]! * SYMBOL_COUNT + symbol]!;
      }
    }
  }
  // Renumber: states without output first (the root stays 0), then states with output, so the
  // scanner tests "emits something" by comparing the row with `outputRow`.
  // Within each group states keep breadth-first order: the shallow states most text visits share cache lines.
  const order = [0, ...queue];
  const renumbered = new Int32Array(stateCount);
  let nextId = 0;
  for (const state of order) if (outputLists[state]!.length === 0) renumbered[state] = nextId++;
  const firstOutput = nextId;
  for (const state of order) if (outputLists[state]!.length > 0) renumbered[state] = nextId++;
  const rows = new Int32Array(stateCount * SYMBOL_COUNT);
  for (let state = 0; state < stateCount; state++) {
    const from = state * SYMBOL_COUNT;
    const to = renumbered[state]! * SYMBOL_COUNT;
    for (let symbol = 0; symbol < SYMBOL_COUNT; symbol++)
      rows[to + symbol] = renumbered[next[from + symbol]!]! * SYMBOL_COUNT;
  }
  const byNewId: number[][] = new Array(stateCount);
  for (let state = 0; state < stateCount; state++) byNewId[renumbered[state]!] = outputLists[state]!;
  const outputStart = new Int32Array(stateCount + 1);
  let total = 0;
  for (let state = 0; state < stateCount; state++) {
    outputStart[state] = total;
    total += byNewId[state]!.length;
  }
  outputStart[stateCount] = total;
  const outputs = new Int32Array(total);
  for (let state = 0, at = 0; state < stateCount; state++) {
    for (const id of byNewId[state]!) outputs[at++] = id;
  }
  return {
    next: rows,
    startRow: rows[0]!,
    outputRow: firstOutput * SYMBOL_COUNT,
    outputStart,
    outputs,
    patternLength,
    leftBoundary,
    rightBoundary,
    caseRule,
    patternWords,
    bodyLength,
    maxLength,
    patternCount: patterns.length,
  };
}
