import { Buffer } from 'node:buffer';
import { FOLD, SYMBOL_COUNT } from '../automaton/fold-table';
import { CASE_ANY, CASE_CAPITALIZED } from '../automaton/keyword-automaton';
import {
  CHUNK,
  createKeywordKernel,
  EVENT_AT,
  EVENT_DIGIT_WORD,
  type KeywordKernel,
} from './wasm/keyword-kernel';
import type { KeywordAutomaton } from '../automaton/keyword-automaton';
import { ByteList } from './byte-list';
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
  /** Starts of the words holding a digit (the keyword loop notes them for the number loop). */
  digitWords: IntList;
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

/** Ring of word starts: a pattern has at most maxLength / 2 + 1 words. */
function ringSizeFor(automaton: KeywordAutomaton): number {
  let ringSize = 8;
  while (ringSize < automaton.maxLength + 2) ringSize <<= 1;
  return ringSize;
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
    digitWords: new IntList(64),
    codes,
    bytes: Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength),
    busy: false,
  };
}

/** Boundary characters the scan records, and those it joins digit groups with. */
const AT_SIGN = 1;
const MONEY = 2;
/** space, '-', '.', '/', '(', ')', and the dashes NFKC leaves alone */
const SEPARATOR = 4;

function buildBoundaryKinds(): Uint8Array {
  const table = new Uint8Array(65536);
  table[64] = AT_SIGN;
  for (const code of [36, 37, 0x20ac, 0xa3, 0xa5]) table[code] = MONEY;
  for (const code of [32, 45, 46, 47, 40, 41, 0x2010, 0x2011, 0x2012, 0x2013]) table[code] = SEPARATOR;
  return table;
}

const BOUNDARY_KIND = buildBoundaryKinds();

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

/**
 * Whether a match fits its pattern's case rule: capitalized ("Rose" or "ROSE", not "rose"), or
 * upper case (no lower-case letter). Checked when the match is found, while its text is in cache.
 */
function caseFits(codes: Uint16Array, rule: number, start: number, end: number): boolean {
  if (!isUpper(codes[start]!)) return false;
  if (rule === CASE_CAPITALIZED) return true;
  for (let index = start + 1; index < end; index++) if (isLower(codes[index]!)) return false;
  return true;
}

/** `@` → 1, currency signs and `%` → 2 (the kernel's events). */
const KERNEL_KINDS = new Uint8Array(65536);
for (let code = 0; code < 65536; code++) {
  if (BOUNDARY_KIND[code] === AT_SIGN) KERNEL_KINDS[code] = 1;
  else if (BOUNDARY_KIND[code] === MONEY) KERNEL_KINDS[code] = 2;
}

/** The WebAssembly keyword pass for each automaton (built on first use), or null to use the JavaScript loop. */
const kernels = new WeakMap<KeywordAutomaton, KeywordKernel | null>();

function kernelFor(automaton: KeywordAutomaton): KeywordKernel | null {
  let kernel = kernels.get(automaton);
  if (kernel === undefined) {
    kernel = createKernel(automaton);
    kernels.set(automaton, kernel);
  }
  return kernel;
}

/**
 * A WebAssembly keyword pass for the automaton, or null (no WebAssembly, or a pattern bounded on
 * neither side: the kernel bounds the matches inside one word, and such a pattern could match
 * anywhere in a word — none of the built-in ones is). `eventLimit` (tests) drains events sooner.
 */
export function createKernel(automaton: KeywordAutomaton, eventLimit?: number): KeywordKernel | null {
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
    outputStart,
    outputs: automaton.outputs,
    leftBoundary,
    patternWords: automaton.patternWords,
    bodyLength: automaton.bodyLength,
    outputRow: automaton.outputRow,
    ringSize: ringSizeFor(automaton),
    maxOutputs,
    maxLength: automaton.maxLength,
    ...(eventLimit === undefined ? {} : { eventLimit }),
  });
}

/** 1 for the digit symbols. */
const IS_DIGIT_SYMBOL = new Uint8Array(SYMBOL_COUNT);
for (let symbol = 27; symbol <= 36; symbol++) IS_DIGIT_SYMBOL[symbol] = 1;

/**
 * One linear pass over the text, then a second over the words holding digits. The first loop feeds
 * the keyword automaton (collapsing runs of boundaries so punctuation between words does not
 * matter), records `@`s and currency signs, and notes where words with digits start; the second
 * reads those words and the separators between them into digit groups and runs ("5 2 3 - 4 5 - 6
 * 7 8 9", "(919) 555-0159") and mixed letter-digit tokens. Both read the text's code units from a
 * typed array; `codes[length]` is a space, so the end of the text is one more boundary. No
 * closures, no allocation: this is the hot path.
 */
