import { ConfigError } from '@switchyard/core';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAI } from './openai-provider';

function configError(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createOpenAI settings', () => {
  const savedKey = process.env.OPENAI_API_KEY;
  afterEach(() => {
    if (savedKey === undefined) delete process.env.OPENAI_API_KEY;
    else process.env.OPENAI_API_KEY = savedKey;
  });

  it('names a missing or empty model', () => {
    expect(configError(() => createOpenAI({ apiKey: 'k' } as never)).field).toBe('createOpenAI.model');
    expect(configError(() => createOpenAI({ model: '', apiKey: 'k' })).message).toBe(
      'createOpenAI.model: must not be empty',
    );
  });

  it('names a bad baseURL, timeout, kind and an unknown option', () => {
    expect(configError(() => createOpenAI({ model: 'm', apiKey: 'k', baseURL: 'not a url' })).field).toBe(
      'createOpenAI.baseURL',
    );
    expect(configError(() => createOpenAI({ model: 'm', apiKey: 'k', timeoutMs: -1 })).field).toBe(
      'createOpenAI.timeoutMs',
    );
    expect(configError(() => createOpenAI({ model: 'm', apiKey: 'k', kind: 'edge' as never })).field).toBe(
      'createOpenAI.kind',
    );
    const unknown = configError(() => createOpenAI({ model: 'm', apiKey: 'k', temprature: 1 } as never));
    expect(unknown.message).toBe("createOpenAI: unknown option 'temprature'");
  });

  it('rejects a non-object', () => {
    expect(configError(() => createOpenAI(undefined as never)).field).toBe('createOpenAI');
  });

  it('rejects connection settings next to a ready client', () => {
    const client = new OpenAI({ apiKey: 'k' });
    expect(configError(() => createOpenAI({ model: 'm', client, apiKey: 'k' })).field).toBe(
      'createOpenAI.apiKey',
    );
    expect(configError(() => createOpenAI({ model: 'm', client: {} as never })).field).toBe(
      'createOpenAI.client',
    );
  });

  it('names apiKey when there is no key at all', () => {
    delete process.env.OPENAI_API_KEY;
    const error = configError(() => createOpenAI({ model: 'gpt-4o-mini' }));
    expect(error.field).toBe('createOpenAI.apiKey');
    expect(error.message).toContain('OPENAI_API_KEY');
  });

  it('reads OPENAI_API_KEY from the environment through the SDK', () => {
    process.env.OPENAI_API_KEY = 'sk-from-env';
    expect(createOpenAI({ model: 'gpt-4o-mini' }).client.apiKey).toBe('sk-from-env');
  });
});
