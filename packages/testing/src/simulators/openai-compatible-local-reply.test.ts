import { describe, expect, it } from 'vitest';
import {
  countPromptTokens,
  resolveReply,
  simulateTokens,
  splitArguments,
  tokenizeText,
} from './openai-compatible-local-reply';

describe('local simulator replies', () => {
  it('splits text into word and punctuation tokens that join back to the text', () => {
    const text = 'Paris is the capital of France.\nYes!';
    expect(tokenizeText(text)).toEqual([
      'Paris',
      ' is',
      ' the',
      ' capital',
      ' of',
      ' France',
      '.',
      '\nYes',
      '!',
    ]);
    expect(tokenizeText(text).join('')).toBe(text);
  });

  it('derives the same logprobs for the same text, with the chosen token among the candidates', () => {
    const tokens = tokenizeText('one two three four five six seven eight nine ten');
    const first = simulateTokens(tokens, { candidates: 4 });
    expect(simulateTokens(tokens, { candidates: 4 })).toEqual(first);
    for (const token of first) {
      expect(token.candidates).toHaveLength(4);
      expect(token.candidates.some((candidate) => candidate.text === token.text)).toBe(true);
      expect(token.logprob).toBeLessThan(0);
      const total = token.candidates.reduce((sum, candidate) => sum + Math.exp(candidate.logprob), 0);
      expect(total).toBeLessThanOrEqual(1);
    }
    // Sampling sometimes picks a token that is not the most likely one; greedy decoding never does.
    expect(first.some((token) => token.candidates[0]?.text !== token.text)).toBe(true);
    const greedy = simulateTokens(tokens, { candidates: 4, greedy: true });
    expect(greedy.every((token) => token.candidates[0]?.text === token.text)).toBe(true);
  });

  it('applies logprob overrides by position', () => {
    expect(simulateTokens(['a', 'b'], { candidates: 0, overrides: [-7] })[0]?.logprob).toBe(-7);
  });

  it('counts prompt tokens from messages, parts, tool calls and tools', () => {
    const small = countPromptTokens({ messages: [{ role: 'user', content: 'hi' }] });
    const large = countPromptTokens({
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'a b c' }] },
        { role: 'assistant', tool_calls: [{ function: { name: 'f', arguments: '{}' } }] },
      ],
      tools: [{ type: 'function', function: { name: 'f' } }],
    });
    expect(small).toBe(5);
    expect(large).toBeGreaterThan(small);
  });

  it('defaults the reply text, and keeps tool-call replies empty', () => {
    expect(resolveReply({}, {}).text).toBe('Hello from the simulator.');
    expect(resolveReply({ toolCalls: [{ id: 'c', name: 'f', arguments: '{}' }] }, {}).text).toBe('');
    expect(resolveReply((body) => ({ text: String(body.n) }), { n: 4 }).text).toBe('4');
    expect(splitArguments('{"city":"Lisbon"}').join('')).toBe('{"city":"Lisbon"}');
  });
});