export function scanText(text: string, automaton: KeywordAutomaton, scratch: ScanScratch): ScanResult {
  const result = scratch.result;
  const codes = encodeText(text, scratch);
  result.codes = codes;
  const kernel = scratch.kernel === undefined ? kernelFor(automaton) : scratch.kernel;
  if (kernel !== null) scanWordsWithKernel(codes, text.length, automaton, kernel, scratch, result);
  else scanWords(codes, text.length, automaton, scratch, result);
  scanNumbers(codes, text.length, scratch.digitWords, result);
  return result;
}

/**
 * The keyword automaton over the text: hits as (pattern id, start, end) in order of their end,
 * those that do not fit their pattern's case rule left out. The
 * automaton steps once per word character and once per run of boundary characters; the ring keeps
 * the start of the most recent words (a match starts at the start of its first word).
 */
function scanWords(
  codes: Uint16Array,
  length: number,
  automaton: KeywordAutomaton,
  scratch: ScanScratch,
  result: ScanResult,
): void {
  const { hits, ats, money } = result;
  const { ring, digitWords } = scratch;
  hits.length = 0;
  ats.length = 0;
  money.length = 0;
  digitWords.length = 0;
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
    const wordStart = index;
    let digits = 0;
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
      digits |= isDigit[symbol]!;
      index++;
      symbol = fold[codes[index]!]!;
    } while (symbol !== 0);
    if (digits !== 0) digitWords.push(wordStart);
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

/**
 * `scanWords` through the WebAssembly kernel: the text goes in by chunks; the events come back as
 * hits (filtered by case rule here, where the whole text is at hand), `@`s, currency signs and
 * words with digits.
 */
function scanWordsWithKernel(
  codes: Uint16Array,
  length: number,
  automaton: KeywordAutomaton,
  kernel: KeywordKernel,
  scratch: ScanScratch,
  result: ScanResult,
): void {
  const { hits, ats, money } = result;
  const { digitWords } = scratch;
  hits.length = 0;
  ats.length = 0;
  money.length = 0;
  digitWords.length = 0;
  const { caseRule } = automaton;
  const events = kernel.events;
  kernel.reset(automaton.startRow);
  // `codes[length]` is the trailing space: it goes in with the last chunk.
  for (let base = 0; base <= length; base += CHUNK) {
    const size = Math.min(length + 1 - base, CHUNK);
    kernel.codes.set(codes.subarray(base, base + size));
    let at = 0;
    do {
      at = kernel.scan(at, size, base);
      const count = kernel.drain();
      for (let k = 0; k < count; ) {
        const event = events[k]!;
        if (event >= 0) {
          const start = events[k + 1]!;
          const end = events[k + 2]!;
          if (caseRule[event] === CASE_ANY || caseFits(codes, caseRule[event]!, start, end)) {
            hits.push(event);
            hits.push(start);
            hits.push(end);
          }
          k += 3;
        } else {
          if (event === EVENT_DIGIT_WORD) digitWords.push(events[k + 1]!);
          else if (event === EVENT_AT) ats.push(events[k + 1]!);
          else money.push(events[k + 1]!);
          k += 2;
        }
      }
    } while (at < size);
  }
}

/**
 * Digit groups, runs and mixed tokens. From the start of each word holding a digit, reads whole
 * words and the boundaries between them until a boundary ends the digit run: words without digits
 * outside those stretches are never tokens and never part of a run. Each character is read at most
 * once here.
 */
