import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan } from './normalize-text';

describe('normalizeText', () => {
  it('returns ASCII text untouched, without a map', () => {
    const result = normalizeText('plain text 123');
    expect(result).toEqual({ text: 'plain text 123', map: null });
  });

  it('folds full-width digits and removes zero-width characters, mapping spans back', () => {
    const input = 'card ４１\u200b１１ end';
    const result = normalizeText(input);
    expect(result.text).toBe('card 4111 end');
    const start = result.text.indexOf('4111');
    const [originalStart, originalEnd] = toOriginalSpan(result, start, start + 4);
    expect(input.slice(originalStart, originalEnd)).toBe('４１\u200b１１');
  });

  it('turns exotic spaces into spaces and keeps accented letters', () => {
    expect(normalizeText('a\u00a0b\u2009c Kühnel').text).toBe('a b c Kühnel');
  });

  it('keeps offsets through emoji', () => {
    const input = '😀 ssn';
    const result = normalizeText(input);
    const start = result.text.indexOf('ssn');
    expect(input.slice(...toOriginalSpan(result, start, start + 3))).toBe('ssn');
  });
});
