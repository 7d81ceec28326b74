import { Buffer } from 'node:buffer';
import type { KeywordAutomaton } from '../automaton/keyword-automaton';
import { ByteList } from './byte-list';
import { IntList } from './int-list';
import { scanNumbers } from './scan-numbers';
import { ringSizeFor, scanWords } from './scan-words';
import { kernelFor, scanWordsWithKernel } from './scan-words-with-kernel';
import type { KeywordKernel } from './wasm/keyword-kernel';

/**
 * Everything one pass over the (normalized) text extracts: keyword hits, digit groups, mixed
 * letter-digit tokens and `@` positions. Recognizers and validators only look at these.
 */
export interface ScanResult {
  /** Triplets: pattern id, start, end (end exclusive), in order of their end. */
  readonly hits: IntList;
  /** Digit groups as pairs (start, end). Groups of one run are consecutive. */
  readonly groups: IntList;
  /** Digit runs as triplets: first group index, group count, flags (1 = letter before, 2 = letter after, 4 = `+` before). */
  readonly runs: IntList;
  /** The digits of all groups, in order, as values 0-9: the digits of consecutive groups are contiguous. */
  readonly digits: ByteList;
  /** For each group: where its digits start in `digits`. */
  readonly groupDigits: IntList;
  /**
   * For each group: the separator before it within its run — its one non-space character, or 0 for
   * spaces only (separators joining groups hold at most one other character) — or -1 for a run's first group.
   */
  readonly groupSeparators: IntList;
  /** Tokens mixing letters and digits (or `_`), as pairs (start, end). */
  readonly tokens: IntList;
  /** Positions of `@`. */
  readonly ats: IntList;
  /** Positions of currency signs and `%` (`$ € £ ¥ %`). */
  readonly money: IntList;
  /** The scanned text's code units (`codes[length]` is a space). Valid until the next scan. */
  codes: Uint16Array;
}

/** Reusable buffers for one scan at a time (classification is synchronous). */
export interface ScanScratch {
  result: ScanResult;
  /** Start offsets of the most recent words (a match starts at the start of its first word). */
  ring: Int32Array;
  /** Positions of the digits (the keyword pass notes them for the number pass). */
  digitPositions: IntList;
  /**
   * What the kernel's second stream found, held until the first stream is done: hits as
   * (pattern id, start, end), digit positions, and `@` positions or complements of currency signs.
   */
  second: { hits: IntList; digits: IntList; marks: IntList };
  /** The text's UTF-16 code units, copied natively (reading a typed array is cheaper than `charCodeAt`). */
  codes: Uint16Array;
  /** `codes` as bytes, for `Buffer#write`. */
  bytes: Buffer;
  /**
   * The WebAssembly keyword pass to use: unset for the automaton's own (when WebAssembly is
   * available), null for the JavaScript loop (tests compare the two), or a given kernel.
   */
  kernel?: KeywordKernel | null;
  busy: boolean;
}

/** Code units kept between scans; longer texts get a buffer of their own. */
const RETAINED_CODES = 1 << 21;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Copies the text's code units, plus a trailing space, into the scratch buffer (growing it when needed). */
export function encodeText(text: string, scratch: ScanScratch): Uint16Array {
  const length = text.length;
  let codes = scratch.codes;
  let bytes = scratch.bytes;
  if (codes.length <= length) {
    let capacity = codes.length;
    while (capacity <= length) capacity *= 2;
    codes = new Uint16Array(capacity);
    bytes = Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength);
    if (capacity <= RETAINED_CODES) {
      scratch.codes = codes;
      scratch.bytes = bytes;
    }
  }
  if (LITTLE_ENDIAN) bytes.write(text, 0, length * 2, 'utf16le');
  else for (let index = 0; index < length; index++) codes[index] = text.charCodeAt(index);
  // A space after the text: the scan ends words, groups and tokens there without a separate tail.
  codes[length] = 32;
  return codes;
}

export function createScanScratch(automaton: KeywordAutomaton): ScanScratch {
  const ringSize = ringSizeFor(automaton);
  const codes = new Uint16Array(4096);
  return {
    result: {
      hits: new IntList(256),
      groups: new IntList(128),
      runs: new IntList(96),
      digits: new ByteList(256),
      groupDigits: new IntList(64),
      groupSeparators: new IntList(64),
      tokens: new IntList(64),
      ats: new IntList(8),
      money: new IntList(32),
      codes,
    },
    ring: new Int32Array(ringSize),
    digitPositions: new IntList(256),
    second: { hits: new IntList(64), digits: new IntList(64), marks: new IntList(8) },
    codes,
    bytes: Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength),
    busy: false,
  };
}

/**
 * One linear pass over the text, then a second over the words holding digits. The first feeds
 * the keyword automaton (collapsing runs of boundaries so punctuation between words does not
 * matter) and records `@`s, currency signs and digits — in WebAssembly where it can
 * (`scan-words-with-kernel.ts`), else in JavaScript (`scan-words.ts`); the second reads the words
 * holding digits and the separators between them into digit groups and runs ("5 2 3 - 4 5 - 6
 * 7 8 9", "(919) 555-0159") and mixed letter-digit tokens (`scan-numbers.ts`). Both read the text's
 * code units from a typed array; `codes[length]` is a space, so the end of the text is one more
 * boundary. No closures, no allocation: this is the hot path.
 */
export function scanText(text: string, automaton: KeywordAutomaton, scratch: ScanScratch): ScanResult {
  const result = scratch.result;
  const codes = encodeText(text, scratch);
  result.codes = codes;
  const kernel = scratch.kernel === undefined ? kernelFor(automaton) : scratch.kernel;
  if (kernel !== null) scanWordsWithKernel(codes, text.length, automaton, kernel, scratch, result);
  else scanWords(codes, text.length, automaton, scratch, result);
  scanNumbers(codes, text.length, scratch.digitPositions, result);
  return result;
}
