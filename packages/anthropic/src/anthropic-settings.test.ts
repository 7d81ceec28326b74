import Anthropic from '@anthropic-ai/sdk';
import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createAnthropic } from './anthropic-provider';

function configError(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createAnthropic settings', () => {
  it('names a missing or empty model', () => {
    expect(configError(() => createAnthropic({ apiKey: 'k' } as never)).field).toBe('createAnthropic.model');
    expect(configError(() => createAnthropic({ model: '', apiKey: 'k' })).message).toBe(
      'createAnthropic.model: must not be empty',
    );
  });

  it('names a bad promptCaching, maxOutputTokens, baseURL and an unknown option', () => {
    const caching = configError(() =>
      createAnthropic({ model: 'm', apiKey: 'k', promptCaching: '10m' as never }),
    );
    expect(caching.field).toBe('createAnthropic.promptCaching');
    expect(caching.message).toBe("createAnthropic.promptCaching: must be false, '5m' or '1h'");
    expect(configError(() => createAnthropic({ model: 'm', apiKey: 'k', maxOutputTokens: 0 })).field).toBe(
      'createAnthropic.maxOutputTokens',
    );
    expect(configError(() => createAnthropic({ model: 'm', apiKey: 'k', baseURL: '::' })).field).toBe(
      'createAnthropic.baseURL',
    );
    expect(
      configError(() => createAnthropic({ model: 'm', apiKey: 'k', caching: true } as never)).message,
    ).toBe("createAnthropic: unknown option 'caching'");
  });

  it('rejects connection settings next to a ready client, and a client that is not one', () => {
    const client = new Anthropic({ apiKey: 'k' });
    expect(configError(() => createAnthropic({ model: 'm', client, baseURL: 'http://x' })).field).toBe(
      'createAnthropic.baseURL',
    );
    expect(configError(() => createAnthropic({ model: 'm', client: { messages: {} } as never })).field).toBe(
      'createAnthropic.client',
    );
  });

  it('accepts every promptCaching value', () => {
    for (const promptCaching of [false, '5m', '1h'] as const) {
      expect(createAnthropic({ model: 'm', apiKey: 'k', promptCaching }).id).toBe('anthropic');
    }
  });
});
