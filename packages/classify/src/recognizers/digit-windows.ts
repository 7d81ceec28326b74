import type { Analysis } from '../engine/analysis';
import { IntList } from '../scan/int-list';

/**
 * A span of one or more consecutive digit groups, with its digits and shape. The object passed to
 * visitors is reused: copy what you keep.
 */
export interface DigitWindow {
  digits: string;
  start: number;
  end: number;
  /** Digits per group ("523-45-6789" → [3, 2, 4]). */
  shape: number[];
  /** The separator between groups with spaces removed ('' for a plain space). */
  separators: string[];
  /** The window is the whole run (nothing glued on either side). */
  whole: boolean;
  /** Glued to a letter on the left or right ("S24-72150", "AKIA3T4"). */
  glued: boolean;
  /** `+` right before the first digit. */
  plus: boolean;
  /** Spelled out in words ("six four six ..."). */
  spelled: boolean;
}

const MAX_WINDOW_DIGITS = 19;
const MAX_WINDOW_GROUPS = 6;
/** Farther than any recognizer looks for context around a number. */
const CONTEXT_REACH = 48;

function separatorText(text: string, from: number, to: number): string {
  let out = '';
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32) out += text[index]!;
  }
  return out;
}

/**
 * Turns the scan's digit runs into candidate windows aligned to group boundaries. Single-digit
 * groups separated by single spaces ("6 5 6 3 ...") are merged first when a run has at least four,
 * so spaced-out numbers are read whole; every window holds at most 19 digits and 6 groups, so the
 * work is linear in the number of groups. Groups longer than 19 digits are skipped.
 */
export function forEachDigitWindow(
  analysis: Analysis,
  visit: (analysis: Analysis, window: DigitWindow) => void,
): void {
  const { text } = analysis;
  const { groups, runs } = analysis.scan;
  const groupData = groups.data;
  const runData = runs.data;
  const merged = new IntList(16);
  const window: DigitWindow = {
    digits: '',
    start: 0,
    end: 0,
    shape: [],
    separators: [],
    whole: false,
    glued: false,
    plus: false,
    spelled: false,
  };
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
    let pairs: Int32Array = groupData;
    let base = first * 2;
    let size = count;
    if (singles >= 4) {
      merged.length = 0;
      let lastSingle = false;
      for (let g = first; g < first + count; g++) {
        const start = groupData[g * 2]!;
        const end = groupData[g * 2 + 1]!;
        const single = end - start === 1;
        if (
          single &&
          lastSingle &&
          start - merged.data[merged.length - 1]! === 1 &&
          text.charCodeAt(start - 1) === 32
        ) {
          merged.data[merged.length - 1] = end;
          continue;
        }
        merged.push(start);
        merged.push(end);
        lastSingle = single;
      }
      pairs = merged.data;
      base = 0;
      size = merged.length >> 1;
    }
    const runStart = pairs[base]!;
    const runEnd = pairs[base + size * 2 - 1]!;
    // Context words are letters, so they sit before or after a run: a window starting deep inside a
    // long run and ending far from its end has no context and is never the whole run, so no
    // recognizer could report it. Only windows near either end are visited: O(1) per long run.
    let headEnd = 0;
    while (headEnd < size && pairs[base + headEnd * 2]! - runStart <= CONTEXT_REACH) headEnd++;
    let tailStart = size;
    while (tailStart > headEnd && runEnd - pairs[base + (tailStart - 1) * 2 + 1]! <= CONTEXT_REACH + 64)
      tailStart--;
    tailStart = Math.max(headEnd, tailStart - MAX_WINDOW_GROUPS);
    for (let i = 0; i < size; i++) {
      if (i === headEnd && tailStart > headEnd) i = tailStart;
      analysis.work++;
      let digits = '';
      // Fresh arrays are cheaper than truncating (setting length is a runtime call in V8).
      window.shape = [];
      window.separators = [];
      for (let j = i; j < size && j - i < MAX_WINDOW_GROUPS; j++) {
        analysis.work++;
        const groupStart = pairs[base + j * 2]!;
        const groupEnd = pairs[base + j * 2 + 1]!;
        // Merged spaced digits have spaces inside: count digits, not characters.
        const spaced = groupEnd - groupStart > 1 && text.charCodeAt(groupStart + 1) === 32;
        const digitCount = spaced ? (groupEnd - groupStart + 1) >> 1 : groupEnd - groupStart;
        if (digits.length + digitCount > MAX_WINDOW_DIGITS) break;
        if (j > i) window.separators.push(separatorText(text, pairs[base + j * 2 - 1]!, groupStart));
        digits += spaced
          ? text.slice(groupStart, groupEnd).replace(/ /g, '')
          : text.slice(groupStart, groupEnd);
        window.shape.push(digitCount);
        const atRunStart = i === 0;
        const atRunEnd = j === size - 1;
        window.digits = digits;
        window.start = pairs[base + i * 2]!;
        window.end = groupEnd;
        window.whole = atRunStart && atRunEnd;
        window.glued = (atRunStart && (flags & 1) === 1) || (atRunEnd && (flags & 2) === 2);
        window.plus = text.charCodeAt(window.start - 1) === 43;
        visit(analysis, window);
      }
    }
  }
}
