import { describe, expect, it } from 'vitest';
import { isValidVin } from './vin';

describe('isValidVin', () => {
  it.each(['1M8GDM9AXKP042788', '1G00EDG57PT575499'])('accepts %s', (value) => {
    expect(isValidVin(value)).toBe(true);
  });
  it.each([
    ['1M8GDM9A1KP042788', 'check digit'],
    ['1M8GDM9AXKP04278O', 'O is not allowed'],
    ['1M8GDM9AXKP04278', 'length'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidVin(value)).toBe(false);
  });
});
