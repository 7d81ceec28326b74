import { describe, expect, it } from 'vitest';
import { createScanScratch, scanText } from '../scan/scan-text';
import { buildKeywordAutomaton, foldPhrase } from './keyword-automaton';

function find(patterns: Parameters<typeof buildKeywordAutomaton>[0], text: string): Array<[number, string]> {
  const automaton = buildKeywordAutomaton(patterns);
  const { hits } = scanText(text, automaton, createScanScratch(automaton));
  const out: Array<[number, string]> = [];
  for (let index = 0; index < hits.length; index += 3)
    out.push([hits.get(index), text.slice(hits.get(index + 1), hits.get(index + 2))]);
  return out;
}

describe('keyword automaton', () => {
  it('matches whole words, case- and accent-insensitively', () => {
    expect(
      find([{ text: 'patient' }, { text: 'médica' }], 'The PATIENT got a baja medica; impatient patients'),
    ).toEqual([
      [0, 'PATIENT'],
      [1, 'medica'],
    ]);
  });

  it('ignores punctuation between words of a phrase', () => {
    expect(
      find(
        [{ text: 'privileged and confidential' }, { text: 'attorney client' }],
        'PRIVILEGED -- and,  CONFIDENTIAL / attorney–client',
      ),
    ).toEqual([
      [0, 'PRIVILEGED -- and,  CONFIDENTIAL'],
      [1, 'attorney–client'],
    ]);
  });

  it('supports stems and word endings', () => {
    expect(
      find(
        [
          { text: 'diagnos', rightBoundary: false },
          { text: 'ectomy', leftBoundary: false },
        ],
        'diagnosed after a cholecystectomy',
      ),
    ).toEqual([
      [0, 'diagnos'],
      [1, 'ectomy'],
    ]);
  });

  it('reports overlapping patterns', () => {
    expect(
      find([{ text: 'strep' }, { text: 'strep throat' }], 'strep throat')
        .map(([id]) => id)
        .sort(),
    ).toEqual([0, 1]);
  });

  it('matches at the very start and end of the text', () => {
    expect(find([{ text: 'ssn' }], 'ssn')).toEqual([[0, 'ssn']]);
  });

  it('folds phrases the way the scanner reads text', () => {
    expect(foldPhrase('  A-b  ')).toEqual([1, 0, 2]);
  });
});
