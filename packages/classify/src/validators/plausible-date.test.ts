import { describe, expect, it } from 'vitest';
import { isPlausibleDate, isPlausibleNumericDate } from './plausible-date';

describe('dates', () => {
  it('accepts real calendar dates', () => {
    expect(isPlausibleDate(2024, 2, 29)).toBe(true);
    expect(isPlausibleNumericDate(['08', '17', '2002'], '/')).toBe(true);
    expect(isPlausibleNumericDate(['1953', '05', '05'], '-')).toBe(true);
    expect(isPlausibleNumericDate(['28', '10', '1992'], '.')).toBe(true);
    expect(isPlausibleNumericDate(['12', '05', '56'], '/')).toBe(true);
  });
  it('rejects impossible dates and other shapes', () => {
    expect(isPlausibleDate(2023, 2, 29)).toBe(false);
    expect(isPlausibleDate(1850, 1, 1)).toBe(false);
    expect(isPlausibleNumericDate(['13', '13', '2002'], '/')).toBe(false);
    expect(isPlausibleNumericDate(['10', '28', '1992'], '.')).toBe(false);
    expect(isPlausibleNumericDate(['6', '5', '30'], '.')).toBe(true);
    expect(isPlausibleNumericDate(['120', '5', '30'], '/')).toBe(false);
  });
});
