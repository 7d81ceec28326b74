import { SYMBOL_COUNT } from '../../automaton/fold-table';
import { ROW_COLUMNS, TABLES_BASE } from './kernel-layout';

/** The automaton tables the kernel rows are built from (see `KeywordAutomaton`). */
export interface RowSource {
  next: Int32Array;
  outputRow: number;
  outputStart: Int32Array;
  outputs: Int32Array;
}

/** Kernel rows, ready to be copied into the kernel's memory at `TABLES_BASE`. */
export interface KernelRows {
  /** Rows (`ROW_COLUMNS` slots each), then the output records. */
  words: Int32Array;
  /** Byte address of the first emitting row. */
  outputRow: number;
  /** Byte address of the kernel row for an automaton row. */
  rowAddress(row: number): number;
}

const ROW_BYTES = ROW_COLUMNS * 4;

/**
 * The automaton as rows the kernel steps through once per character, boundaries included. The
 * scan steps once per run of boundaries, so a state entered by a boundary keeps itself on the next
 * boundary — through a non-emitting copy when it emits, so its patterns are reported once. (Every
 * transition into a state reads the same symbol, so a state entered by a boundary is never entered
 * otherwise and never stepped on a boundary before.)
 *
 * Each column holds the byte address of the next row; the last column of an emitting row holds
 * the address of its record: the pattern count, then the pattern ids. Copies come right after the
 * states without output, so rows at or above `outputRow` are exactly the emitting ones.
 */
export function buildKernelRows(automaton: RowSource): KernelRows {
  const { next, outputStart, outputs } = automaton;
  const states = next.length / SYMBOL_COUNT;
  const firstOutput = automaton.outputRow / SYMBOL_COUNT;
  const enteredByBoundary = new Uint8Array(states);
  for (let state = 0; state < states; state++)
    enteredByBoundary[next[state * SYMBOL_COUNT]! / SYMBOL_COUNT] = 1;
  // Kernel index of each state, and of each copy.
  const index = new Int32Array(states);
  const copyIndex = new Int32Array(states).fill(-1);
  let copies = 0;
  for (let state = firstOutput; state < states; state++)
    if (enteredByBoundary[state]) copyIndex[state] = firstOutput + copies++;
  for (let state = 0; state < states; state++) index[state] = state < firstOutput ? state : state + copies;
  const rows = states + copies;
  const address = (kernelIndex: number) => TABLES_BASE + kernelIndex * ROW_BYTES;
  const words = new Int32Array(rows * ROW_COLUMNS + (states - firstOutput) + outputs.length);
  let record = rows * ROW_COLUMNS;
  for (let state = 0; state < states; state++) {
    const at = index[state]! * ROW_COLUMNS;
    for (let symbol = 0; symbol < SYMBOL_COUNT; symbol++)
      words[at + symbol] = address(index[next[state * SYMBOL_COUNT + symbol]! / SYMBOL_COUNT]!);
    if (enteredByBoundary[state])
      words[at] = address(copyIndex[state]! >= 0 ? copyIndex[state]! : index[state]!);
    if (copyIndex[state]! >= 0) {
      const copy = copyIndex[state]! * ROW_COLUMNS;
      words.copyWithin(copy, at, at + SYMBOL_COUNT);
    }
    const from = outputStart[state]!;
    const to = outputStart[state + 1]!;
    if (from === to) continue;
    words[at + SYMBOL_COUNT] = TABLES_BASE + record * 4;
    words[record++] = to - from;
    for (let k = from; k < to; k++) words[record++] = outputs[k]!;
  }
  return {
    words: words.subarray(0, record),
    outputRow: address(firstOutput + copies),
    rowAddress: (row: number) => address(index[row / SYMBOL_COUNT]!),
  };
}
