import { describe, expect, it } from 'vitest';
import { isValidAbaRouting } from './aba-routing';
import { cardNetwork } from './card-issuer';
import {
  cardNetworkValues,
  isNanpValues,
  isValidAbaRoutingValues,
  isValidItinValues,
  isValidNhsValues,
  isValidSsnValues,
  isValidUsNpiValues,
  luhnValues,
  numberAt,
} from './digit-values';
import { luhnValid } from './luhn';
import { isPlausibleDateParts, isPlausibleNumericDate } from './plausible-date';
import { isValidNhsNumber } from './uk-nhs';
import { isValidUsNpi } from './us-npi';
import { isValidItin, isValidSsn } from './us-ssn';

function values(digits: string): Uint8Array {
  return Uint8Array.from(digits, (char) => char.charCodeAt(0) - 48);
}

/** Deterministic digit strings: random ones plus the prefixes and values the rules single out. */
function samples(): string[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const out = [
    '078051120',
    '219099999',
    '111111111',
    '000123456',
    '666123456',
    '900701234',
    '123004567',
    '123450000',
    '4111111111111111',
    '5555555555554444',
    '2223003122003222',
    '378282246310005',
    '6011111111111117',
    '3530111333300000',
    '30569309025904',
    '6200000000000005',
    '6759649826438453',
    '1234567893',
    '9434765919',
    '011000015',
    '2125550159',
    '2115550159',
  ];
  for (let index = 0; index < 5_000; index++) {
    const length = 1 + Math.floor(random() * 19);
    let digits = '';
    for (let k = 0; k < length; k++) digits += String(Math.floor(random() * 10));
    out.push(digits);
    // Fix the Luhn digit for half of them, so valid numbers are common too.
    if (length >= 2) {
      for (let check = 0; check <= 9; check++) {
        const candidate = digits.slice(0, -1) + String(check);
        if (luhnValid(candidate)) {
          out.push(candidate);
          break;
        }
      }
    }
  }
  return out;
}

describe('validators over digit values agree with the string validators', () => {
  const all = samples();

  it('numberAt reads the number in place', () => {
    expect(numberAt(values('0123456'), 1, 4)).toBe(1234);
  });

  it('Luhn, card networks, SSN, ITIN, ABA, NPI and NHS', () => {
    let valid = 0;
    for (const digits of all) {
      // The digits sit at an offset inside a larger buffer, as in the scan's digit list.
      const v = values(`73${digits}5`);
      const n = digits.length;
      expect(luhnValues(v, 2, n)).toBe(luhnValid(digits));
      expect(cardNetworkValues(v, 2, n)).toBe(cardNetwork(digits));
      expect(isValidSsnValues(v, 2, n)).toBe(isValidSsn(digits));
      expect(isValidItinValues(v, 2, n)).toBe(isValidItin(digits));
      expect(isValidAbaRoutingValues(v, 2, n)).toBe(isValidAbaRouting(digits));
      expect(isValidUsNpiValues(v, 2, n)).toBe(isValidUsNpi(digits));
      expect(isValidNhsValues(v, 2, n)).toBe(isValidNhsNumber(digits));
      if (n === 10) {
        expect(isNanpValues(v, 2)).toBe(/^[2-9]\d{2}[2-9]\d{6}$/.test(digits) && digits.slice(1, 3) !== '11');
      }
      if (cardNetwork(digits) && luhnValid(digits)) valid++;
    }
    // The samples exercise the accepting paths, not only rejections.
    expect(valid).toBeGreaterThan(100);
  });

  it('numeric dates', () => {
    const parts: Array<[string, string, string]> = [];
    for (let a = 0; a < 140; a += 3)
      for (const b of ['1', '02', '12', '13', '29', '31', '123'])
        for (const c of ['1960', '0012', '56', '2', '29', '2100', '2101', '1899'])
          parts.push([String(a).padStart(a % 2 === 0 ? 2 : 1, '0'), b, c]);
    parts.push(['1953', '05', '05'], ['2024', '02', '29'], ['2023', '02', '29'], ['1900', '2', '29']);
    for (const [a, b, c] of parts) {
      for (const separator of ['/', '-', '.']) {
        expect(
          isPlausibleDateParts(
            Number(a),
            a.length,
            Number(b),
            b.length,
            Number(c),
            c.length,
            separator === '.',
          ),
        ).toBe(isPlausibleNumericDate([a, b, c], separator));
      }
    }
  });
});
