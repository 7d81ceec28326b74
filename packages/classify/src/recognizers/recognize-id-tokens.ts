import { Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';
import { isValidDea } from '../validators/dea';
import { IBAN_LENGTHS, isValidIban } from '../validators/iban';
import { isValidMbi } from '../validators/medicare-mbi';
import { isValidVin } from '../validators/vin';

const ICD10 = /^[A-TV-Z]\d{2}$/;

function isUpperLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

/**
 * An ID shape, checked in place: up to four capital letters, 5-14 digits, an optional capital
 * letter (`/^[A-Z]{0,4}\d{5,14}[A-Z]?$/`, which also means the token has no lower case).
 */
function isIdLike(codes: Uint16Array, start: number, end: number): boolean {
  let index = start;
  while (index < end && isUpperLetter(codes[index]!)) index++;
  if (index - start > 4) return false;
  const digitsStart = index;
  while (index < end && isDigitCode(codes[index]!)) index++;
  const digits = index - digitsStart;
  if (digits < 5 || digits > 14) return false;
  if (index < end && isUpperLetter(codes[index]!)) index++;
  return index === end;
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

/** Reads an IBAN from `start`: uppercase letters and digits, single spaces allowed, exactly the country's length. */
function readIban(text: string, start: number): number {
  const expected = IBAN_LENGTHS[text.slice(start, start + 2)];
  if (expected === undefined) return -1;
  let count = 0;
  let index = start;
  while (index < text.length && count < expected) {
    const code = text.charCodeAt(index);
    if (isAlnum(code)) {
      count++;
      index++;
    } else if (code === 32 && count > 0 && isAlnum(text.charCodeAt(index + 1))) {
      index++;
    } else {
      break;
    }
  }
  if (count !== expected) return -1;
  if (index < text.length && isAlnum(text.charCodeAt(index)) && text.charCodeAt(index - 1) !== 32) return -1;
  return index;
}

/**
 * Mixed letter-digit tokens: IBANs (mod-97 + country length), Medicare MBIs, VINs (check digit),
 * DEA numbers (checksum), ICD-10 codes, and IDs after a context word (member, passport, licence,
 * MRN).
 */
export function recognizeIdTokens(analysis: Analysis): void {
  const { text } = analysis;
  const { tokens, codes } = analysis.scan;
  for (let k = 0; k < tokens.length; k += 2) {
    analysis.work++;
    const start = tokens.get(k);
    const end = tokens.get(k + 1);
    const length = end - start;
    const first = codes[start]!;
    const second = codes[start + 1]!;

    // IBAN: two capital letters, two check digits.
    if (
      first >= 65 &&
      first <= 90 &&
      second >= 65 &&
      second <= 90 &&
      length >= 4 &&
      isDigitCode(codes[start + 2]!) &&
      isDigitCode(codes[start + 3]!)
    ) {
      const ibanEnd = readIban(text, start);
      if (ibanEnd > 0 && isValidIban(text.slice(start, ibanEnd))) {
        const context = analysis.before(Category.IbanContext, start, 30);
        analysis.add({
          type: 'iban',
          label: 'npi',
          start,
          end: ibanEnd,
          score: context ? 0.97 : 0.9,
          reasons: [
            { kind: 'validator', name: 'iban-mod97' },
            ...(context ? [{ kind: 'context' as const, words: [context.entry.text] }] : []),
          ],
        });
        continue;
      }
    }

    // Only the lengths of the checked formats need the token as a string.
    const token =
      length === 11 || length === 17 || length === 9 || length === 3 ? text.slice(start, end) : '';
    if (length === 11 && isValidMbi(token)) {
      const context = analysis.before(Category.MedicareContext, start, 30);
      analysis.add({
        type: 'medicare_mbi',
        label: 'phi',
        start,
        end,
        score: context ? 0.95 : 0.6,
        reasons: [
          { kind: 'validator', name: 'mbi-format' },
          ...(context ? [{ kind: 'context' as const, words: [context.entry.text] }] : []),
        ],
      });
      continue;
    }
    if (length === 17 && isValidVin(token)) {
      const context = analysis.before(Category.VinContext, start, 20);
      analysis.add({
        type: 'vehicle_vin',
        label: 'pii',
        start,
        end,
        score: context ? 0.6 : 0.4,
        reasons: [{ kind: 'validator', name: 'vin-check-digit' }],
      });
      continue;
    }
    if (length === 9 && isValidDea(token)) {
      const context = analysis.before(Category.ProviderContext, start, 20);
      if (context) {
        analysis.add({
          type: 'dea_number',
          label: 'phi',
          start,
          end,
          score: 0.3,
          reasons: [
            { kind: 'validator', name: 'dea-checksum' },
            { kind: 'context', words: [context.entry.text] },
          ],
        });
      }
      continue;
    }
    if (length === 3 && ICD10.test(token) && !(text[end] === '-' && isDigitCode(text.charCodeAt(end + 1)))) {
      analysis.icdCodes.push({ start, end });
      continue;
    }
    // IDs after a context word.
    if (isIdLike(codes, start, end)) {
      const mrn = analysis.before(Category.HealthIdContext, start, 24);
      if (mrn) {
        analysis.add({
          type: 'medical_record_number',
          label: 'phi',
          start,
          end,
          score: 0.85,
          reasons: [{ kind: 'context', words: [mrn.entry.text] }],
        });
        continue;
      }
      const passport = analysis.before(Category.PassportContext, start, 24);
      if (passport) {
        analysis.add({
          type: 'passport_number',
          label: 'pii',
          start,
          end,
          score: 0.85,
          reasons: [{ kind: 'context', words: [passport.entry.text] }],
        });
        continue;
      }
      const license = analysis.before(Category.LicenseContext, start, 32);
      if (license) {
        analysis.add({
          type: 'drivers_license',
          label: 'pii',
          start,
          end,
          score: 0.8,
          reasons: [{ kind: 'context', words: [license.entry.text] }],
        });
        continue;
      }
      const plan =
        analysis.before(Category.HealthPlanContext, start, 24) ??
        analysis.before(Category.MedicareContext, start, 24);
      if (plan) analysis.planIds.push({ start, end, context: plan.entry.text });
    }
  }
  // Dashed licence numbers ("B036-0828-8700"): a letter-digit token right before a digit run.
  for (const hit of analysis.hits(Category.LicenseContext)) {
    analysis.work++;
    const match =
      /[\s:#.,-]{0,4}(?:no\.?|number|#)?[\s:#]{0,3}([A-Z]\d{3}-\d{4}-\d{4}|[A-Z]\d{2,4}-\d{3,4}-\d{2,5}|\d{3} \d{3} \d{3})/y;
    match.lastIndex = hit.end;
    const found = match.exec(text);
    if (found) {
      const value = found[1]!;
      const start = hit.end + found[0].length - value.length;
      analysis.add({
        type: 'drivers_license',
        label: 'pii',
        start,
        end: start + value.length,
        score: 0.8,
        reasons: [{ kind: 'context', words: [hit.entry.text] }],
      });
    }
  }
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
