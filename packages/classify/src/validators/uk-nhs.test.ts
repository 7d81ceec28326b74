import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from './uk-nhs';

describe('isValidNhsNumber', () => {
  it.each(['9434765919', '4010232137'])('accepts %s', (value) => {
    expect(isValidNhsNumber(value)).toBe(true);
  });
  it.each([
    ['9434765918', 'check digit'],
    ['1234567890', 'check digit would be 10'],
    ['943476591', 'length'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidNhsNumber(value)).toBe(false);
  });
});
