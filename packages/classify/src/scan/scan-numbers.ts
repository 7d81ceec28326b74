import { FOLD } from '../automaton/fold-table';
import { BOUNDARY_KIND, SEPARATOR } from './boundary-kinds';
import type { IntList } from './int-list';
import type { ScanResult } from './scan-text';

/** Characters whose entries `reserve` makes room for at a time. */
const STRETCH = 256;

/**
 * Digit groups, runs and mixed tokens. From the start of each word holding a digit (found from
 * `digitPositions`, the positions of all digits in order), reads whole words and the boundaries
 * between them until a boundary — or a word starting with a letter — ends the digit run: words
 * without digits outside those stretches are never tokens and never part of a run. Each character
 * is read at most once here (and the letters before a word's first digit once more).
 * `test/helpers/reference-scan-numbers.ts` is the same pass one character at a time; tests check
 * that both agree.
 */
export function scanNumbers(
  codes: Uint16Array,
  length: number,
  digitPositions: IntList,
  result: ScanResult,
): void {
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
  const positions = digitPositions.data;
  let position = 0;
  let reservedUntil = -1;
  for (let w = 0; w < digitPositions.length; w++) {
    // Digits already read as part of an earlier run are skipped (a run ends between words, so a
    // digit not read yet is in a word not read yet).
    if (positions[w]! < position) continue;
    position = positions[w]!;
    while (position > 0 && fold[codes[position - 1]!] !== 0) position--;
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
        reservedUntil = position + STRETCH;
        groupData = groups.reserve(groupCount, 2 * STRETCH + 2);
        runData = runs.reserve(runCount, 3 * STRETCH + 3);
        tokenData = tokens.reserve(tokenCount, 2 * STRETCH + 2);
        digitData = digits.reserve(digitCount, STRETCH + 1);
        // The open group's slots are already written: keep them.
        groupDigitData = groupDigits.reserve((groupCount >> 1) + 1, STRETCH + 1);
        groupSeparatorData = groupSeparators.reserve((groupCount >> 1) + 1, STRETCH + 1);
      }
      const code = codes[position]!;
      const symbol = fold[code]!;
      if (symbol !== 0) {
        if (wordStart < 0) {
          wordStart = position;
          wordDigits = 0;
        }
        if (symbol >= 27 && symbol <= 36) {
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
          // This digit and the ones after it (ASCII digits are the only digit symbols).
          let next = position;
          let value = symbol - 27;
          do {
            digitData[digitCount++] = value;
            next++;
            value = codes[next]! - 48;
          } while (value >= 0 && value <= 9 && next < reservedUntil);
          wordDigits += next - position;
          position = next - 1;
          continue;
        }
        if (runFirstGroup >= 0) {
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
          // A word starting with a letter after the run: nothing here is left to join. If it holds
          // a digit it is in `digitWords` and is read from its start, as it would be here.
          if (position === wordStart) break;
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
