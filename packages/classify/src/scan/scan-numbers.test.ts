import { describe, expect, it } from 'vitest';
import { referenceScanNumbers } from '../../test/helpers/reference-scan-numbers';
import { buildKeywordAutomaton } from '../automaton/keyword-automaton';
import { createScanScratch, type ScanResult, scanText } from './scan-text';

const automaton = buildKeywordAutomaton([{ text: 'unused' }]);

const PIECES = [
  '4485 2755 7351 2104',
  '523-45-6789',
  '5 2 3 - 4 5 - 6 7 8 9',
  '(919) 555-0159',
  '+1 919',
  'e281a1b0-2a27-4a27-ba21-78ccb241f1f2',
  '45d0d361d41730da97b623f30c0d8a2e',
  'AKIA3T42NR3TI3FTI7JZ',
  'S24-72150',
  'MRN 00482913,',
  '$18 per seat',
  '12   34',
  '1 ab2 3',
  'ab 12 cd3 4',
  '12 abc',
  '7'.repeat(300),
  '4 '.repeat(200),
  '12‒34–56',
  '03/14/1961',
  'v2.3.1-rc4',
  'x_1 _2',
  'été 12',
  '---',
  'word',
  '\n',
];

function texts(): string[] {
  let seed = 11;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const out = ['', '1', '12', 'a1', '1a', ' 1 ', '7'.repeat(5_000), `${'1 '.repeat(3_000)}x`];
  const separators = [' ', '', '-', '. ', '  ', ' - ', ', ', '/'];
  for (let index = 0; index < 400; index++) {
    const target = index % 20 === 0 ? 3_000 : Math.floor(random() * 200);
    let text = '';
    while (text.length < target)
      text += `${PIECES[Math.floor(random() * PIECES.length)]}${separators[Math.floor(random() * separators.length)]}`;
    out.push(text);
  }
  return out;
}

function numbers(result: ScanResult): Record<string, number[]> {
  const lists = ['groups', 'runs', 'tokens', 'digits', 'groupDigits', 'groupSeparators'] as const;
  return Object.fromEntries(
    lists.map((name) => [name, Array.from(result[name].data.subarray(0, result[name].length))]),
  );
}

describe('scanNumbers', () => {
  it('agrees with the one-character-at-a-time reference on digit-dense texts', () => {
    const scratch = createScanScratch(automaton);
    const reference = createScanScratch(automaton);
    let groups = 0;
    for (const text of texts()) {
      const fast = numbers(scanText(text, automaton, scratch));
      const result = scanText(text, automaton, reference);
      referenceScanNumbers(result.codes, text.length, reference.digitPositions, result);
      const expected = numbers(result);
      groups += expected.groups!.length;
      expect(fast, text).toEqual(expected);
    }
    expect(groups).toBeGreaterThan(10_000);
  });
});
