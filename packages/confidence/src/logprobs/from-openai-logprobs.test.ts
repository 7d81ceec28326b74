import { InvalidRequestError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { fromLlamaCppProbabilities } from './from-llamacpp-probabilities';
import { fromOpenAILogprobs } from './from-openai-logprobs';

describe('fromOpenAILogprobs', () => {
  const content = [
    {
      token: '6',
      logprob: -0.0001,
      top_logprobs: [
        { token: '6', logprob: -0.0001 },
        { token: '7', logprob: -9.6111 },
      ],
    },
    { token: '<eos>', logprob: -0, bytes: null, top_logprobs: [{ token: '<eos>', logprob: -0 }] },
  ];

  it('converts the logprobs object and the bare content array into core tokens', () => {
    const expected = [
      {
        token: '6',
        logprob: -0.0001,
        topLogprobs: [
          { token: '6', logprob: -0.0001 },
          { token: '7', logprob: -9.6111 },
        ],
      },
      { token: '<eos>', logprob: -0, topLogprobs: [{ token: '<eos>', logprob: -0 }] },
    ];
    expect(fromOpenAILogprobs({ content })).toEqual(expected);
    expect(fromOpenAILogprobs(content)).toEqual(expected);
  });

  it('gives an empty list for absent logprobs and tokens without alternatives', () => {
    expect(fromOpenAILogprobs(null)).toEqual([]);
    expect(fromOpenAILogprobs({ content: null })).toEqual([]);
    expect(fromOpenAILogprobs([{ token: 'a', logprob: -1, top_logprobs: null }])).toEqual([
      { token: 'a', logprob: -1, topLogprobs: [] },
    ]);
  });

  it('rejects a positive logprob with an error naming the field', () => {
    const bad = { content: [content[0]!, { token: 'x', logprob: 0.5, top_logprobs: [] }] };
    expect(() => fromOpenAILogprobs(bad)).toThrowError(InvalidRequestError);
    try {
      fromOpenAILogprobs(bad);
    } catch (error) {
      expect((error as InvalidRequestError).field).toBe('logprobs.content[1].logprob');
      expect((error as Error).message).toContain('must be a number <= 0');
    }
  });
});

describe('fromLlamaCppProbabilities', () => {
  it('reads the logprob shape of current servers', () => {
    expect(
      fromLlamaCppProbabilities([
        { token: 'Hi', logprob: -0.1, top_logprobs: [{ token: 'Hi', logprob: -0.1 }] },
      ]),
    ).toEqual([{ token: 'Hi', logprob: -0.1, topLogprobs: [{ token: 'Hi', logprob: -0.1 }] }]);
  });

  it('turns the probabilities of older servers into logprobs', () => {
    const [entry] = fromLlamaCppProbabilities([
      {
        content: 'Hi',
        probs: [
          { tok_str: 'Hi', prob: 0.5 },
          { tok_str: 'Hello', prob: 0.25 },
        ],
      },
    ]);
    expect(entry!.token).toBe('Hi');
    expect(entry!.logprob).toBeCloseTo(Math.log(0.5), 12);
    expect(entry!.topLogprobs.map((top) => top.token)).toEqual(['Hi', 'Hello']);
    expect(entry!.topLogprobs[1]!.logprob).toBeCloseTo(Math.log(0.25), 12);
  });

  it('bounds a sampled token missing from the list by the least listed probability', () => {
    const [entry] = fromLlamaCppProbabilities([
      {
        content: 'Yo',
        probs: [
          { tok_str: 'Hi', prob: 0.6 },
          { tok_str: 'Hello', prob: 0.3 },
        ],
      },
    ]);
    expect(entry!.logprob).toBeCloseTo(Math.log(0.3), 12);
  });

  it('rejects a probability above 1 naming the field', () => {
    expect(() =>
      fromLlamaCppProbabilities([{ content: 'a', probs: [{ tok_str: 'a', prob: 2 }] }]),
    ).toThrowError(/completion_probabilities\[0\]/);
  });
});
