import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/errors';
import { parseOptions } from './parse-options';

const schema = z.strictObject({
  model: z.string().min(1, 'must not be empty'),
  retries: z.number().int().optional(),
});

describe('parseOptions', () => {
  it('returns parsed options', () => {
    expect(parseOptions(schema, { model: 'm' }, 'createThing')).toEqual({ model: 'm' });
  });

  it.each([
    [null, 'createThing', /createThing: expected an options object/],
    [{ model: '' }, 'createThing.model', /createThing.model: must not be empty/],
    [{ model: 'm', retry: 1 }, 'createThing', /createThing: unknown option 'retry'/],
    [{ model: 'm', retries: 1.5 }, 'createThing.retries', /createThing.retries/],
  ])('rejects %j with a ConfigError naming %s', (input, field, message) => {
    let thrown: unknown;
    try {
      parseOptions(schema, input, 'createThing');
    } catch (error) {
      thrown = error;
    }
    expect(ConfigError.isInstance(thrown)).toBe(true);
    expect((thrown as ConfigError).field).toBe(field);
    expect((thrown as Error).message).toMatch(message);
  });
});
