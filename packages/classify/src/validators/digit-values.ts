/**
 * The digit validators over digit values held in a byte array (`digits[from..from + length)`, each 0-9), so
 * the digit recognizer checks a window in place instead of building a string for it. Each function
 * applies exactly the rules of its string counterpart (`luhnValid`, `cardNetwork`, `isValidSsn`...);
 * `digit-values.test.ts` checks that they agree.
 */
import type { CardNetwork } from './card-issuer';

/** The number written by `count` digits from `from`. */
export function numberAt(digits: Uint8Array, from: number, count: number): number {
  let value = 0;
  for (let index = from; index < from + count; index++) value = value * 10 + digits[index]!;
  return value;
}

/** `luhnValid` over the values. */
export function luhnValues(digits: Uint8Array, from: number, length: number): boolean {
  let sum = 0;
  let double = false;
  for (let index = from + length - 1; index >= from; index--) {
    let value = digits[index]!;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return length > 0 && sum % 10 === 0;
}

/** `cardNetwork` over the values. */
export function cardNetworkValues(digits: Uint8Array, from: number, length: number): CardNetwork | undefined {
  if (length < 12 || length > 19) return undefined;
  const two = digits[from]! * 10 + digits[from + 1]!;
  const three = two * 10 + digits[from + 2]!;
  const four = three * 10 + digits[from + 3]!;
  const six = four * 100 + digits[from + 4]! * 10 + digits[from + 5]!;
  if (digits[from] === 4 && (length === 13 || length === 16 || length === 19)) return 'visa';
  if (((two >= 51 && two <= 55) || (six >= 222100 && six <= 272099)) && length === 16) return 'mastercard';
  if ((two === 34 || two === 37) && length === 15) return 'amex';
  if ((four === 6011 || two === 65 || (three >= 644 && three <= 649)) && length >= 16) return 'discover';
  if (four >= 3528 && four <= 3589 && length >= 16) return 'jcb';
  if (((three >= 300 && three <= 305) || two === 36 || two === 38 || two === 39) && length >= 14)
    return 'diners';
  if (two === 62 && length >= 16) return 'unionpay';
  if ((two === 50 || (two >= 56 && two <= 69)) && length >= 12) return 'maestro';
  return undefined;
}

/** `isValidSsn` over the values. */
export function isValidSsnValues(digits: Uint8Array, from: number, length: number): boolean {
  if (length !== 9) return false;
  const area = numberAt(digits, from, 3);
  const group = numberAt(digits, from + 3, 2);
  const serial = numberAt(digits, from + 5, 4);
  if (area === 0 || area === 666 || area >= 900) return false;
  if (group === 0 || serial === 0) return false;
  const whole = numberAt(digits, from, 9);
  if (whole === 78051120 || whole === 219099999) return false;
  let same = true;
  for (let index = 1; index < 9 && same; index++) same = digits[from + index] === digits[from];
  return !same;
}

/** `isValidItin` over the values. */
export function isValidItinValues(digits: Uint8Array, from: number, length: number): boolean {
  if (length !== 9 || digits[from] !== 9) return false;
  const group = numberAt(digits, from + 3, 2);
  if (numberAt(digits, from + 5, 4) === 0) return false;
  return (
    (group >= 50 && group <= 65) ||
    (group >= 70 && group <= 88) ||
    (group >= 90 && group <= 92) ||
    (group >= 94 && group <= 99)
  );
}

/** `isValidAbaRouting` over the values. */
export function isValidAbaRoutingValues(digits: Uint8Array, from: number, length: number): boolean {
  if (length !== 9) return false;
  const prefix = digits[from]! * 10 + digits[from + 1]!;
  const prefixOk =
    prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!prefixOk) return false;
  let sum = 0;
  for (let index = 0; index < 9; index += 3) {
    sum += 3 * digits[from + index]! + 7 * digits[from + index + 1]! + digits[from + index + 2]!;
  }
  return sum % 10 === 0 && sum !== 0;
}

/** The `80840` prefix of `isValidUsNpi`, last digit first. */
const NPI_PREFIX_REVERSED = [0, 4, 8, 0, 8];

/** `isValidUsNpi` over the values (Luhn over `80840` + the ten digits). */
export function isValidUsNpiValues(digits: Uint8Array, from: number, length: number): boolean {
  if (length !== 10 || (digits[from] !== 1 && digits[from] !== 2)) return false;
  let sum = 0;
  let double = false;
  for (let index = from + 9; index >= from; index--) {
    let value = digits[index]!;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  for (const digit of NPI_PREFIX_REVERSED) {
    let value = digit;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}

/** `isValidNhsNumber` over the values. */
export function isValidNhsValues(digits: Uint8Array, from: number, length: number): boolean {
  if (length !== 10) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += digits[from + index]! * (10 - index);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === digits[from + 9];
}

/** A NANP number (area and exchange codes 2-9, area not N11) in the ten digits from `from`. */
export function isNanpValues(digits: Uint8Array, from: number): boolean {
  return digits[from]! >= 2 && digits[from + 3]! >= 2 && !(digits[from + 1] === 1 && digits[from + 2] === 1);
}
