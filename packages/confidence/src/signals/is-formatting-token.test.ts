import { describe, expect, it } from 'vitest';
import { isFormattingToken } from './is-formatting-token';

describe('isFormattingToken', () => {
  it('skips whitespace, punctuation, Markdown and special tokens', () => {
    for (const token of [
      '',
      ' ',
      '\n\n',
      '.',
      ',',
      '**',
      '```',
      ' -',
      '|',
      '<eos>',
      '</s>',
      '<|eot_id|>',
      '<end_of_turn>',
      '< >',
    ]) {
      expect(isFormattingToken(token), JSON.stringify(token)).toBe(true);
    }
  });

  it('keeps words, numbers, non-ASCII text and angle-bracket text that is not one name', () => {
    for (const token of [' the', '7', 'É', '你', ' 3.14', '<a href>', 'x<y>']) {
      expect(isFormattingToken(token), JSON.stringify(token)).toBe(false);
    }
  });
});