function scanNumbers(codes: Uint16Array, length: number, digitWords: IntList, result: ScanResult): void {
  const { groups, runs, tokens, digits, groupDigits, groupSeparators } = result;
  // The lists are filled directly with counts kept here; `reserve` makes room per stretch (each
  // character adds at most one digit, one group, one run and one token).
  let groupData = groups.data;
  let groupCount = 0;
  let runData = runs.data;
  let runCount = 0;
  let tokenData = tokens.data;
  let tokenCount = 0;
  let digitData = digits.data;
  let digitCount = 0;
  let groupDigitData = groupDigits.data;
  let groupSeparatorData = groupSeparators.data;
  const fold = FOLD;
  const kinds = BOUNDARY_KIND;
  const starts = digitWords.data;
  let position = 0;
  let reservedUntil = -1;
  for (let w = 0; w < digitWords.length; w++) {
    // Words already read as part of an earlier run are skipped.
    if (starts[w]! < position) continue;
    position = starts[w]!;
    let groupStart = -1;
    let groupSeparator = -1;
    let runFirstGroup = -1;
    let runLetterBefore = 0;
    let separatorLength = 0;
    let separatorSpaces = 0;
    let separatorOthers = 0;
    let separatorFirst = 0;
    let separatorCode = 0;
    let wordStart = -1;
    let wordDigits = 0;
    for (; position <= length; position++) {
      if (position >= reservedUntil) {
        // Room for the next 256 characters' entries.
        reservedUntil = position + 256;
        groupData = groups.reserve(groupCount, 2 * 256 + 2);
        runData = runs.reserve(runCount, 3 * 256 + 3);
        tokenData = tokens.reserve(tokenCount, 2 * 256 + 2);
        digitData = digits.reserve(digitCount, 256 + 1);
        // The open group's slots are already written: keep them.
        groupDigitData = groupDigits.reserve((groupCount >> 1) + 1, 256 + 1);
        groupSeparatorData = groupSeparators.reserve((groupCount >> 1) + 1, 256 + 1);
      }
      const code = codes[position]!;
      const symbol = fold[code]!;
      if (symbol !== 0) {
        if (wordStart < 0) {
          wordStart = position;
          wordDigits = 0;
        }
        if (symbol >= 27 && symbol <= 36) {
          wordDigits++;
          if (groupStart < 0) {
            const joins =
              runFirstGroup >= 0 &&
              separatorLength > 0 &&
              separatorOthers <= 1 &&
              (separatorSpaces <= 1 ||
                (separatorLength === 3 && separatorOthers === 1 && separatorFirst === 32));
            if (joins) groupSeparator = separatorCode;
            else {
              if (runFirstGroup >= 0) {
                runData[runCount++] = runFirstGroup;
                runData[runCount++] = (groupCount >> 1) - runFirstGroup;
                runData[runCount++] = runLetterBefore;
              }
              runFirstGroup = groupCount >> 1;
              // Glued to a word character on the left ("AKIA3T4", "S24"); `+` before ("+1 919").
              runLetterBefore = position > wordStart ? 1 : position > 0 && codes[position - 1] === 43 ? 4 : 0;
              groupSeparator = -1;
            }
            groupStart = position;
            groupDigitData[groupCount >> 1] = digitCount;
            groupSeparatorData[groupCount >> 1] = groupSeparator;
          }
          digitData[digitCount++] = symbol - 27;
        } else if (runFirstGroup >= 0) {
          // A letter ends the digit run; right after a digit it is glued to it.
          let flags = runLetterBefore;
          if (groupStart >= 0) {
            groupData[groupCount++] = groupStart;
            groupData[groupCount++] = position;
            groupStart = -1;
            flags |= 2;
          }
          runData[runCount++] = runFirstGroup;
          runData[runCount++] = (groupCount >> 1) - runFirstGroup;
          runData[runCount++] = flags;
          runFirstGroup = -1;
        }
        continue;
      }
      // A boundary character.
      if (wordStart >= 0) {
        const size = position - wordStart;
        if (wordDigits > 0 && size - wordDigits > 0 && size >= 3 && size <= 256) {
          tokenData[tokenCount++] = wordStart;
          tokenData[tokenCount++] = position;
        }
        wordStart = -1;
      }
      if (runFirstGroup < 0 || position === length) break;
      if (groupStart >= 0) {
        groupData[groupCount++] = groupStart;
        groupData[groupCount++] = position;
        groupStart = -1;
        separatorLength = 0;
        separatorSpaces = 0;
        separatorOthers = 0;
        separatorFirst = code;
        separatorCode = 0;
      }
      if (separatorLength < 3 && kinds[code] === SEPARATOR) {
        separatorLength++;
        if (code === 32) separatorSpaces++;
        else {
          separatorOthers++;
          separatorCode = code;
        }
      } else {
        runData[runCount++] = runFirstGroup;
        runData[runCount++] = (groupCount >> 1) - runFirstGroup;
        runData[runCount++] = runLetterBefore;
        runFirstGroup = -1;
        break;
      }
    }
    if (position >= length) {
      // The text ended inside a run (in or after its last group).
      if (groupStart >= 0) {
        groupData[groupCount++] = groupStart;
        groupData[groupCount++] = length;
      }
      if (runFirstGroup >= 0) {
        runData[runCount++] = runFirstGroup;
        runData[runCount++] = (groupCount >> 1) - runFirstGroup;
        runData[runCount++] = runLetterBefore;
      }
      break;
    }
  }
  groups.length = groupCount;
  runs.length = runCount;
  tokens.length = tokenCount;
  digits.length = digitCount;
  groupDigits.length = groupCount >> 1;
  groupSeparators.length = groupCount >> 1;
}
