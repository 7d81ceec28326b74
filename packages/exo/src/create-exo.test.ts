import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { createExo } from './create-exo';

function fieldOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.field;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createExo options', () => {
  it('defaults to the EXO API port 52415', () => {
    const provider = createExo({ model: 'm' });
    expect(provider).toMatchObject({ id: 'exo', kind: 'local', model: 'm' });
    expect(provider.capacity).toBeUndefined();
  });

  it('requires the model', () => {
    expect(fieldOf(() => createExo({} as never))).toBe('options.model');
  });

  it.each([
    [{ model: 'm', autoPlace: { sharding: 'Ring' } }, 'options.autoPlace.sharding'],
    [{ model: 'm', autoPlace: { timeoutMs: 0 } }, 'options.autoPlace.timeoutMs'],
    [{ model: 'm', baseURL: '52415' }, 'options.baseURL'],
  ])('rejects %j naming %s', (input, field) => {
    expect(fieldOf(() => createExo(input as never))).toBe(field);
  });
});
