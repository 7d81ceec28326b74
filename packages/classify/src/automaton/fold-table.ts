/**
 * Maps every UTF-16 code unit to a small symbol for the keyword automaton:
 * 0 = boundary (space, punctuation, anything not a word character), 1-26 = a-z (case and
 * Latin accents folded: `É` → `e`, `ß` → `s`), 27-36 = 0-9, 37 = `_`.
 */
export const BOUNDARY = 0;
export const SYMBOL_COUNT = 38;
export const UNDERSCORE = 37;

function buildFoldTable(): Uint8Array {
  const table = new Uint8Array(65536);
  for (let code = 65; code <= 90; code++) table[code] = code - 64;
  for (let code = 97; code <= 122; code++) table[code] = code - 96;
  for (let code = 48; code <= 57; code++) table[code] = code - 48 + 27;
  table[95] = UNDERSCORE;
  // Latin-1 Supplement and Latin Extended-A/B: fold to the base letter.
  for (let code = 0xc0; code <= 0x24f; code++) {
    if (code === 0xd7 || code === 0xf7) continue;
    const base = String.fromCharCode(code).normalize('NFD').charCodeAt(0) | 0x20;
    if (base >= 97 && base <= 122) table[code] = base - 96;
  }
  table[0xdf] = 19; // ß → s
  table[0xe6] = 1; // æ → a
  table[0xc6] = 1;
  table[0xf8] = 15; // ø → o
  table[0xd8] = 15;
  return table;
}

/** The shared fold table (64 KiB, built once). */
export const FOLD: Uint8Array = buildFoldTable();

/** True for symbols that are letters. */
export function isLetterSymbol(symbol: number): boolean {
  return symbol >= 1 && symbol <= 26;
}

/** True for symbols that are digits. */
export function isDigitSymbol(symbol: number): boolean {
  return symbol >= 27 && symbol <= 36;
}
