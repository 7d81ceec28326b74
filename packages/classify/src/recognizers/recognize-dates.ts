import { Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';

/** After a month name: optional day (with ordinal), optional year ("August 30, 1982", "March 14"). */
const AFTER_MONTH = /\.?\s{0,2}(?:(\d{1,2})(?:st|nd|rd|th)?\b)?,?\s{0,2}(?:de\s)?(\d{4})?/y;
/** Before a month name: a day ("28 October 1992", "3 de febrero"). */
const DAY_BEFORE = /(\d{1,2})\.?\s{1,2}(?:de\s)?$/;

/**
 * Month-name dates become date marks; any date (numeric or named, or a spelled-out month) within a
 * short distance after a birth-date word ("DOB", "born", "geb.", "nacida el") is a date of birth.
 */
export function recognizeDates(analysis: Analysis): void {
  const { text } = analysis;
  for (const hit of analysis.hits(Category.Month)) {
    analysis.work++;
    AFTER_MONTH.lastIndex = hit.end;
    const match = AFTER_MONTH.exec(text);
    const day = match?.[1];
    const year = match?.[2];
    const before = DAY_BEFORE.exec(text.slice(Math.max(0, hit.start - 8), hit.start));
    if (!day && !year && !before) continue;
    if (day && Number(day) > 31) continue;
    const start = before ? hit.start - before[0].length : hit.start;
    // Bounded input: AFTER_MONTH matches at most ~20 characters.
    const end = match ? hit.end + match[0].replace(/[\s,]+$/, '').length : hit.end;
    analysis.dates.push({ start, end });
  }
  analysis.dates.sort((a, b) => a.start - b.start);

  for (const hit of analysis.hits(Category.DobContext)) {
    analysis.work++;
    const word = hit.entry.lower;
    if (word === 'age' || word === 'aged' || word === 'years old' || word === 'year-old') continue;
    const date = firstMarkAfter(analysis.dates, hit.end, 28);
    const month = date ? undefined : analysis.after(Category.Month, hit.end, 16);
    if (!date && !month) continue;
    const start = date ? date.start : month!.start;
    const end = date ? date.end : month!.end;
    analysis.add({
      type: 'date_of_birth',
      label: 'pii',
      start,
      end,
      score: date ? 0.85 : 0.7,
      reasons: [
        { kind: 'context', words: [hit.entry.text] },
        { kind: 'validator', name: 'plausible-date' },
      ],
    });
  }
}

function firstMarkAfter(
  marks: ReadonlyArray<{ start: number; end: number }>,
  position: number,
  maxDistance: number,
): { start: number; end: number } | undefined {
  let low = 0;
  let high = marks.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (marks[middle]!.start < position) low = middle + 1;
    else high = middle;
  }
  const mark = marks[low];
  return mark && mark.start - position <= maxDistance ? mark : undefined;
}
