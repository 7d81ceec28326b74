/** FNV-1a over lowercase ASCII letters: words are hashed as they are scanned, without substrings. */
export const FNV_OFFSET = 0x811c9dc5;

export function hashStep(hash: number, lowercaseCode: number): number {
  return Math.imul(hash ^ lowercaseCode, 0x01000193) >>> 0;
}

export function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < word.length; index++) hash = hashStep(hash, word.charCodeAt(index) | 32);
  return hash;
}

/** Hash of a two-word phrase from the two words' hashes. */
export function hashPair(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ second) >>> 0;
}
