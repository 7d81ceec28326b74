import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { ConfigError, createRouter, InvalidRequestError, type RouterOptions } from '../src/index';
import { ask } from './helpers';

const local = createFakeProvider({ id: 'local' });
const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });

function configError(options: unknown): ConfigError {
  try {
    createRouter(options as RouterOptions);
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('createRouter() config errors', () => {
  it.each([
    ['no options', undefined, 'options', /expected an options object/],
    ['an empty provider list', { providers: [] }, 'providers', /at least one provider/],
    ['a provider without an id', { providers: [{ ...local, id: '' }] }, 'providers[0].id', /non-empty/],
    [
      'a provider with a bad kind',
      { providers: [{ ...local, kind: 'edge' }] },
      'providers[0].kind',
      /'local' or 'cloud'/,
    ],
    [
      'a provider without chat()',
      { providers: [{ ...local, chat: undefined }] },
      'providers[0].chat',
      /function/,
    ],
    [
      'duplicate ids',
      { providers: [local, cloud, { ...cloud }] },
      'providers[2].id',
      /duplicate provider id 'cloud' \(also providers\[1\]\)/,
    ],
    [
      'a workload rule naming an unknown provider',
      { providers: [local, cloud], policy: { workloads: { summarize: { prefer: ['local-qwn'] } } } },
      'policy.workloads.summarize.prefer[0]',
      /unknown provider id 'local-qwn' \(known: local, cloud\)/,
    ],
    [
      'a deny list naming an unknown provider',
      { providers: [local], policy: { workloads: { x: { deny: ['nope'] } } } },
      'policy.workloads.x.deny[0]',
      /unknown provider id/,
    ],
    [
      'a regulated pool naming a cloud provider',
      { providers: [local, cloud], policy: { regulated: { providers: ['cloud'] } } },
      'policy.regulated.providers[0]',
      /cloud provider; regulated data may only go to local providers/,
    ],
    [
      'no local provider for regulated data',
      { providers: [cloud] },
      'providers',
      /regulated requests need at least one local provider/,
    ],
    [
      'settings for an unknown provider',
      { providers: [local], providerSettings: { ghost: { concurrency: 2 } } },
      'providerSettings.ghost',
      /unknown provider id/,
    ],
    ['an unknown option', { providers: [local], retries: 3 }, '', /unknown option 'retries'/],
    [
      'a negative retry count',
      { providers: [local], retry: { retries: -1 } },
      'retry.retries',
      /retry.retries/,
    ],
    [
      'a bad default class',
      { providers: [local], policy: { defaultDataClass: 'secret' } },
      'policy.defaultDataClass',
      /policy.defaultDataClass/,
    ],
    ['a non-function classifier', { providers: [local], classifier: 42 }, 'classifier', /classify/],
    ['a sink without write()', { providers: [local], audit: {} }, 'audit', /audit/],
    [
      'a zero timeout',
      { providers: [local], timeouts: { attemptMs: 0 } },
      'timeouts.attemptMs',
      /timeouts.attemptMs/,
    ],
    [
      'a zero concurrency',
      { providers: [local], providerSettings: { local: { concurrency: 0 } } },
      'providerSettings.local.concurrency',
      /concurrency/,
    ],
    [
      'duplicate plugin names',
      { providers: [local], plugins: [{ name: 'a' }, { name: 'a' }] },
      'plugins[1].name',
      /duplicate plugin name/,
    ],
  ])('rejects %s with a ConfigError naming the field', (_name, options, field, message) => {
    const error = configError(options);
    expect(error.code).toBe('config_error');
    if (field) expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith('createRouter: ')).toBe(true);
  });

  it('accepts a cloud-only router when regulated requests are explicitly rejected', async () => {
    const router = createRouter({
      providers: [cloud],
      policy: { regulated: { requireLocalProvider: false } },
    });
    const plan = await router.explain(ask(), { dataClass: 'regulated' });
    expect(plan.order).toEqual([]);
  });
});

describe('request validation', () => {
  const router = createRouter({ providers: [local] });
  it.each([
    ['not an object', null, /request: expected an object/],
    ['no messages', { messages: [] }, /request.messages: must hold at least one message/],
    ['a bad role', { messages: [{ role: 'robot', content: 'hi' }] }, /request.messages\[0\]/],
    [
      'a typo in an option',
      { messages: [{ role: 'user', content: 'hi' }], max_tokens: 5 },
      /unknown option 'max_tokens'/,
    ],
    [
      'a temperature out of range',
      { messages: [{ role: 'user', content: 'hi' }], temperature: 9 },
      /request.temperature/,
    ],
    [
      'top logprobs without logprobs',
      { messages: [{ role: 'user', content: 'hi' }], topLogprobs: 3 },
      /needs `logprobs: true`/,
    ],
    [
      'too many top logprobs',
      { messages: [{ role: 'user', content: 'hi' }], logprobs: true, topLogprobs: 21 },
      /request.topLogprobs/,
    ],
    [
      'a tool message without its call id',
      { messages: [{ role: 'tool', content: 'x' }] },
      /request.messages\[0\].toolCallId/,
    ],
    [
      'a non-signal signal',
      { messages: [{ role: 'user', content: 'hi' }], signal: {} },
      /request.signal: must be an AbortSignal/,
    ],
  ])('rejects %s with an InvalidRequestError naming the field', async (_name, request, message) => {
    let thrown: unknown;
    try {
      await router.chat(request as never);
    } catch (error) {
      thrown = error;
    }
    expect(InvalidRequestError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(message);
    expect(local.calls).toHaveLength(0);
  });

  it('rejects a bad routing context', async () => {
    await expect(router.chat(ask(), { dataClass: 'top-secret' as never })).rejects.toThrow(
      /context.dataClass/,
    );
    await expect(router.chat(ask(), { tags: { tenant: 7 as never } })).rejects.toThrow(/context.tags.tenant/);
  });
});
