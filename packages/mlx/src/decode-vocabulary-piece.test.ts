import { describe, expect, it } from 'vitest';
import { decodeVocabularyPiece } from './decode-vocabulary-piece';

describe('decodeVocabularyPiece', () => {
  it.each([
    ['Ġworld', ' world'],
    ['Ċ', '\n'],
    ['ĠĠ', '  '],
    ['ĉx', '\tx'],
    ['Ã©tÃ©', 'été'],
    ['▁world', ' world'],
    ['<0x0A>', '\n'],
    ['hello', 'hello'],
    ['', ''],
    ['café', 'café'],
  ])('decodes %j as %j', (piece, text) => {
    expect(decodeVocabularyPiece(piece)).toBe(text);
  });

  it('keeps a piece that is only part of a multi-byte character as it came', () => {
    // 'Ã' alone is the first byte of a two-byte character.
    expect(decodeVocabularyPiece('ĠÃ')).toBe('ĠÃ');
  });
});
