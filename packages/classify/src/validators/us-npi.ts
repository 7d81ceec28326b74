import { luhnValid } from './luhn';

/** US National Provider Identifier: 10 digits starting 1 or 2, Luhn-valid over the `80840` prefix. */
export function isValidUsNpi(digits: string): boolean {
  if (digits.length !== 10 || !/^[12]\d{9}$/.test(digits)) return false;
  return luhnValid(`80840${digits}`);
}
