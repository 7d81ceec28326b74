import { CASE_CAPITALIZED } from '../automaton/keyword-automaton';

function isUpper(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

function isLower(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

/**
 * Whether a match fits its pattern's case rule (`CASE_CAPITALIZED` or `CASE_UPPER`): capitalized
 * ("Rose" or "ROSE", not "rose"), or upper case (no lower-case letter).
 */
export function caseFits(codes: Uint16Array, rule: number, start: number, end: number): boolean {
  if (!isUpper(codes[start]!)) return false;
  if (rule === CASE_CAPITALIZED) return true;
  for (let index = start + 1; index < end; index++) if (isLower(codes[index]!)) return false;
  return true;
}
