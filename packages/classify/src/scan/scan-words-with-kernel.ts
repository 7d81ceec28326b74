import { FOLD } from '../automaton/fold-table';
import { CASE_ANY, type KeywordAutomaton } from '../automaton/keyword-automaton';
import { AT_SIGN, BOUNDARY_KIND, MONEY } from './boundary-kinds';
import { caseFits } from './case-rule';
import type { IntList } from './int-list';
import { matchStart } from './match-start';
import type { ScanResult, ScanScratch } from './scan-text';
import { wordStartAfter, wordStartFrom } from './split-point';
import { CHUNK, createKeywordKernel, type KernelStream, type KeywordKernel } from './wasm/keyword-kernel';

/** `@` → 1, currency signs and `%` → 2 (the kernel's marks). */
const KERNEL_KINDS = new Uint8Array(65536);
for (let code = 0; code < 65536; code++) {
  if (BOUNDARY_KIND[code] === AT_SIGN) KERNEL_KINDS[code] = 1;
  else if (BOUNDARY_KIND[code] === MONEY) KERNEL_KINDS[code] = 2;
}

/** Texts shorter than this are read by one stream (splitting would cost more than it saves). */
const SPLIT_MIN = 1_024;

/** The WebAssembly keyword pass for each automaton (built on first use), or null to use the JavaScript loop. */
const kernels = new WeakMap<KeywordAutomaton, KeywordKernel | null>();

export function kernelFor(automaton: KeywordAutomaton): KeywordKernel | null {
  let kernel = kernels.get(automaton);
  if (kernel === undefined) {
    kernel = createKernel(automaton);
    kernels.set(automaton, kernel);
  }
  return kernel;
}

/**
 * A WebAssembly keyword pass for the automaton, or null (no WebAssembly, or a pattern bounded on
 * neither side: such a pattern could match anywhere in a word, and the kernel's rows assume it
 * cannot — none of the built-in ones is). `hitLimit` (tests) drains hits sooner.
 */
export function createKernel(automaton: KeywordAutomaton, hitLimit?: number): KeywordKernel | null {
  const { outputStart, leftBoundary, rightBoundary } = automaton;
  for (let id = 0; id < leftBoundary.length; id++)
    if (leftBoundary[id] === 0 && rightBoundary[id] === 0) return null;
  let maxOutputs = 0;
  for (let state = 0; state + 1 < outputStart.length; state++)
    maxOutputs = Math.max(maxOutputs, outputStart[state + 1]! - outputStart[state]!);
  return createKeywordKernel({
    fold: FOLD,
    kinds: KERNEL_KINDS,
    next: automaton.next,
    outputRow: automaton.outputRow,
    outputStart,
    outputs: automaton.outputs,
    maxOutputs,
    ...(hitLimit === undefined ? {} : { hitLimit }),
  });
}

/** Where one drain puts a stream's findings. */
interface Sink {
  hits: IntList;
  digits: IntList;
  /** `@` positions and complements of currency-sign positions, or null to sort them into `ats` / `money`. */
  marks: IntList | null;
  ats: IntList;
  money: IntList;
}

/**
 * `scanWords` through the WebAssembly kernel, with the same results. A text of `SPLIT_MIN`
 * characters or more is split at a word start `second` near its middle: stream 1 reads from there
 * to the end while stream 0 reads from the start, side by side. The automaton's state depends
 * only on the last `maxLength` symbols, so once stream 1 has read that many word characters
 * (at `firstEnd`, the next word start) both streams are in the same state: stream 0 stops there,
 * and of stream 1's findings only those from `firstEnd` on are kept.
 */
