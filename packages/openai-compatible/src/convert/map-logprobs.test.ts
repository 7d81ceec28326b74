import { describe, expect, it } from 'vitest';
import { MIN_LOGPROB, clampLogprob, mapLogprobContent } from './map-logprobs';

describe('clampLogprob', () => {
  it.each([
    [-0.5, -0.5],
    [-3.4028234663852886e38, MIN_LOGPROB],
    [Number.NEGATIVE_INFINITY, MIN_LOGPROB],
    [null, MIN_LOGPROB],
    [Number.NaN, MIN_LOGPROB],
    [0.0000001, 0],
  ])('clamps %s to %s', (input, output) => {
    expect(clampLogprob(input)).toBe(output);
  });
});

describe('mapLogprobContent', () => {
  it('keeps at most the requested alternatives and decodes tokens when asked', () => {
    const mapped = mapLogprobContent(
      [
        {
          token: 'Ġa',
          logprob: -1,
          top_logprobs: [
            { token: 'Ġa', logprob: -1 },
            { token: 'Ġb', logprob: -2 },
          ],
        },
      ],
      { maxAlternatives: 1, decodeToken: (token) => token.replace('Ġ', ' ') },
    );
    expect(mapped).toEqual([{ token: ' a', logprob: -1, topLogprobs: [{ token: ' a', logprob: -1 }] }]);
  });
});
