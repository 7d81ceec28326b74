import { Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';
import type { Label, Reason } from '../types';
import { isValidAbaRouting } from '../validators/aba-routing';
import { cardNetwork } from '../validators/card-issuer';
import { luhnValid } from '../validators/luhn';
import { isPlausibleNumericDate } from '../validators/plausible-date';
import { isValidNhsNumber } from '../validators/uk-nhs';
import { isValidUsNpi } from '../validators/us-npi';
import { isValidItin, isValidSsn } from '../validators/us-ssn';
import { type DigitWindow, forEachDigitWindow } from './digit-windows';

const UK_SHAPES = new Set(['3-4-4', '5-6', '4-3-4', '5-3-3', '4-7', '3-8']);
const TOLL_FREE = new Set(['800', '833', '844', '855', '866', '877', '888']);

function contextReason(word: string): Reason {
  return { kind: 'context', words: [word] };
}

function shapeIs(window: DigitWindow, ...shape: number[]): boolean {
  if (window.shape.length !== shape.length) return false;
  for (let index = 0; index < shape.length; index++) if (window.shape[index] !== shape[index]) return false;
  return true;
}

function sameSeparators(window: DigitWindow): boolean {
  const first = window.separators[0];
  for (const separator of window.separators) if (separator !== first) return false;
  return true;
}

/** A numeric date shape (MM/DD/YYYY, YYYY-MM-DD, DD.MM.YYYY). */
function isDateWindow(window: DigitWindow): boolean {
  if (window.shape.length !== 3 || !sameSeparators(window)) return false;
  const separator = window.separators[0]!;
  if (separator !== '/' && separator !== '-' && separator !== '.') return false;
  const parts: string[] = [];
  let offset = 0;
  for (const size of window.shape) {
    parts.push(window.digits.slice(offset, offset + size));
    offset += size;
  }
  return isPlausibleNumericDate(parts, separator);
}

function isNanp(digits: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(digits) && digits.slice(1, 3) !== '11';
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
  const { digits, start } = window;
  const length = digits.length;
  // Windows shorter than any identifier we check cost nothing more.
  if (length < 4) return;

  if (isDateWindow(window)) {
    analysis.dates.push({ start: window.start, end: window.end });
    return;
  }

  // Payment cards: issuer prefix + length + Luhn.
  if (length >= 12 && length <= 19) {
    const network = cardNetwork(digits);
    if (network && luhnValid(digits)) {
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
    const formatted = shapeIs(window, 3, 2, 4) && sameSeparators(window) && window.whole;
    const ssnContext = analysis.beforeAt(Category.SsnContext, start, 40);
    if (isValidSsn(digits) && (formatted || ssnContext)) {
      const score = ssnContext ? 0.95 : shapeIs(window, 9) ? 0.3 : 0.7;
      add(analysis, window, 'us_ssn', 'npi', score * nonPersonalDamp(analysis, start), [
        { kind: 'validator', name: 'ssn-rules' },
        ...(formatted ? [{ kind: 'pattern', name: 'ddd-dd-dddd' } as Reason] : []),
        ...(ssnContext ? [contextReason(ssnContext.entry.text)] : []),
      ]);
    }
    if (isValidItin(digits) && (formatted || ssnContext)) {
      add(analysis, window, 'us_itin', 'npi', (ssnContext ? 0.95 : 0.7) * nonPersonalDamp(analysis, start), [
        { kind: 'validator', name: 'itin-ranges' },
        ...(ssnContext ? [contextReason(ssnContext.entry.text)] : []),
      ]);
    }
    if (isValidAbaRouting(digits)) {
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
  if (length >= 6 && length <= 17 && (window.whole || window.shape.length === 1)) {
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
    if (isValidUsNpi(digits)) {
      const provider = analysis.beforeAt(Category.ProviderContext, start, 30);
      if (provider) {
        add(analysis, window, 'us_npi', 'phi', 0.3, [
          { kind: 'validator', name: 'npi-luhn-80840' },
          contextReason(provider.entry.text),
        ]);
      }
    }
    if (isValidNhsNumber(digits)) {
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
  if (length >= 5 && length <= 12 && (window.whole || window.shape.length === 1)) {
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
  const { digits, shape } = window;
  for (const separator of window.separators) if (separator.includes('/')) return;
  const context = analysis.beforeAt(Category.PhoneContext, window.start, 30);
  const reasons: Reason[] = context ? [{ kind: 'context', words: [context.entry.text] }] : [];
  let score = 0;
  let pattern = '';
  const formattedNanp =
    (shape.length === 3 && shape[0] === 3 && shape[1] === 3 && shape[2] === 4) ||
    (shape.length === 4 && shape[0] === 1 && shape[1] === 3 && shape[2] === 3 && shape[3] === 4);
  const nanpDigits = digits.length === 11 && digits[0] === '1' ? digits.slice(1) : digits;
  if (nanpDigits.length === 10 && isNanp(nanpDigits)) {
    if (TOLL_FREE.has(nanpDigits.slice(0, 3))) {
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
  const shapeKey = shape.join('-');
  if (score === 0 && digits[0] === '0' && window.whole) {
    // UK (020 7946 0464, 07700 900123) and French (03 53 01 48 25) national formats.
    if (digits.length === 11 && UK_SHAPES.has(shapeKey)) {
      score = 0.65;
      pattern = 'uk-national';
    } else if (digits.length === 10 && shapeKey === '2-2-2-2-2') {
      score = 0.65;
      pattern = 'fr-national';
    } else if (context && digits.length >= 10 && digits.length <= 12) {
      score = 0.6;
      pattern = 'national';
    }
  }
  if (score === 0 && window.plus && digits.length >= 10 && digits.length <= 13 && window.whole) {
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
