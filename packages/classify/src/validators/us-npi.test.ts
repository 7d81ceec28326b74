import { describe, expect, it } from 'vitest';
import { isValidUsNpi } from './us-npi';

describe('isValidUsNpi', () => {
  it.each(['1234567893', '1909294690'])('accepts %s', (value) => {
    expect(isValidUsNpi(value)).toBe(true);
  });
  it.each([
    ['1234567890', 'check digit'],
    ['3234567893', 'must start with 1 or 2'],
    ['123456789', 'length'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidUsNpi(value)).toBe(false);
  });
});
