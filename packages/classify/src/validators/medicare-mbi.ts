// MBI letters exclude S, L, O, I, B and Z.
const ALPHA = '[AC-HJKMNP-RT-Y]';
const ALNUM = '[AC-HJKMNP-RT-Y0-9]';
const MBI = new RegExp(`^[1-9]${ALPHA}${ALNUM}\\d${ALPHA}${ALNUM}\\d${ALPHA}${ALPHA}\\d\\d$`);

/**
 * Medicare Beneficiary Identifier: 11 characters with fixed character classes per position
 * (C A AN N A AN N A A N N). Dashes in the printed 4-3-4 form are ignored.
 */
export function isValidMbi(value: string): boolean {
  const compact = value.replace(/-/g, '').toUpperCase();
  return compact.length === 11 && MBI.test(compact);
}
