import { describe, expect, it } from 'vitest';
import { mapUsage } from './map-usage';

describe('Anthropic usage → core usage', () => {
  it('adds cache reads and writes to input_tokens, and keeps the 1-hour part of the writes', () => {
    expect(
      mapUsage({
        input_tokens: 3,
        cache_creation_input_tokens: 100,
        cache_read_input_tokens: 50,
        cache_creation: { ephemeral_5m_input_tokens: 60, ephemeral_1h_input_tokens: 40 },
        output_tokens: 7,
      }),
    ).toEqual({
      inputTokens: 153,
      outputTokens: 7,
      cacheReadTokens: 50,
      cacheWriteTokens: 100,
      cacheWrite1hTokens: 40,
    });
  });

  it('treats missing and null cache fields as zero, and reports thinking tokens as reasoning', () => {
    expect(
      mapUsage({
        input_tokens: 10,
        output_tokens: 20,
        cache_read_input_tokens: null,
        output_tokens_details: { thinking_tokens: 12 },
      }),
    ).toEqual({
      inputTokens: 10,
      outputTokens: 20,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 12,
    });
  });
});
