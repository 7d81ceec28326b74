import { Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';
import type { Label, Reason } from '../types';
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
} from '../validators/digit-values';
import { isPlausibleDateParts } from '../validators/plausible-date';
import { type DigitWindow, forEachDigitWindow } from './digit-windows';

const TOLL_FREE = new Set([800, 833, 844, 855, 866, 877, 888]);
const SLASH = 47;

function contextReason(word: string): Reason {
  return { kind: 'context', words: [word] };
}

function shapeIs3(window: DigitWindow, a: number, b: number, c: number): boolean {
  const { shape } = window;
  return window.groups === 3 && shape[0] === a && shape[1] === b && shape[2] === c;
}

function sameSeparators(window: DigitWindow): boolean {
  const { separators } = window;
  for (let index = 1; index < window.groups - 1; index++)
    if (separators[index] !== separators[0]) return false;
  return true;
}

/** A numeric date shape (MM/DD/YYYY, YYYY-MM-DD, DD.MM.YYYY). */
function isDateWindow(window: DigitWindow): boolean {
  if (window.groups !== 3 || !sameSeparators(window)) return false;
  const separator = window.separators[0]!;
  if (separator !== SLASH && separator !== 45 && separator !== 46) return false;
  const { digits, shape, from } = window;
  const a = shape[0]!;
  const b = shape[1]!;
  const c = shape[2]!;
  return isPlausibleDateParts(
    numberAt(digits, from, a),
    a,
    numberAt(digits, from + a, b),
    b,
    numberAt(digits, from + a + b, c),
    c,
    separator === 46,
  );
}

/** UK national shapes: 3-4-4, 5-6, 4-3-4, 5-3-3, 4-7, 3-8. */
function isUkShape(window: DigitWindow): boolean {
  const { shape } = window;
  if (window.groups === 3) {
    return (
      (shape[0] === 3 && shape[1] === 4 && shape[2] === 4) ||
      (shape[0] === 4 && shape[1] === 3 && shape[2] === 4) ||
      (shape[0] === 5 && shape[1] === 3 && shape[2] === 3)
    );
  }
  if (window.groups === 2) {
    return (
      (shape[0] === 5 && shape[1] === 6) ||
      (shape[0] === 4 && shape[1] === 7) ||
      (shape[0] === 3 && shape[1] === 8)
    );
  }
  return false;
}

/** French national shape: 2-2-2-2-2. */
function isFrShape(window: DigitWindow): boolean {
  const { shape } = window;
  return (
    window.groups === 5 &&
    shape[0] === 2 &&
    shape[1] === 2 &&
    shape[2] === 2 &&
    shape[3] === 2 &&
    shape[4] === 2
  );
}

/**
 * Reads every digit window through the validators and context. A window may become several
 * candidates (a 9-digit run can be an SSN, an ITIN, a routing or an account number): each type is
 * scored by its own validator and context, none shadows another.
 */
export function recognizeDigits(analysis: Analysis): void {
  forEachDigitWindow(analysis, visitWindow);
  for (const window of analysis.spelledDigits) visitWindow(analysis, window);
}

function add(
  analysis: Analysis,
  window: DigitWindow,
  type: string,
  label: Label,
  score: number,
  reasons: Reason[],
): void {
  analysis.add({ type, label, start: window.start, end: window.end, score, reasons });
}

