import type { Analysis } from '../engine/analysis';
import { IntList } from '../scan/int-list';

/**
 * A span of one or more consecutive digit groups, with its digits and shape, held in typed arrays:
 * validators read the digit values in place (`digits[from..from + length)`), no string per window.
 * The object passed to visitors is reused: copy what you keep.
 */
export interface DigitWindow {
  /** Digit values (0-9); the window's are `digits[from..from + length)`. */
  digits: Uint8Array;
  from: number;
  /** Number of digits. */
  length: number;
  start: number;
  end: number;
  /** Digits per group ("523-45-6789" → [3, 2, 4]): `shape[0..groups)`. */
  shape: Int32Array;
  groups: number;
  /**
   * The separator between group `k` and `k + 1` (`separators[0..groups - 1)`): its character with
   * spaces removed — separators joining groups hold at most one other character — or 0 for spaces only.
   */
  separators: Int32Array;
  /** The window is the whole run (nothing glued on either side). */
  whole: boolean;
  /** Glued to a letter on the left or right ("S24-72150", "AKIA3T4"). */
  glued: boolean;
  /** `+` right before the first digit. */
  plus: boolean;
  /** Spelled out in words ("six four six ..."). */
  spelled: boolean;
}

export const MAX_WINDOW_DIGITS = 19;
const MAX_WINDOW_GROUPS = 6;
/** Farther than any recognizer looks for context around a number. */
const CONTEXT_REACH = 48;
/** Run flags from the scan. */
const LETTER_BEFORE = 1;
const LETTER_AFTER = 2;
const PLUS_BEFORE = 4;

/** A window object with shape and separator buffers large enough for any window. */
export function createDigitWindow(digits: Uint8Array): DigitWindow {
  return {
    digits,
    from: 0,
    length: 0,
    start: 0,
    end: 0,
    shape: new Int32Array(MAX_WINDOW_GROUPS),
    groups: 0,
    separators: new Int32Array(MAX_WINDOW_GROUPS),
    whole: false,
    glued: false,
    plus: false,
    spelled: false,
  };
}

/** Entries of one run (a group, or spaced single digits merged): start, end, first digit, digit count, separator before. */
const ENTRY = 5;

// Visitors never classify (the pipeline is synchronous and not re-entered from here), so one entry
// buffer and one window object serve every call.
const shared = { entries: new IntList(64), window: createDigitWindow(new Uint8Array(0)) };

/**
 * Turns the scan's digit runs into candidate windows aligned to group boundaries. Single-digit
 * groups separated by single spaces ("6 5 6 3 ...") are merged first when a run has at least four,
 * so spaced-out numbers are read whole; every window holds at most 19 digits and 6 groups, so the
 * work is linear in the number of groups. Groups longer than 19 digits are skipped. Everything is
 * read from the scan's compact group data (digit values, separators), not from the text.
 */
export function forEachDigitWindow(
  analysis: Analysis,
  visit: (analysis: Analysis, window: DigitWindow) => void,
): void {
  const { groups, runs, digits, groupDigits, groupSeparators } = analysis.scan;
  const groupData = groups.data;
  const runData = runs.data;
  const digitOf = groupDigits.data;
  const separatorOf = groupSeparators.data;
  const entries = shared.entries;
  const window = shared.window;
  window.digits = digits.data;
  const shape = window.shape;
  const separators = window.separators;
  for (let r = 0; r < runs.length; r += 3) {
    const first = runData[r]!;
    const count = runData[r + 1]!;
    const flags = runData[r + 2]!;
    analysis.work++;
    // No identifier has fewer than four digits: most runs ("14", "3.5", "10:30") stop here.
    if (count === 1 && groupData[first * 2 + 1]! - groupData[first * 2]! < 4) continue;
    // Merge spaced single digits when the run has at least four of them.
    let singles = 0;
    let total = 0;
    for (let g = first; g < first + count && (singles < 4 || total < 4); g++) {
      const size = groupData[g * 2 + 1]! - groupData[g * 2]!;
      total += size;
      if (size === 1) singles++;
    }
    if (total < 4) continue;
    entries.length = 0;
    let lastSingle = false;
    for (let g = first; g < first + count; g++) {
      const start = groupData[g * 2]!;
      const end = groupData[g * 2 + 1]!;
      const single = end - start === 1;
      const at = entries.length - ENTRY;
      // A single digit one space after the previous single: "6 5 6 3".
      if (
        singles >= 4 &&
        single &&
        lastSingle &&
        start - entries.data[at + 1]! === 1 &&
        separatorOf[g] === 0
      ) {
        entries.data[at + 1] = end;
        entries.data[at + 3]!++;
        continue;
      }
      entries.push(start);
      entries.push(end);
      entries.push(digitOf[g]!);
      entries.push(end - start);
      entries.push(separatorOf[g]!);
      lastSingle = single;
    }
    const data = entries.data;
    const size = entries.length / ENTRY;
    const runStart = data[0]!;
    const runEnd = data[(size - 1) * ENTRY + 1]!;
    // Context words are letters, so they sit before or after a run: a window starting deep inside a
    // long run and ending far from its end has no context and is never the whole run, so no
    // recognizer could report it. Only windows near either end are visited: O(1) per long run.
    let headEnd = 0;
    while (headEnd < size && data[headEnd * ENTRY]! - runStart <= CONTEXT_REACH) headEnd++;
    let tailStart = size;
    while (tailStart > headEnd && runEnd - data[(tailStart - 1) * ENTRY + 1]! <= CONTEXT_REACH + 64)
      tailStart--;
    tailStart = Math.max(headEnd, tailStart - MAX_WINDOW_GROUPS);
    for (let i = 0; i < size; i++) {
      if (i === headEnd && tailStart > headEnd) i = tailStart;
      analysis.work++;
      let length = 0;
      window.groups = 0;
      window.from = data[i * ENTRY + 2]!;
      window.start = data[i * ENTRY]!;
      window.plus = i === 0 && (flags & PLUS_BEFORE) !== 0;
      for (let j = i; j < size && j - i < MAX_WINDOW_GROUPS; j++) {
        analysis.work++;
        const digitCount = data[j * ENTRY + 3]!;
        if (length + digitCount > MAX_WINDOW_DIGITS) break;
        if (j > i) separators[j - i - 1] = data[j * ENTRY + 4]!;
        length += digitCount;
        shape[window.groups++] = digitCount;
        const atRunStart = i === 0;
        const atRunEnd = j === size - 1;
        window.length = length;
        window.end = data[j * ENTRY + 1]!;
        window.whole = atRunStart && atRunEnd;
        window.glued =
          (atRunStart && (flags & LETTER_BEFORE) !== 0) || (atRunEnd && (flags & LETTER_AFTER) !== 0);
        visit(analysis, window);
      }
    }
  }
}
