import { InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { parseLabeledJsonl } from './labeled-examples';

const openAI = { content: [{ token: '4', logprob: -0.1, top_logprobs: [{ token: '4', logprob: -0.1 }] }] };
const core = [{ token: '4', logprob: -0.1, topLogprobs: [{ token: '4', logprob: -0.1 }] }];

describe('parseLabeledJsonl', () => {
  it('reads the arith file shape, audit records with a joined label, and skips lines without logprobs', () => {
    const text = [
      JSON.stringify({
        id: 'a',
        prompt: '2+2=',
        weak_correct: true,
        strong_correct: false,
        logprobs: openAI,
      }),
      '',
      JSON.stringify({ version: 1, provider: 'local', logprobs: core, acceptable: false }),
      JSON.stringify({ version: 1, provider: 'cloud', acceptable: true }),
      JSON.stringify({
        logprobs: [{ token: 'x', logprob: null, topLogprobs: [] }],
        correct: true,
        cloud_correct: true,
      }),
    ].join('\n');
    const { examples, skipped } = parseLabeledJsonl(text);
    expect(skipped).toBe(1);
    expect(examples).toHaveLength(3);
    expect(examples[0]).toEqual({
      id: 'a',
      acceptable: true,
      cloudAcceptable: false,
      logprobs: [{ token: '4', logprob: -0.1, topLogprobs: [{ token: '4', logprob: -0.1 }] }],
    });
    expect(examples[1]!.acceptable).toBe(false);
    expect(examples[1]!.cloudAcceptable).toBeUndefined();
    expect(examples[2]!.logprobs[0]!.logprob).toBe(Number.NEGATIVE_INFINITY);
  });

  it('names the line and field of bad input', () => {
    const cases: [string, RegExp][] = [
      ['{"logprobs": [', /line 1: not valid JSON/],
      ['[1,2]', /line 1: must be a JSON object/],
      [
        JSON.stringify({ logprobs: openAI }),
        /line 1: no label: set 'acceptable', or 'correct', or 'weak_correct'/,
      ],
      [JSON.stringify({ logprobs: openAI, acceptable: 'yes' }), /line 1: acceptable must be true or false/],
      [
        `\n${JSON.stringify({ logprobs: [{ token: 'x', logprob: 1, topLogprobs: [] }], acceptable: true })}`,
        /line 2: logprobs\[0\]\.logprob/,
      ],
    ];
    for (const [text, message] of cases) {
      expect(() => parseLabeledJsonl(text)).toThrowError(message);
      expect(() => parseLabeledJsonl(text)).toThrowError(InvalidRequestError);
    }
  });
});
