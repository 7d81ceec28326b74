import { luhnValid } from './luhn';

/** Payment card networks recognized by issuer prefix (IIN) and length. */
export type CardNetwork =
  | 'visa'
  | 'mastercard'
  | 'amex'
  | 'discover'
  | 'jcb'
  | 'diners'
  | 'unionpay'
  | 'maestro';

/** The card network for a digit string by IIN range and length, or undefined. */
export function cardNetwork(digits: string): CardNetwork | undefined {
  const length = digits.length;
  if (length < 12 || length > 19) return undefined;
  const two = Number(digits.slice(0, 2));
  const three = Number(digits.slice(0, 3));
  const four = Number(digits.slice(0, 4));
  const six = Number(digits.slice(0, 6));
  if (digits[0] === '4' && (length === 13 || length === 16 || length === 19)) return 'visa';
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

/** A payment card number: a known issuer prefix and length, and a valid Luhn check digit. */
export function isValidCardNumber(digits: string): boolean {
  return cardNetwork(digits) !== undefined && luhnValid(digits);
}
