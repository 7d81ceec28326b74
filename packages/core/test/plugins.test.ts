import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import {
  BudgetExceededError,
  type ChatResponse,
  createMemoryAuditSink,
  createRouter,
  type RouterPlugin,
  type RouterStreamEvent,
} from '../src/index';
import { ask, drain, failure, fast, recordEvents } from './helpers';

/** A toy judge: escalates answers whose mean logprob is below a threshold. */
function meanLogprobJudge(threshold: number, to: string[], buffer?: number | 'all'): RouterPlugin {
  const mean = (response: ChatResponse) => {
    const entries = response.logprobs ?? [];
    return entries.length === 0
      ? undefined
      : entries.reduce((sum, entry) => sum + entry.logprob, 0) / entries.length;
  };
  return {
    name: 'toy-judge',
    judge(response) {
      const value = mean(response);
      if (value === undefined) return { escalate: false, reason: 'no logprobs', confidence: null };
      const confidence = Math.exp(value);
      return { escalate: value < threshold, to, reason: `mean logprob ${value.toFixed(2)}`, confidence };
    },
    ...(buffer === undefined ? {} : { streamBuffer: () => buffer }),
  };
}

const withLogprobs = { ...ask(), logprobs: true };

describe('escalation through judge()', () => {
  it('keeps a confident local answer', async () => {
    const local = createFakeProvider({ id: 'local', logprobs: -0.01 });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({ providers: [local, cloud], plugins: [meanLogprobJudge(-1, ['cloud'])] });
    const response = await router.chat(withLogprobs, { dataClass: 'internal' });
    expect(response.provider).toBe('local');
    expect(response.routing.escalated).toBe(false);
    expect(response.routing.confidence).toBeCloseTo(Math.exp(-0.01));
    expect(cloud.calls).toHaveLength(0);
  });

  it('escalates an unsure local answer to cloud for internal data, and audits the discarded answer', async () => {
    const local = createFakeProvider({ id: 'local', logprobs: -3, reply: 'maybe 42' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'exactly 42' });
    const audit = createMemoryAuditSink();
    const router = createRouter({
      providers: [local, cloud],
      audit,
      plugins: [meanLogprobJudge(-1, ['cloud'])],
    });
    const log = recordEvents(router);
    const response = await router.chat(withLogprobs, { dataClass: 'internal' });
    expect(response.text).toBe('exactly 42');
    expect(response.routing.escalated).toBe(true);
    expect(log.named('escalate')[0]).toMatchObject({ from: 'local', to: ['cloud'], blocked: false });
    const record = audit.records[0]!;
    expect(record.escalation).toMatchObject({
      escalated: true,
      from: 'local',
      to: ['cloud'],
      blocked: false,
    });
    expect(record.attempts.map((attempt) => [attempt.provider, attempt.outcome])).toEqual([
      ['local', 'discarded'],
      ['cloud', 'success'],
    ]);
    expect(record.attempts[0]?.usage?.outputTokens).toBe(2);
    expect(record.reason).toMatch(/escalated from local/);
  });

  it('never escalates regulated data to cloud, whatever the plugin asks', async () => {
    const local = createFakeProvider({ id: 'local', logprobs: -5 });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({ providers: [local, cloud], plugins: [meanLogprobJudge(-1, ['cloud'])] });
    const log = recordEvents(router);
    const response = await router.chat(withLogprobs, { dataClass: 'regulated' });
    expect(response.provider).toBe('local');
    expect(cloud.calls).toHaveLength(0);
    expect(log.named('escalate')[0]).toMatchObject({ blocked: true, to: [] });
  });

  it('escalates regulated data to a larger local model', async () => {
    const small = createFakeProvider({ id: 'local-8b', logprobs: -5 });
    const large = createFakeProvider({ id: 'local-70b', reply: 'careful answer' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [small, large, cloud],
      policy: { workloads: { triage: { prefer: ['local-8b'] } } },
      plugins: [meanLogprobJudge(-1, ['cloud', 'local-70b'])],
    });
    const response = await router.chat(withLogprobs, { dataClass: 'regulated', workload: 'triage' });
    expect(response.provider).toBe('local-70b');
    expect(cloud.calls).toHaveLength(0);
  });

  it('returns the original answer when every escalation target fails', async () => {
    const local = createFakeProvider({ id: 'local', logprobs: -5, reply: 'local answer' });
    const cloud = createFakeProvider({
      id: 'cloud',
      kind: 'cloud',
      thereafter: { fault: 'http', status: 500 },
    });
    const router = createRouter({
      providers: [local, cloud],
      plugins: [meanLogprobJudge(-1, ['cloud'])],
      ...fast,
    });
    const log = recordEvents(router);
    const response = await router.chat(withLogprobs, { dataClass: 'internal' });
    expect(response.text).toBe('local answer');
    expect(response.routing.escalated).toBe(false);
    expect(log.named('warning').map((warning) => warning.code)).toContain('escalation_failed');
  });

  it('streams: holds back the first tokens, judges them, and streams the cloud answer instead', async () => {
    const local = createFakeProvider({ id: 'local', logprobs: -4, reply: 'unsure words here maybe' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'sure answer' });
    const audit = createMemoryAuditSink();
    const router = createRouter({
      providers: [local, cloud],
      audit,
      plugins: [meanLogprobJudge(-1, ['cloud'], 2)],
    });
    const events = await drain(router.stream(withLogprobs, { dataClass: 'internal' }));
    const routes = events.filter((event) => event.type === 'route');
    expect(routes).toEqual([expect.objectContaining({ provider: 'cloud' })]);
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    expect(text).toBe('sure answer');
    expect(audit.records[0]?.attempts.map((attempt) => attempt.outcome)).toEqual(['discarded', 'success']);
  });

  it('streams: releases the held tokens unchanged when the answer is confident', async () => {
    const local = createFakeProvider({ id: 'local', logprobs: -0.01, reply: 'confident words stream out' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({ providers: [local, cloud], plugins: [meanLogprobJudge(-1, ['cloud'], 2)] });
    const events = await drain(router.stream(withLogprobs, { dataClass: 'internal' }));
    expect(events[0]).toMatchObject({ type: 'route', provider: 'local' });
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    expect(text).toBe('confident words stream out');
    expect(cloud.calls).toHaveLength(0);
  });

  it('streams: buffering the whole answer judges it once complete', async () => {
    const seen: boolean[] = [];
    const local = createFakeProvider({ id: 'local', logprobs: -0.01, reply: 'a b c d' });
    const router = createRouter({
      providers: [local],
      plugins: [
        {
          name: 'spy',
          streamBuffer: () => 'all',
          judge: (_response, _context, info) => {
            seen.push(info.partial);
            return undefined;
          },
        },
      ],
    });
    await drain(router.stream(withLogprobs, { dataClass: 'regulated' }));
    expect(seen).toEqual([false]);
  });

  it('streams: regulated data is never escalated to cloud', async () => {
    const local = createFakeProvider({ id: 'local', logprobs: -5, reply: 'local only' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloud],
      plugins: [meanLogprobJudge(-1, ['cloud'], 'all')],
    });
    const events = await drain(router.stream(withLogprobs, { dataClass: 'regulated' }));
    expect(events[0]).toMatchObject({ type: 'route', provider: 'local' });
    expect(cloud.calls).toHaveLength(0);
  });
});

describe('the plugin seam', () => {
  it('runs hooks in order with the request context, and lets onAudit enrich the record', async () => {
    const calls: string[] = [];
    const local = createFakeProvider({ id: 'local' });
    const audit = createMemoryAuditSink();
    const plugin: RouterPlugin = {
      name: 'trace',
      classify: () => {
        calls.push('classify');
        return undefined;
      },
      route: (draft, context) => {
        calls.push(`route:${context.dataClass}:${draft.candidates.length}`);
      },
      beforeAttempt: (attempt) => {
        calls.push(`before:${attempt.provider.id}:${attempt.attempt}`);
      },
      afterAttempt: (attempt, outcome) => {
        calls.push(`after:${attempt.provider.id}:${outcome.ok}`);
      },
      onAudit: (record, context) => {
        calls.push('audit');
        record.cost = { totalUsd: 0.25, plugin: context.requestId === record.id };
      },
    };
    const router = createRouter({ providers: [local], plugins: [plugin], audit });
    await router.chat(ask(), { dataClass: 'internal', tags: { tenant: 'acme' } });
    expect(calls).toEqual(['classify', 'route:internal:1', 'before:local:1', 'after:local:true', 'audit']);
    expect(audit.records[0]?.cost).toEqual({ totalUsd: 0.25, plugin: true });
    expect(audit.records[0]?.tags).toEqual({ tenant: 'acme' });
  });

  it('a plugin classifier can raise the data class', async () => {
    const local = createFakeProvider({ id: 'local' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloud],
      plugins: [
        {
          name: 'strict',
          classify: () => ({ dataClass: 'regulated', labels: ['credentials'], detectors: { aws_key: 1 } }),
        },
      ],
    });
    expect((await router.chat(ask(), { dataClass: 'public' })).provider).toBe('local');
    expect(cloud.calls).toHaveLength(0);
  });

  it('a route hook can exclude and prefer providers', async () => {
    const local = createFakeProvider({ id: 'local' });
    const cloudA = createFakeProvider({ id: 'cloud-a', kind: 'cloud' });
    const cloudB = createFakeProvider({ id: 'cloud-b', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloudA, cloudB],
      plugins: [
        {
          name: 'pre-router',
          route: (draft) => {
            draft.exclude('cloud-a', 'budget', 'monthly budget spent');
            draft.prefer(['cloud-b'], 'hard-prompt', 'complex prompt: straight to cloud');
          },
        },
      ],
    });
    const plan = await router.explain(ask(), { dataClass: 'internal' });
    expect(plan.order).toEqual(['cloud-b', 'local']);
    expect(plan.candidates.find((candidate) => candidate.provider === 'cloud-a')).toMatchObject({
      rule: 'budget',
      reason: 'monthly budget spent',
    });
  });

  it('a route hook cannot put a cloud provider on a regulated route', async () => {
    const local = createFakeProvider({ id: 'local' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloud],
      plugins: [{ name: 'rogue', route: (draft) => draft.prefer(['cloud'], 'rogue', 'try cloud') }],
    });
    expect((await router.explain(ask(), { dataClass: 'regulated' })).order).toEqual(['local']);
    expect((await router.chat(ask(), { dataClass: 'regulated' })).provider).toBe('local');
    expect(cloud.calls).toHaveLength(0);
  });

  it('a budget veto in beforeAttempt skips that provider; a throwing route hook fails the request', async () => {
    const local = createFakeProvider({ id: 'local' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const veto: RouterPlugin = {
      name: 'budget',
      beforeAttempt: (attempt) => {
        if (attempt.kind === 'cloud')
          throw new BudgetExceededError({ message: 'cloud budget spent', budget: 'month' });
      },
    };
    const router = createRouter({ providers: [local, cloud], plugins: [veto] });
    expect((await router.chat(ask(), { dataClass: 'public' })).provider).toBe('local');
    expect(cloud.calls).toHaveLength(0);

    const raising = createRouter({
      providers: [local, cloud],
      plugins: [
        {
          name: 'budget',
          route: () => {
            throw new BudgetExceededError({
              message: 'tenant acme is over its hard limit',
              budget: 'tenant:acme',
            });
          },
        },
      ],
    });
    const error = await failure(() => raising.chat(ask()));
    expect(BudgetExceededError.isInstance(error)).toBe(true);
  });

  it("turns a plugin's custom warning into a warning event", async () => {
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({
      providers: [local],
      plugins: [
        {
          name: 'cost',
          onAudit: (_record, context) =>
            context.emit('warning', {
              requestId: context.requestId,
              code: 'unknown_price',
              message: 'no price for fake-local',
            }),
        },
      ],
    });
    const log = recordEvents(router);
    await router.chat(ask());
    expect(log.named('warning')[0]).toMatchObject({ code: 'unknown_price' });
  });
});

