import { Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';
import { createDigitWindow } from './digit-windows';

const VALUES: Record<string, string> = {
  zero: '0',
  oh: '0',
  cero: '0',
  null: '0',
  zéro: '0',
  one: '1',
  uno: '1',
  eins: '1',
  un: '1',
  two: '2',
  dos: '2',
  zwei: '2',
  deux: '2',
  three: '3',
  tres: '3',
  drei: '3',
  trois: '3',
  four: '4',
  cuatro: '4',
  vier: '4',
  quatre: '4',
  five: '5',
  cinco: '5',
  fünf: '5',
  cinq: '5',
  six: '6',
  seis: '6',
  sechs: '6',
  seven: '7',
  siete: '7',
  sieben: '7',
  sept: '7',
  eight: '8',
  ocho: '8',
  acht: '8',
  huit: '8',
  nine: '9',
  nueve: '9',
  neun: '9',
  neuf: '9',
};

/** Gaps allowed between spelled digits: spaces, commas, hyphens, dots. */
function isGap(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 44 && code !== 45 && code !== 46) return false;
  }
  return true;
}

/**
 * Turns runs of at least seven spelled-out digits ("six four six, five five five, zero one eight
 * six") into digit windows that the digit recognizers read like written numbers.
 */
export function recognizeSpelledDigits(analysis: Analysis): void {
  const hits = analysis.hits(Category.NumberWord);
  const { text } = analysis;
  let runStart = -1;
  let runEnd = -1;
  let digits = '';
  const flush = () => {
    if (digits.length >= 7 && digits.length <= 19) {
      const values = new Uint8Array(digits.length);
      for (let index = 0; index < digits.length; index++) values[index] = digits.charCodeAt(index) - 48;
      const window = createDigitWindow(values);
      window.length = digits.length;
      window.start = runStart;
      window.end = runEnd;
      window.shape[0] = digits.length;
      window.groups = 1;
      window.whole = true;
      window.spelled = true;
      analysis.spelledDigits.push(window);
    }
    digits = '';
    runStart = -1;
  };
  let lastStart = -1;
  for (const hit of hits) {
    analysis.work++;
    // The same word may be in several language lists.
    if (hit.start === lastStart) continue;
    lastStart = hit.start;
    const value = VALUES[text.slice(hit.start, hit.end).toLowerCase()];
    if (value === undefined) continue;
    if (runStart >= 0 && isGap(text, runEnd, hit.start)) {
      digits += value;
      runEnd = hit.end;
      continue;
    }
    flush();
    runStart = hit.start;
    runEnd = hit.end;
    digits = value;
  }
  flush();
}
