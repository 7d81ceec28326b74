import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createMlx } from './create-mlx';

describe('createMlx options', () => {
  it('defaults to mlx_lm.server on 127.0.0.1:8080, local, no capacity probe', () => {
    const provider = createMlx();
    expect(provider).toMatchObject({ id: 'mlx', kind: 'local', model: 'default_model' });
    expect(provider.capacity).toBeUndefined();
    expect(provider.capabilities).toEqual({ logprobs: true, tools: true, jsonSchema: false });
  });

  it.each([
    [{ baseURL: 'ftp://x' }, 'options.baseURL'],
    [{ maxTopLogprobs: 0 }, 'options.maxTopLogprobs'],
    [{ model: '' }, 'options.model'],
    [{ contextWindow: 1.5 }, 'options.contextWindow'],
  ])('rejects %j with a ConfigError naming %s', (input, field) => {
    let error: unknown;
    try {
      createMlx(input as never);
    } catch (caught) {
      error = caught;
    }
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).field).toBe(field);
  });
});