describe('prepareRequest, attempt logprobs and logprob-counted buffering', () => {
  it('lets a plugin amend the request per provider call', async () => {
    const local = createFakeProvider({ id: 'local', logprobs: -0.1 });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const askLogprobsLocally: RouterPlugin = {
      name: 'ask-logprobs',
      prepareRequest: (request, attempt) =>
        attempt.kind === 'local' ? { ...request, logprobs: true, topLogprobs: 2 } : undefined,
    };
    const router = createRouter({ providers: [local, cloud], plugins: [askLogprobsLocally] });
    const response = await router.chat(ask(), { dataClass: 'internal' });
    expect(local.calls[0]?.request).toMatchObject({ logprobs: true, topLogprobs: 2 });
    expect(local.calls[0]?.request.signal).toBeInstanceOf(AbortSignal);
    expect(response.logprobs?.length).toBeGreaterThan(0);
    await router.chat(ask(), { dataClass: 'public' });
    expect(cloud.calls[0]?.request.logprobs).toBeUndefined();
  });

  it('fails the attempt when a plugin returns something that is not a request', async () => {
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({
      providers: [local],
      plugins: [{ name: 'broken', prepareRequest: () => ({ nope: true }) as never }],
    });
    await expect(router.chat(ask())).rejects.toThrow(/broken.prepareRequest/);
    expect(local.calls).toHaveLength(0);
  });

  it('keeps the logprobs of a discarded answer in its attempt, with includeLogprobs', async () => {
    const local = createFakeProvider({ id: 'local', logprobs: -3, reply: 'unsure answer' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'sure' });
    const audit = createMemoryAuditSink();
    const router = createRouter({
      providers: [local, cloud],
      audit: { sinks: [audit], includeLogprobs: true },
      plugins: [meanLogprobJudge(-1, ['cloud'])],
    });
    await router.chat(withLogprobs, { dataClass: 'internal' });
    const [discarded, served] = audit.records[0]?.attempts ?? [];
    expect(discarded?.outcome).toBe('discarded');
    expect(discarded?.logprobs?.map((entry) => entry.logprob)).toEqual([-3, -3]);
    expect(served?.logprobs).toBeUndefined();
  });

  it('holds a stream until N logprob entries arrived, not N text deltas', async () => {
    let judged = 0;
    const local = createFakeProvider({ id: 'local', logprobs: -0.1, reply: 'a b c d e f' });
    const router = createRouter({
      providers: [local],
      plugins: [
        {
          name: 'count',
          streamBuffer: () => 3,
          judge: (response) => {
            judged = response.logprobs?.length ?? 0;
            return undefined;
          },
        },
      ],
    });
    await drain(router.stream(withLogprobs, { dataClass: 'regulated' }));
    expect(judged).toBe(3);
  });
});

