import { Category } from '../dictionaries/categories';
import type { Analysis } from '../engine/analysis';

function isUpperCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde);
}

function isWordCode(code: number): boolean {
  return (
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code <= 0x24f) ||
    code === 39 ||
    code === 45 ||
    code === 46 ||
    code === 0x2019
  );
}

/**
 * Walks back from a street-type word over one to four street-name words (capitalized, a direction
 * like "W", or an ordinal like "5th") to a house number. Returns the number's start or -1. Bounded:
 * at most ~130 characters are read.
 */
export function houseNumberBefore(text: string, suffixStart: number): number {
  let position = suffixStart;
  let words = 0;
  for (let step = 0; step < 6; step++) {
    // One or two spaces.
    let spaces = 0;
    while (spaces < 2 && position > 0 && text.charCodeAt(position - 1) === 32) {
      position--;
      spaces++;
    }
    if (spaces === 0) return -1;
    let wordStart = position;
    while (wordStart > 0 && position - wordStart < 25 && isWordCode(text.charCodeAt(wordStart - 1)))
      wordStart--;
    if (wordStart === position) return -1;
    const first = text.charCodeAt(wordStart);
    const before = wordStart > 0 ? text.charCodeAt(wordStart - 1) : 32;
    const boundaryBefore =
      before === 32 || before === 10 || before === 44 || before === 40 || before === 9 || wordStart === 0;
    // A house number: digits with an optional letter ("116", "12B").
    let digitsEnd = wordStart;
    while (digitsEnd < position && text.charCodeAt(digitsEnd) >= 48 && text.charCodeAt(digitsEnd) <= 57)
      digitsEnd++;
    const digitCount = digitsEnd - wordStart;
    const isNumber =
      digitCount >= 1 &&
      digitCount <= 6 &&
      position - digitsEnd <= 1 &&
      (position === digitsEnd ||
        isUpperCode(text.charCodeAt(digitsEnd)) ||
        (text.charCodeAt(digitsEnd) >= 97 && text.charCodeAt(digitsEnd) <= 122));
    const ordinal = digitCount >= 1 && /^(?:st|nd|rd|th)$/.test(text.slice(digitsEnd, position));
    if (isNumber && !ordinal && words >= 1 && boundaryBefore) return wordStart;
    if (!(isUpperCode(first) || ordinal) || words >= 4) return -1;
    words++;
    position = wordStart;
  }
  return -1;
}

/** ", City, ST 12345" or ", City ST 12345" or UK ", London SE15 4QT". */
const CITY_STATE_ZIP =
  /,?\s{0,2}(?:(?:Apt|Suite|Unit|#)\.?\s{0,2}[\w-]{1,6},?\s{0,2})?[A-Z][A-Za-zÀ-ÿ.'-]{1,24}(?:\s[A-Z][A-Za-zÀ-ÿ.'-]{1,24}){0,2},?\s{1,2}(?:[A-Z]{2}\s{1,2}\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})/y;
/** European forms: "Calle de Toledo 116", "7 allée des Tilleuls", "Musterstraße 12", then "48001 Bilbao". */
const PREFIX_STREET =
  /\s{1,2}(?:(?:de|del|de la|des|du|de l'|la|le|les|di|della)\s{1,2})?[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]{1,30}(?:\s{1,2}[A-ZÀ-Ý][A-Za-zÀ-ÿ'’-]{1,30}){0,2}(?:,?\s{1,2}(\d{1,5}[A-Za-z]?))?/y;
const POSTCODE_CITY = /[\s,º°ªA-Za-z0-9]{0,16}?\b\d{4,5}\s{1,2}[A-ZÀ-Ý][a-zà-ÿ]{2,30}/y;

/**
 * Street addresses: a house number, street name and street-type word (US/UK), or a street-type
 * word first (Calle, rue, allée) with a number; scored higher with a city/state/ZIP or postcode.
 */
export function recognizeAddresses(analysis: Analysis): void {
  const { text } = analysis;
  let lastEnd = -1;
  for (const hit of analysis.hits(Category.StreetSuffix)) {
    analysis.work++;
    if (hit.start < lastEnd) continue;
    // Cheap pre-check: a house number must lie within 80 characters before the street-type word.
    if (!analysis.digitGroupBefore(hit.start, 80)) continue;
    const numberStart = houseNumberBefore(text, hit.start);
    if (numberStart < 0) continue;
    // "12 Park View Way": a later street word of the same address extends nothing new.
    if (numberStart < lastEnd) continue;
    let end = hit.end;
    if (text[end] === '.') end++;
    CITY_STATE_ZIP.lastIndex = end;
    const city = CITY_STATE_ZIP.exec(text);
    if (city) end += city[0].length;
    const context = analysis.before(Category.AddressContext, numberStart, 40);
    let score = city ? 0.85 : 0.55;
    if (context) score = Math.min(0.95, score + 0.1);
    lastEnd = end;
    analysis.add({
      type: 'street_address',
      label: 'pii',
      start: numberStart,
      end,
      score,
      reasons: [
        { kind: 'pattern', name: city ? 'street-city-zip' : 'street' },
        ...(context ? [{ kind: 'context' as const, words: [context.entry.text] }] : []),
      ],
    });
  }

  for (const hit of analysis.hits(Category.StreetPrefix)) {
    analysis.work++;
    if (hit.start < lastEnd) continue;
    PREFIX_STREET.lastIndex = hit.end;
    const match = PREFIX_STREET.exec(text);
    if (!match) continue;
    const numberBefore = /(\d{1,5})[\s,]{1,2}$/.exec(text.slice(Math.max(0, hit.start - 8), hit.start));
    if (!match[1] && !numberBefore) continue;
    let end = hit.end + match[0].length;
    POSTCODE_CITY.lastIndex = end;
    const city = POSTCODE_CITY.exec(text);
    if (city) end += city[0].length;
    const start = numberBefore ? hit.start - numberBefore[0].length : hit.start;
    lastEnd = end;
    analysis.add({
      type: 'street_address',
      label: 'pii',
      start,
      end,
      score: city ? 0.85 : 0.6,
      reasons: [{ kind: 'pattern', name: city ? 'street-postcode-city' : 'street' }],
    });
  }

  // "City, ST 12345" without a street line.
  for (const hit of analysis.hits(Category.UsState)) {
    analysis.work++;
    if (hit.start < lastEnd) continue;
    const zip = /\s{1,2}\d{5}(?:-\d{4})?\b/y;
    zip.lastIndex = hit.end;
    const match = zip.exec(text);
    if (!match) continue;
    const cityMatch = /[A-Z][A-Za-z.'-]{2,24}(?:\s[A-Z][A-Za-z.'-]{2,24}){0,2},\s{1,2}$/.exec(
      text.slice(Math.max(0, hit.start - 60), hit.start),
    );
    if (!cityMatch) continue;
    analysis.add({
      type: 'postal_address',
      label: 'pii',
      start: hit.start - cityMatch[0].length,
      end: hit.end + match[0].length,
      score: 0.55,
      reasons: [{ kind: 'pattern', name: 'city-state-zip' }],
    });
  }
}
