import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import { type ComplexityResult, complexityRouter, logprobConfidence } from '../src/index';
import { ask, collect, lastRecord, setup, UNSURE } from './helpers';

const HARD =
  'Implement a function in Python that returns the longest palindromic substring in O(n^2) time, and explain why it is correct step by step.';
const EASY = 'Translate "good morning" into French.';

describe('complexityRouter (pre-generation)', () => {
  it('sends a clearly hard request straight to cloud, before any local call', async () => {
    const { router, local, cloud, audit } = setup({
      plugins: [complexityRouter({ threshold: 0.7, to: ['cloud'] })],
    });
    const response = await router.chat(ask(HARD));
    expect(response.provider).toBe('cloud');
    expect(local.calls).toHaveLength(0);
    expect(cloud.calls).toHaveLength(1);
    expect(lastRecord(audit).reason).toMatch(
      /^complexity-router: complexity 0\.\d{3} >= 0\.7: hard request, straight to cloud/,
    );
  });

  it('leaves an easy request on the local model', async () => {
    const { router, cloud } = setup({ plugins: [complexityRouter({ threshold: 0.7, to: ['cloud'] })] });
    expect((await router.chat(ask(EASY))).provider).toBe('local');
    expect(cloud.calls).toHaveLength(0);
  });

  it('explains its decision in the plan and keeps its score in the request state', async () => {
    let seen: ComplexityResult | undefined;
    const { router } = setup({
      plugins: [
        complexityRouter({ threshold: 0.7, to: ['cloud'] }),
        {
          name: 'spy',
          beforeAttempt: (_attempt, context) => {
            seen = context.state.get('complexity-router') as ComplexityResult;
          },
        },
      ],
    });
    const plan = await router.explain(ask(HARD));
    expect(plan.order[0]).toBe('cloud');
    expect(plan.candidates.find((candidate) => candidate.provider === 'cloud')!.rule).toBe(
      'complexity-router',
    );
    await router.chat(ask(HARD));
    expect(seen!.score).toBeGreaterThanOrEqual(0.7);
    expect(seen!.features.code).toBeGreaterThan(0);
  });

  it('applies a per-workload prior', async () => {
    const { router } = setup({
      plugins: [complexityRouter({ threshold: 0.7, to: ['cloud'], workloads: { agent: 5, chit: -5 } })],
    });
    expect((await router.chat(ask(EASY), { workload: 'agent' })).provider).toBe('cloud');
    expect((await router.chat(ask(HARD), { workload: 'chit' })).provider).toBe('local');
  });

  it('combines with the cascade: easy requests still escalate when the local model is unsure', async () => {
    const { router, local, cloud } = setup({
      plugins: [
        complexityRouter({ threshold: 0.7, to: ['cloud'] }),
        logprobConfidence({ threshold: 0.5, to: ['cloud'] }),
      ],
      local: { logprobs: UNSURE },
    });
    const hard = await router.chat(ask(HARD));
    expect(hard.provider).toBe('cloud');
    expect(hard.routing.escalated).toBe(false);
    expect(local.calls).toHaveLength(0);
    const easy = await collect(router.stream(ask(EASY)));
    expect(easy.provider).toBe('cloud');
    expect(local.calls).toHaveLength(1);
    expect(cloud.calls).toHaveLength(2);
  });

  it('rejects bad options with ConfigError naming the field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ to: ['cloud'] }, 'complexityRouter.threshold'],
      [{ threshold: -0.1, to: ['cloud'] }, 'complexityRouter.threshold'],
      [{ threshold: 0.5, to: [] }, 'complexityRouter.to'],
      [{ threshold: 0.5, to: ['cloud'], workloads: { agent: 'high' } }, 'complexityRouter.workloads.agent'],
      [{ threshold: 0.5, to: ['cloud'], scope: 'system' }, 'complexityRouter.scope'],
    ];
    for (const [options, field] of cases) {
      try {
        complexityRouter(options as never);
        expect.unreachable(`accepted ${JSON.stringify(options)}`);
      } catch (error) {
        expect(ConfigError.isInstance(error), String(error)).toBe(true);
        expect((error as ConfigError).field).toBe(field);
      }
    }
  });
});