describe('transformResponse', () => {
  const restore: RouterPlugin = {
    name: 'restore',
    prepareRequest: (request) => ({
      ...request,
      messages: request.messages.map((message) =>
        message.role === 'user' && typeof message.content === 'string'
          ? { ...message, content: message.content.replace('Jane Roe', '<PERSON_1>') }
          : message,
      ),
    }),
    transformResponse: (response) => ({ ...response, text: response.text.replace('<PERSON_1>', 'Jane Roe') }),
  };

  it('rewrites the answer of a call (chat and the finish event of a stream)', async () => {
    const cloud = createFakeProvider({
      id: 'cloud',
      kind: 'cloud',
      reply: (request) =>
        `Dear ${String(request.messages[0]?.content).includes('<PERSON_1>') ? '<PERSON_1>' : '?'}`,
    });
    const local = createFakeProvider({ id: 'local' });
    const router = createRouter({ providers: [local, cloud], plugins: [restore] });
    const response = await router.chat(ask('Write to Jane Roe'), { dataClass: 'public' });
    expect(cloud.calls[0]?.request.messages[0]?.content).toBe('Write to <PERSON_1>');
    expect(response.text).toBe('Dear Jane Roe');
    const events = await drain(router.stream(ask('Write to Jane Roe'), { dataClass: 'public' }));
    const finish = events.at(-1);
    expect(finish?.type === 'finish' && finish.response.text).toBe('Dear Jane Roe');
  });

  it('keeps the answer when a transform throws', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'as given' });
    const router = createRouter({
      providers: [local],
      plugins: [
        {
          name: 'broken',
          transformResponse: () => {
            throw new Error('vault lost');
          },
        },
      ],
    });
    const log = recordEvents(router);
    expect((await router.chat(ask())).text).toBe('as given');
    expect(log.named('warning')[0]?.message).toMatch(/broken.transformResponse failed/);
  });
});

