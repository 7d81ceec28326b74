import { FOLD } from '../../src/automaton/fold-table';
import { BOUNDARY_KIND, SEPARATOR } from '../../src/scan/boundary-kinds';
import type { IntList } from '../../src/scan/int-list';
import type { ScanResult } from '../../src/scan/scan-text';

/**
 * The reference for `src/scan/scan-numbers.ts`, as it was before its fast paths: one character
 * per step, every word read to its end, from the starts of the words holding a digit (here taken
 * from the digit positions). Tests check that both agree.
 */
export function referenceScanNumbers(
  codes: Uint16Array,
  length: number,
  digitPositions: IntList,
  result: ScanResult,
): void {
  const digitWords: number[] = [];
  for (let index = 0; index < digitPositions.length; index++) {
    let start = digitPositions.get(index);
    while (start > 0 && FOLD[codes[start - 1]!] !== 0) start--;
    if (digitWords[digitWords.length - 1] !== start) digitWords.push(start);
  }
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
  const starts = digitWords;
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