function visitWindow(analysis: Analysis, window: DigitWindow): void {
  if (window.glued) return;
  const { digits, from, start, length } = window;
  // Windows shorter than any identifier we check cost nothing more.
  if (length < 4) return;

  if (isDateWindow(window)) {
    analysis.dates.push({ start: window.start, end: window.end });
    return;
  }

  // Payment cards: issuer prefix + length + Luhn.
  if (length >= 12 && length <= 19) {
    const network = cardNetworkValues(digits, from, length);
    if (network && luhnValues(digits, from, length)) {
      const context =
        analysis.beforeAt(Category.CardContext, start, 40) ??
        analysis.after(Category.CardContext, window.end, 30);
      let score = window.whole ? 0.8 : 0.45;
      if (context) score = Math.max(score, 0.95);
      add(analysis, window, 'credit_card', 'npi', score * nonPersonalDamp(analysis, start), [
        { kind: 'pattern', name: `card:${network}` },
        { kind: 'validator', name: 'luhn' },
        ...(context ? [contextReason(context.entry.text)] : []),
      ]);
    }
  }

  // Nine digits: SSN, ITIN, ABA routing (and accounts, below).
  if (length === 9) {
    const formatted = shapeIs3(window, 3, 2, 4) && sameSeparators(window) && window.whole;
    const ssnContext = analysis.beforeAt(Category.SsnContext, start, 40);
    if (isValidSsnValues(digits, from, length) && (formatted || ssnContext)) {
      const score = ssnContext ? 0.95 : window.groups === 1 && window.shape[0] === 9 ? 0.3 : 0.7;
      add(analysis, window, 'us_ssn', 'npi', score * nonPersonalDamp(analysis, start), [
        { kind: 'validator', name: 'ssn-rules' },
        ...(formatted ? [{ kind: 'pattern', name: 'ddd-dd-dddd' } as Reason] : []),
        ...(ssnContext ? [contextReason(ssnContext.entry.text)] : []),
      ]);
    }
    if (isValidItinValues(digits, from, length) && (formatted || ssnContext)) {
      add(analysis, window, 'us_itin', 'npi', (ssnContext ? 0.95 : 0.7) * nonPersonalDamp(analysis, start), [
        { kind: 'validator', name: 'itin-ranges' },
        ...(ssnContext ? [contextReason(ssnContext.entry.text)] : []),
      ]);
    }
    if (isValidAbaRoutingValues(digits, from, length)) {
      const routing = analysis.beforeAt(Category.RoutingContext, start, 30);
      if (routing) {
        add(analysis, window, 'aba_routing', 'npi', 0.9, [
          { kind: 'validator', name: 'aba-checksum' },
          contextReason(routing.entry.text),
        ]);
      }
    }
  }

  // Bank and brokerage account numbers: context decides (nearest context word wins).
  if (length >= 6 && length <= 17 && (window.whole || window.groups === 1)) {
    const account = analysis.beforeAt(Category.AccountContext, start, 28);
    if (account) {
      const competing =
        analysis.beforeAt(Category.RoutingContext, start, 28) ??
        analysis.beforeAt(Category.SsnContext, start, 28) ??
        analysis.beforeAt(Category.HealthIdContext, start, 28) ??
        analysis.beforeAt(Category.PhoneContext, start, 12);
      if (!competing || competing.end <= account.end) {
        add(analysis, window, 'bank_account', 'npi', 0.85 * nonPersonalDamp(analysis, start), [
          contextReason(account.entry.text),
        ]);
      }
    }
  }

  // Phone numbers.
  if (length >= 10 && length <= 13) {
    recognizePhone(analysis, window, nonPersonalDamp(analysis, start));
  }

  // US NPI (a provider's public identifier) and UK NHS numbers.
  if (length === 10) {
    if (isValidUsNpiValues(digits, from, length)) {
      const provider = analysis.beforeAt(Category.ProviderContext, start, 30);
      if (provider) {
        add(analysis, window, 'us_npi', 'phi', 0.3, [
          { kind: 'validator', name: 'npi-luhn-80840' },
          contextReason(provider.entry.text),
        ]);
      }
    }
    if (isValidNhsValues(digits, from, length)) {
      const nhs = analysis.beforeAt(Category.HealthIdContext, start, 30);
      if (nhs && /nhs/i.test(nhs.entry.text)) {
        add(analysis, window, 'uk_nhs_number', 'phi', 0.9, [
          { kind: 'validator', name: 'nhs-mod11' },
          contextReason(nhs.entry.text),
        ]);
      }
    }
  }

  // Medical record numbers: context only.
  if (length >= 5 && length <= 12 && (window.whole || window.groups === 1)) {
    const mrn = analysis.beforeAt(Category.HealthIdContext, start, 24);
    if (mrn) add(analysis, window, 'medical_record_number', 'phi', 0.9, [contextReason(mrn.entry.text)]);
  }

  // Passports and driver's licences written as digits ("passport 250440659", "license 364 439 479").
  if (length >= 7 && length <= 12 && window.whole) {
    const passport = analysis.beforeAt(Category.PassportContext, start, 24);
    if (passport) add(analysis, window, 'passport_number', 'pii', 0.85, [contextReason(passport.entry.text)]);
    const license = analysis.beforeAt(Category.LicenseContext, start, 32);
    if (license) add(analysis, window, 'drivers_license', 'pii', 0.8, [contextReason(license.entry.text)]);
  }

  // Health plan group / member numbers written as digits.
  if (length >= 6 && length <= 14 && window.whole) {
    const plan = analysis.beforeAt(Category.HealthPlanContext, start, 20);
    if (plan) analysis.planIds.push({ start: window.start, end: window.end, context: plan.entry.text });
  }

  // Last four digits after "SSN ending", "card ending", "account ending".
  if (length === 4 && window.whole) {
    const ending = analysis.beforeAt(Category.SsnContext, start, 14);
    if (ending && /ending|last four/i.test(ending.entry.text)) {
      add(analysis, window, 'us_ssn_last4', 'npi', 0.75, [contextReason(ending.entry.text)]);
    }
    const pin = analysis.beforeAt(Category.PinContext, start, 24);
    if (pin) add(analysis, window, 'card_pin', 'npi', 0.8, [contextReason(pin.entry.text)]);
  }
}