describe('transformStream', () => {
  /** Swaps `<PERSON_1>` for a name in streamed text, holding back a tail that may be a cut token. */
  function restoreDeltas(name: string, calls: string[] = []): RouterPlugin {
    return {
      name: 'restore-deltas',
      transformStream(attempt) {
        calls.push(attempt.provider.id);
        const held = new Map<string, string>();
        const swap = (text: string) => text.replaceAll('<PERSON_1>', name);
        return {
          push(channel, delta) {
            const text = (held.get(channel) ?? '') + delta;
            const open = text.lastIndexOf('<');
            const cut = open !== -1 && !text.includes('>', open) ? open : text.length;
            held.set(channel, text.slice(cut));
            return swap(text.slice(0, cut));
          },
          flush(channel) {
            const rest = held.get(channel) ?? '';
            held.delete(channel);
            return swap(rest);
          },
        };
      },
    };
  }

  const textOf = (events: readonly RouterStreamEvent[]) =>
    events.map((event) => (event.type === 'text-delta' ? event.text : '')).join('');

  it('rewrites the deltas the caller receives, tokens cut across deltas included', async () => {
    const cloud = createFakeProvider({
      id: 'cloud',
      kind: 'cloud',
      reply: 'Dear <PERSON_1>, see you <PERSON_1> <PERS',
    });
    const calls: string[] = [];
    const router = createRouter({
      providers: [createFakeProvider({ id: 'local' }), cloud],
      plugins: [restoreDeltas('Jane Roe', calls)],
    });
    const events = await drain(router.stream(ask(), { dataClass: 'public' }));
    const deltas = events.filter((event) => event.type === 'text-delta');
    expect(deltas.length).toBeGreaterThan(3);
    for (const delta of deltas) expect(delta.type === 'text-delta' && delta.text).not.toContain('PERSON');
    // The unfinished tail is handed out at the end, before `finish`.
    expect(textOf(events)).toBe('Dear Jane Roe, see you Jane Roe <PERS');
    expect(events.at(-1)?.type).toBe('finish');
    expect(events.at(-2)).toEqual({ type: 'text-delta', text: '<PERS' });
    expect(calls).toEqual(['cloud']);
  });

  it('rewrites tool-call arguments per call, and keeps each first piece that names the call', async () => {
    const cloud = createFakeProvider({
      id: 'cloud',
      kind: 'cloud',
      reply: () => ({
        toolCalls: [
          { id: 'a', name: 'send', arguments: '{"to":"<PERSON_1>"}' },
          { id: 'b', name: 'log', arguments: '{"note":"<PERSON_1' },
        ],
      }),
    });
    const router = createRouter({
      providers: [createFakeProvider({ id: 'local' }), cloud],
      plugins: [restoreDeltas('Jane')],
    });
    const events = await drain(router.stream(ask(), { dataClass: 'public' }));
    const pieces = events.filter((event) => event.type === 'tool-call-delta');
    expect(pieces).toEqual([
      { type: 'tool-call-delta', index: 0, id: 'a', name: 'send', argumentsDelta: '{"to":"Jane"}' },
      { type: 'tool-call-delta', index: 1, id: 'b', name: 'log', argumentsDelta: '{"note":"' },
      { type: 'tool-call-delta', index: 1, argumentsDelta: '<PERSON_1' },
    ]);
  });

  it('leaves streams alone when the hook returns undefined, and chat() never calls it', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'Keep <PERSON_1> as is' });
    const asked: string[] = [];
    const plugin: RouterPlugin = {
      name: 'cloud-only',
      transformStream(attempt) {
        asked.push(attempt.kind);
        return attempt.kind === 'cloud' ? { push: () => 'rewritten', flush: () => '' } : undefined;
      },
    };
    const router = createRouter({ providers: [local], plugins: [plugin] });
    expect(textOf(await drain(router.stream(ask())))).toBe('Keep <PERSON_1> as is');
    expect((await router.chat(ask())).text).toBe('Keep <PERSON_1> as is');
    expect(asked).toEqual(['local']);
  });

  it('keeps applying the other transforms after one is dropped', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'one two three' });
    const brokenFirst: RouterPlugin = {
      name: 'broken-first',
      transformStream: () => ({
        push: () => {
          throw new Error('boom');
        },
        flush: () => '',
      }),
    };
    const bracket: RouterPlugin = {
      name: 'bracket',
      transformStream: () => ({ push: (_channel, delta) => `[${delta}]`, flush: () => '' }),
    };
    const router = createRouter({ providers: [local], plugins: [brokenFirst, bracket] });
    expect(textOf(await drain(router.stream(ask())))).toBe('[one][ two][ three]');
  });

  it('drops a transform that throws, with a warning, and passes the text on as given', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'as given by the model' });
    let pushes = 0;
    const router = createRouter({
      providers: [local],
      plugins: [
        {
          name: 'broken',
          transformStream: () => ({
            push: (_channel, delta) => {
              pushes++;
              if (pushes === 2) throw new Error('vault lost');
              return delta.toUpperCase();
            },
            flush: () => '',
          }),
        },
      ],
    });
    const log = recordEvents(router);
    const events = await drain(router.stream(ask()));
    expect(textOf(events)).toBe('AS given by the model');
    expect(pushes).toBe(2);
    expect(log.named('warning')[0]?.message).toMatch(/broken.transformStream failed: Error: vault lost/);
    const finish = events.at(-1);
    expect(finish?.type === 'finish' && finish.response.text).toBe('as given by the model');
  });
});

describe('hung plugin hooks', () => {
  it('end at the request deadline instead of hanging the request', async () => {
    const local = createFakeProvider({ id: 'local' });
    for (const plugin of [
      { name: 'route', route: () => new Promise<void>(() => {}) },
      { name: 'before', beforeAttempt: () => new Promise<void>(() => {}) },
    ] satisfies RouterPlugin[]) {
      const router = createRouter({ providers: [local], plugins: [plugin], timeouts: { totalMs: 30 } });
      const error = await failure(() => router.chat(ask()));
      expect({ plugin: plugin.name, code: (error as { code?: string }).code }).toEqual({
        plugin: plugin.name,
        code: 'timeout',
      });
    }
  });

  it('a judge that never answers keeps the answer already in hand, with a warning', async () => {
    const local = createFakeProvider({ id: 'local', reply: 'kept' });
    const router = createRouter({
      providers: [local],
      plugins: [{ name: 'judge', judge: () => new Promise<never>(() => {}) }],
      timeouts: { totalMs: 30 },
    });
    const log = recordEvents(router);
    expect((await router.chat(ask())).text).toBe('kept');
    expect(log.named('warning')[0]?.message).toMatch(/judge.judge failed/);
  });
});
