const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A calendar date that exists, with a year between 1900 and 2100. */
export function isPlausibleDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return day <= 29;
  return day <= DAYS_IN_MONTH[month - 1]!;
}

/** Expands a two-digit year (00-29 → 2000s, else 1900s). */
export function expandYear(year: number): number {
  if (year >= 100) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

/**
 * Parses numeric dates from digit groups: YYYY-MM-DD, MM/DD/YYYY, DD.MM.YYYY (day first when the
 * separator is a dot or the first part exceeds 12), and two-digit years. Returns true if any reading is a real date.
 */
export function isPlausibleNumericDate(parts: readonly string[], separator: string): boolean {
  if (parts.length !== 3) return false;
  const [a, b, c] = parts as [string, string, string];
  if (a.length === 4 && b.length <= 2 && c.length <= 2)
    return isPlausibleDate(Number(a), Number(b), Number(c));
  if (a.length <= 2 && b.length <= 2 && (c.length === 4 || c.length === 2)) {
    const year = expandYear(Number(c));
    const first = Number(a);
    const second = Number(b);
    if (separator === '.') return isPlausibleDate(year, second, first);
    return isPlausibleDate(year, first, second) || isPlausibleDate(year, second, first);
  }
  return false;
}

/**
 * `isPlausibleNumericDate` over parts already read as numbers, with their digit counts (the digit
 * recognizer checks windows in place). `dayFirst` is the `.` separator.
 */
export function isPlausibleDateParts(
  a: number,
  aDigits: number,
  b: number,
  bDigits: number,
  c: number,
  cDigits: number,
  dayFirst: boolean,
): boolean {
  if (aDigits === 4 && bDigits <= 2 && cDigits <= 2) return isPlausibleDate(a, b, c);
  if (aDigits <= 2 && bDigits <= 2 && (cDigits === 4 || cDigits === 2)) {
    const year = expandYear(c);
    if (dayFirst) return isPlausibleDate(year, b, a);
    return isPlausibleDate(year, a, b) || isPlausibleDate(year, b, a);
  }
  return false;
}
