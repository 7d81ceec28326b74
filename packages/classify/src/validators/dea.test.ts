import { describe, expect, it } from 'vitest';
import { isValidDea } from './dea';

describe('isValidDea', () => {
  it.each(['AB1234563', 'GA0052112', 'fa0052112'])('accepts %s', (value) => {
    expect(isValidDea(value)).toBe(true);
  });
  it.each([
    ['AB1234564', 'check digit'],
    ['BM6125134', 'check digit'],
    ['ZZ1234563', 'Z is no registrant type'],
    ['A11234563', 'second character must be a letter or 9'],
    ['AB123456', 'length'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidDea(value)).toBe(false);
  });
});
