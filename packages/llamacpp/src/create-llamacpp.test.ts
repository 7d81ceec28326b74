import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createLlamaCpp } from './create-llamacpp';

function configError(action: () => unknown): ConfigError {
  try {
    action();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createLlamaCpp options', () => {
  it('has local defaults', () => {
    const provider = createLlamaCpp();
    expect(provider).toMatchObject({ id: 'llamacpp', kind: 'local', model: 'llama.cpp' });
    expect(provider.capabilities).toEqual({ logprobs: true, tools: true, jsonSchema: true });
    expect(typeof provider.capacity).toBe('function');
    expect(createLlamaCpp({ capacity: 'none' }).capacity).toBeUndefined();
  });

  it.each([
    [{ baseURL: 'localhost:8080' }, 'options.baseURL'],
    [{ capacity: 'queue' }, 'options.capacity'],
    [{ maxQueue: -1 }, 'options.maxQueue'],
    [{ contextWindow: 0 }, 'options.contextWindow'],
    [{ id: '' }, 'options.id'],
    [{ fetch: 'fetch' }, 'options.fetch'],
    [{ headers: { a: 1 } }, 'options.headers.a'],
  ])('rejects %j with a ConfigError naming %s', (input, field) => {
    const error = configError(() => createLlamaCpp(input as never));
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it('names an unknown option', () => {
    const error = configError(() => createLlamaCpp({ baseUrl: 'http://x' } as never));
    expect(error.message).toContain("unknown option 'baseUrl'");
  });

  it('rejects a request without messages before sending anything', async () => {
    const provider = createLlamaCpp({
      fetch: () => {
        throw new Error('must not be called');
      },
    });
    await expect(provider.chat({ messages: [] })).rejects.toMatchObject({
      code: 'invalid_request',
      field: 'request.messages',
    });
  });
});
