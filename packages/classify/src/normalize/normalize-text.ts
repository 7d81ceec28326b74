import { Buffer } from 'node:buffer';
import { IntList } from '../scan/int-list';

/** Text prepared for scanning, with a way back to offsets in the original. */
export interface NormalizedText {
  /** NFKC-folded text without zero-width characters or combining marks. */
  readonly text: string;
  /** `map[i]` is the original offset of normalized character `i`; `map[text.length]` is the original length. Null when identical. */
  readonly map: Int32Array | null;
}

/** The first character outside ASCII (the slow path starts there). */
const NON_ASCII = /[^\0-\x7f]/;
const cache = new Map<number, string>();

function isRemoved(code: number): boolean {
  return (
    (code >= 0x200b && code <= 0x200f) || // zero-width space/joiners, LRM/RLM
    code === 0x2060 || // word joiner
    code === 0xfeff || // BOM / zero-width no-break space
    code === 0x00ad || // soft hyphen
    code === 0x180e ||
    (code >= 0x0300 && code <= 0x036f) // combining diacritics (accents fold away anyway)
  );
}

function foldChar(code: number): string {
  let folded = cache.get(code);
  if (folded === undefined) {
    const char = String.fromCharCode(code);
    folded = char.normalize('NFKC');
    // Keep one UTF-16 unit per original unit where NFKC would expand into letters we don't need.
    if (folded.length === 0) folded = ' ';
    if (cache.size < 4096) cache.set(code, folded);
  }
  return folded;
}

/** Per-character effect of normalization: 0 unknown, 1 unchanged, 2 one-for-one replacement, 3 removed or expanded. */
const EFFECT = new Uint8Array(65536);
const REPLACEMENT = new Uint16Array(65536);

function effectOf(code: number): number {
  let effect = EFFECT[code]!;
  if (effect !== 0) return effect;
  if (isRemoved(code)) effect = 3;
  else if (code >= 0xd800 && code <= 0xdfff) {
    // Surrogate halves (emoji...) carry no identifiers: each becomes a space, keeping offsets.
    effect = 2;
    REPLACEMENT[code] = 32;
  } else if (code >= 0xc0 && code <= 0x24f) {
    // Accented Latin letters stay (the scanner folds them).
    effect = 1;
  } else if (code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f) {
    effect = 2;
    REPLACEMENT[code] = 32;
  } else {
    const folded = foldChar(code);
    if (folded.length === 1 && folded.charCodeAt(0) === code) effect = 1;
    else if (folded.length === 1) {
      effect = 2;
      REPLACEMENT[code] = folded.charCodeAt(0);
    } else effect = 3;
  }
  EFFECT[code] = effect;
  return effect;
}

/**
 * Normalizes for detection: NFKC per character (full-width digits and letters, ligatures,
 * non-breaking and other exotic spaces), zero-width characters and combining marks removed.
 * Text whose characters all normalize to themselves is returned as is (no copy); one-for-one
 * replacements keep offsets (no map); only removals and expansions build an offset map.
 */
export function normalizeText(input: string): NormalizedText {
  // ASCII needs no change. Counting UTF-8 bytes is a native pass, much cheaper than a regex test:
  // the count equals the length exactly when every character is ASCII.
  if (Buffer.byteLength(input, 'utf8') === input.length) return { text: input, map: null };
  let worst = 1;
  for (let index = Math.max(0, input.search(NON_ASCII)); index < input.length; index++) {
    const code = input.charCodeAt(index);
    if (code < 0x80) continue;
    const effect = effectOf(code);
    if (effect > worst) {
      worst = effect;
      if (worst === 3) break;
    }
  }
  if (worst === 1) return { text: input, map: null };
  if (worst === 2) {
    // Same length: replace in place, offsets unchanged.
    const parts: string[] = [];
    let chunkStart = 0;
    for (let index = 0; index < input.length; index++) {
      const code = input.charCodeAt(index);
      if (code < 0x80 || EFFECT[code] !== 2) continue;
      if (index > chunkStart) parts.push(input.slice(chunkStart, index));
      parts.push(String.fromCharCode(REPLACEMENT[code]!));
      chunkStart = index + 1;
    }
    parts.push(input.slice(chunkStart));
    return { text: parts.join(''), map: null };
  }
  return normalizeWithMap(input);
}

/** The general path: removals and expansions change lengths, so an offset map is built. */
function normalizeWithMap(input: string): NormalizedText {
  const parts: string[] = [];
  const map = new IntList(input.length + 16);
  let out = 0;
  let chunkStart = 0;
  const flush = (until: number) => {
    if (until > chunkStart) {
      parts.push(input.slice(chunkStart, until));
      for (let index = chunkStart; index < until; index++) map.push(index);
      out += until - chunkStart;
    }
  };
  for (let index = 0; index < input.length; index++) {
    const code = input.charCodeAt(index);
    if (code < 0x80) continue;
    flush(index);
    chunkStart = index + 1;
    if (isRemoved(code)) continue;
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < input.length) {
      // Astral characters (emoji...) carry no identifiers: one space, keeping offsets.
      parts.push(' ');
      map.push(index);
      out++;
      index++;
      chunkStart = index + 1;
      continue;
    }
    if (code >= 0xc0 && code <= 0x24f) {
      // Accented Latin letters stay (the scanner folds them); NFKC would only recompose them.
      parts.push(input[index]!);
      map.push(index);
      out++;
      continue;
    }
    const folded =
      code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f ? ' ' : foldChar(code);
    const piece = folded.length <= 4 ? folded : folded.slice(0, 4);
    for (let k = 0; k < piece.length; k++) map.push(index);
    out += piece.length;
    parts.push(piece);
  }
  flush(input.length);
  const text = parts.join('');
  if (text.length !== out) {
    // Defensive: should not happen; fall back to identity on the raw text.
    return { text: input, map: null };
  }
  map.push(input.length);
  return { text, map: map.data.subarray(0, out + 1) };
}

/** Maps a normalized [start, end) span back to the original text. */
export function toOriginalSpan(normalized: NormalizedText, start: number, end: number): [number, number] {
  const { map } = normalized;
  if (map === null) return [start, end];
  const originalStart = map[start]!;
  const originalEnd = end >= normalized.text.length ? map[normalized.text.length]! : map[end - 1]! + 1;
  return [originalStart, Math.max(originalStart, originalEnd)];
}
