import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complexityRouter, logprobConfidence } from '../src/index';
import { ask, CONFIDENT, collect, lastRecord, setup, UNSURE } from './helpers';

const HARD_PROMPT =
  'Prove step by step that the algorithm below runs in O(n log n): ```python\ndef f(a):\n  return sorted(a)\n``` ' +
  'Then calculate how many comparisons it makes for 1024 elements, and explain why.';

describe('regulated data never escalates to cloud', () => {
  it('blocks a cloud-only escalation and keeps the local answer', async () => {
    const { router, cloud, audit } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'] })],
      local: { logprobs: UNSURE },
    });
    const response = await router.chat(ask(), { dataClass: 'regulated' });
    expect(response.provider).toBe('local');
    expect(response.routing.escalated).toBe(false);
    expect(cloud.calls).toHaveLength(0);
    expect(lastRecord(audit).escalation).toMatchObject({ escalated: false, blocked: true, to: [] });
  });

  it('escalates to a larger local model instead when one is listed', async () => {
    const { router, cloud, big } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud', 'big-local'] })],
      local: { logprobs: UNSURE },
    });
    const response = await router.chat(ask(), { dataClass: 'regulated' });
    expect(response.provider).toBe('big-local');
    expect(big.calls).toHaveLength(1);
    expect(cloud.calls).toHaveLength(0);
    const streamed = await collect(router.stream(ask(), { dataClass: 'regulated' }));
    expect(streamed.provider).toBe('big-local');
    expect(cloud.calls).toHaveLength(0);
  });

  it('the pre-router never sends a hard regulated request to cloud', async () => {
    const { router, cloud } = setup({ plugins: [complexityRouter({ threshold: 0, to: ['cloud'] })] });
    const plan = await router.explain(ask(HARD_PROMPT), { dataClass: 'regulated' });
    expect(plan.order).not.toContain('cloud');
    const response = await router.chat(ask(HARD_PROMPT), { dataClass: 'regulated' });
    expect(response.provider).toBe('local');
    expect(cloud.calls).toHaveLength(0);
  });

  it('holds under every combination of cascade, pre-router, stream and policy options', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          stream: fc.boolean(),
          unknown: fc.constantFrom('accept' as const, 'escalate' as const),
          streamBuffer: fc.constantFrom(0, 1, 3, 'all' as const),
          to: fc.constantFrom(['cloud'], ['cloud', 'big-local'], ['big-local', 'cloud']),
          threshold: fc.constantFrom(0, 0.5, 1),
          from: fc.constantFrom('local' as const, 'all' as const),
          logprobs: fc.constantFrom('confident', 'unsure', 'none'),
          preRouter: fc.boolean(),
          cascade: fc.boolean(),
          prompt: fc.constantFrom('hi', HARD_PROMPT),
        }),
        async (config) => {
          const plugins = [];
          if (config.preRouter) plugins.push(complexityRouter({ threshold: 0, to: ['cloud'] }));
          if (config.cascade || !config.preRouter) {
            plugins.push(
              logprobConfidence({
                threshold: config.threshold,
                to: [...config.to],
                unknown: config.unknown,
                streamBuffer: config.streamBuffer,
                from: config.from,
              }),
            );
          }
          const logprobs =
            config.logprobs === 'none' ? undefined : config.logprobs === 'unsure' ? UNSURE : CONFIDENT;
          const { router, cloud } = setup({ plugins, local: { logprobs }, big: { logprobs } });
          const provider = config.stream
            ? (await collect(router.stream(ask(config.prompt), { dataClass: 'regulated' }))).provider
            : (await router.chat(ask(config.prompt), { dataClass: 'regulated' })).provider;
          expect(provider).not.toBe('cloud');
          expect(cloud.calls).toHaveLength(0);
          await router.close();
        },
      ),
      { numRuns: 150 },
    );
  });
});