/** Lower scores for numbers right after "order", "tracking", "invoice", "build"... */
function nonPersonalDamp(analysis: Analysis, start: number): number {
  return analysis.beforeAt(Category.NonPersonalNumber, start, 24) ? 0.3 : 1;
}

function recognizePhone(analysis: Analysis, window: DigitWindow, damp: number): void {
  const { digits, from, shape, length } = window;
  for (let index = 0; index < window.groups - 1; index++) if (window.separators[index] === SLASH) return;
  const context = analysis.beforeAt(Category.PhoneContext, window.start, 30);
  const reasons: Reason[] = context ? [{ kind: 'context', words: [context.entry.text] }] : [];
  let score = 0;
  let pattern = '';
  const formattedNanp =
    (window.groups === 3 && shape[0] === 3 && shape[1] === 3 && shape[2] === 4) ||
    (window.groups === 4 && shape[0] === 1 && shape[1] === 3 && shape[2] === 3 && shape[3] === 4);
  // A leading country code 1 is not part of the ten NANP digits.
  const nanpSkip = length === 11 && digits[from] === 1 ? 1 : 0;
  if (length - nanpSkip === 10 && isNanpValues(digits, from + nanpSkip)) {
    if (TOLL_FREE.has(numberAt(digits, from + nanpSkip, 3))) {
      // Toll-free numbers belong to businesses.
      return;
    }
    if (formattedNanp && window.whole) {
      score = 0.75;
      pattern = 'nanp';
    } else if (window.spelled || context) {
      score = context ? 0.7 : 0.5;
      pattern = 'nanp';
    }
  }
  if (score === 0 && digits[from] === 0 && window.whole) {
    // UK (020 7946 0464, 07700 900123) and French (03 53 01 48 25) national formats.
    if (length === 11 && isUkShape(window)) {
      score = 0.65;
      pattern = 'uk-national';
    } else if (length === 10 && isFrShape(window)) {
      score = 0.65;
      pattern = 'fr-national';
    } else if (context && length >= 10 && length <= 12) {
      score = 0.6;
      pattern = 'national';
    }
  }
  if (score === 0 && window.plus && length >= 10 && length <= 13 && window.whole) {
    score = 0.7;
    pattern = 'international';
  }
  if (score === 0) return;
  if (context) score = Math.min(0.95, score + 0.15);
  // Include "(" of "(919) 555-0159" and "+" of "+1 919 ..." so redaction removes the whole number.
  const opener = analysis.text.charCodeAt(window.start - 1);
  analysis.add({
    type: 'phone_number',
    label: 'pii',
    start: opener === 40 || opener === 43 ? window.start - 1 : window.start,
    end: window.end,
    score: score * damp,
    reasons: [{ kind: 'pattern', name: pattern }, ...reasons],
  });
}
