import { describe, expect, it } from 'vitest';
import { isValidItin, isValidSsn } from './us-ssn';

describe('isValidSsn', () => {
  it.each(['439537529', '458816949', '700558657', '123456789', '665123456'])('accepts %s', (value) => {
    expect(isValidSsn(value)).toBe(true);
  });
  it.each([
    ['000523373', 'area 000'],
    ['666929627', 'area 666'],
    ['905332367', 'area 9xx'],
    ['123004567', 'group 00'],
    ['123450000', 'serial 0000'],
    ['078051120', 'advertising number'],
    ['111111111', 'one digit repeated'],
    ['12345678', 'eight digits'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidSsn(value)).toBe(false);
  });
});

describe('isValidItin', () => {
  it.each(['913791657', '912701234', '900501234', '999991234', '995941234'])('accepts %s', (value) => {
    expect(isValidItin(value)).toBe(true);
  });
  it.each([
    ['905332367', 'group 33 is not an ITIN range'],
    ['912931234', 'group 93 is excluded'],
    ['912660000', 'group 66 is excluded'],
    ['812701234', 'area must be 9xx'],
  ])('rejects %s (%s)', (value) => {
    expect(isValidItin(value)).toBe(false);
  });
});