export function scanWordsWithKernel(
  codes: Uint16Array,
  length: number,
  automaton: KeywordAutomaton,
  kernel: KeywordKernel,
  scratch: ScanScratch,
  result: ScanResult,
): void {
  const { hits, ats, money } = result;
  const { digitPositions, second } = scratch;
  hits.length = 0;
  ats.length = 0;
  money.length = 0;
  digitPositions.length = 0;
  kernel.reset(automaton.startRow);
  const [first, other] = kernel.streams;
  const main: Sink = { hits, digits: digitPositions, marks: null, ats, money };
  // The trailing space at `codes[length]` is read too.
  const total = length + 1;
  let secondStart = -1;
  let firstEnd = total;
  if (total >= SPLIT_MIN) {
    secondStart = wordStartFrom(codes, total >> 1, total);
    if (secondStart > 0) firstEnd = wordStartAfter(codes, secondStart, automaton.maxLength, total);
    if (firstEnd < 0) {
      secondStart = -1;
      firstEnd = total;
    }
  }
  let base = 0;
  if (secondStart > 0) {
    second.hits.length = 0;
    second.digits.length = 0;
    second.marks.length = 0;
    const side: Sink = { hits: second.hits, digits: second.digits, marks: second.marks, ats, money };
    const shared = total - secondStart;
    for (; base < shared; base += CHUNK) {
      const size = Math.min(CHUNK, shared - base);
      first.codes.set(codes.subarray(base, base + size));
      other.codes.set(codes.subarray(secondStart + base, secondStart + base + size));
      let at = 0;
      do {
        at = kernel.scan2(at, size);
        drain(first, base, codes, automaton, main);
        drain(other, secondStart + base, codes, automaton, side);
      } while (at < size);
    }
    base = shared;
  }
  for (; base < firstEnd; base += CHUNK) {
    const size = Math.min(CHUNK, firstEnd - base);
    first.codes.set(codes.subarray(base, base + size));
    let at = 0;
    do {
      at = kernel.scan1(at, size);
      drain(first, base, codes, automaton, main);
    } while (at < size);
  }
  if (secondStart > 0) appendSecond(firstEnd, scratch, result);
}

/**
 * Moves a stream's findings into a sink: positions from chunk indices, hits completed with their
 * start and end and filtered by case rule (here, where the whole text is at hand).
 */
function drain(
  stream: KernelStream,
  base: number,
  codes: Uint16Array,
  automaton: KeywordAutomaton,
  sink: Sink,
): void {
  stream.drain();
  const { counts } = stream;
  const hitSlots = counts[0]!;
  if (hitSlots > 0) {
    const { caseRule, leftBoundary, patternWords, bodyLength } = automaton;
    const fold = FOLD;
    const kernelHits = stream.hits;
    const { hits } = sink;
    let count = hits.length;
    const data = hits.reserve(count, (hitSlots >> 1) * 3);
    for (let k = 0; k < hitSlots; k += 2) {
      const id = kernelHits[k]!;
      const position = base + kernelHits[k + 1]!;
      // A pattern completed by a word character ends after it; by a boundary, before it.
      const end = fold[codes[position]!] !== 0 ? position + 1 : position;
      const start =
        leftBoundary[id] === 1 && patternWords[id]! > 1
          ? matchStart(codes, end, patternWords[id]!)
          : end - bodyLength[id]!;
      const rule = caseRule[id]!;
      if (rule !== CASE_ANY && !caseFits(codes, rule, start, end)) continue;
      data[count++] = id;
      data[count++] = start;
      data[count++] = end;
    }
    hits.length = count;
  }
  const digitCount = counts[1]!;
  if (digitCount > 0) {
    const { digits } = sink;
    const data = digits.reserve(digits.length, digitCount);
    const kernelDigits = stream.digits;
    for (let k = 0, at = digits.length; k < digitCount; k++) data[at++] = base + kernelDigits[k]!;
    digits.length += digitCount;
  }
  const markCount = counts[2]!;
  for (let k = 0; k < markCount; k++) {
    const mark = stream.marks[k]!;
    if (sink.marks !== null) sink.marks.push(mark >= 0 ? base + mark : ~(base + ~mark));
    else if (mark >= 0) sink.ats.push(base + mark);
    else sink.money.push(base + ~mark);
  }
}

/** Appends what stream 1 found from `from` on (hits ending after `from`: `from` is a word start). */
function appendSecond(from: number, scratch: ScanScratch, result: ScanResult): void {
  const { hits, digits, marks } = scratch.second;
  let k = 0;
  while (k < hits.length && hits.data[k + 2]! <= from) k += 3;
  appendFrom(result.hits, hits, k);
  k = 0;
  while (k < digits.length && digits.data[k]! < from) k++;
  appendFrom(scratch.digitPositions, digits, k);
  for (k = 0; k < marks.length; k++) {
    const mark = marks.data[k]!;
    if (mark >= from) result.ats.push(mark);
    else if (mark < 0 && ~mark >= from) result.money.push(~mark);
  }
}

/** Appends `source[from..]` to `target`. */
function appendFrom(target: IntList, source: IntList, from: number): void {
  const count = source.length - from;
  if (count <= 0) return;
  target.reserve(target.length, count).set(source.data.subarray(from, source.length), target.length);
  target.length += count;
}
