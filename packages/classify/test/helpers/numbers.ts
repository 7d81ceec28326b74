import { IBAN_LENGTHS } from '../../src/validators/iban';

/** Appends the Luhn check digit to a partial number. */
export function withLuhn(partial: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const candidate = `${partial}${digit}`;
    let sum = 0;
    let double = false;
    for (let index = candidate.length - 1; index >= 0; index--) {
      let value = Number(candidate[index]);
      if (double) {
        value *= 2;
        if (value > 9) value -= 9;
      }
      sum += value;
      double = !double;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** A Luhn-valid number whose check digit is then broken. */
export function breakLast(valid: string): string {
  const last = Number(valid[valid.length - 1]);
  return valid.slice(0, -1) + String((last + 1) % 10);
}

/** Completes an ABA routing number from its first eight digits. */
export function withAbaCheck(first8: string): string {
  for (let digit = 0; digit <= 9; digit++) {
    const d = `${first8}${digit}`.split('').map(Number);
    const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
    if (sum % 10 === 0) return `${first8}${digit}`;
  }
  throw new Error('unreachable');
}

/** Builds a valid IBAN for a country from a BBAN of the right length. */
export function iban(country: string, bban: string): string {
  const expected = IBAN_LENGTHS[country];
  if (expected === undefined || bban.length !== expected - 4)
    throw new Error(`bad BBAN length for ${country}`);
  const rearranged = `${bban}${country}00`;
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    remainder = code >= 65 ? (remainder * 100 + (code - 55)) % 97 : (remainder * 10 + (code - 48)) % 97;
  }
  const check = String(98 - remainder).padStart(2, '0');
  return `${country}${check}${bban}`;
}

/** Groups a string in blocks of four, as IBANs and cards are printed. */
export function spaced(value: string, size = 4): string {
  return value.match(new RegExp(`.{1,${size}}`, 'g'))!.join(' ');
}
