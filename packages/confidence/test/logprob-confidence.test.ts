import { ConfigError } from '@switchyard/core';
import { describe, expect, it } from 'vitest';
import {
  fitCalibration,
  generateSyntheticLogprobs,
  logprobConfidence,
  parseLabeledJsonl,
} from '../src/index';
import { ask, CONFIDENT, collect, lastRecord, setup, UNSURE } from './helpers';

describe('logprobConfidence: non-streaming cascade', () => {
  it('keeps a confident local answer and records the confidence in the audit record', async () => {
    const { router, cloud, audit } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'] })],
    });
    const response = await router.chat(ask());
    expect(response.provider).toBe('local');
    expect(response.routing.escalated).toBe(false);
    expect(response.routing.confidence).toBeCloseTo(0.95, 6);
    expect(cloud.calls).toHaveLength(0);
    const record = lastRecord(audit);
    expect(record.escalation).toMatchObject({ escalated: false, from: 'local', blocked: false });
    expect(record.escalation!.confidence).toBeCloseTo(0.95, 6);
    expect(record.escalation!.detail).toMatchObject({
      method: 'p10',
      threshold: 0.5,
      partial: false,
      tokens: 4,
    });
  });

  it('escalates an unsure local answer to the cloud, marking the local call discarded with its usage', async () => {
    const { router, local, cloud, audit } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'] })],
      local: { logprobs: UNSURE },
    });
    const response = await router.chat(ask());
    expect(response.provider).toBe('cloud');
    expect(response.text).toBe('It is 42 (cloud)');
    expect(response.routing.escalated).toBe(true);
    expect(response.routing.confidence).toBeCloseTo(0.2, 6);
    expect(local.calls).toHaveLength(1);
    expect(cloud.calls).toHaveLength(1);
    const record = lastRecord(audit);
    expect(record.provider).toBe('cloud');
    expect(record.escalation).toMatchObject({
      escalated: true,
      from: 'local',
      to: ['cloud'],
      blocked: false,
    });
    expect(record.escalation!.reason).toMatch(/^confidence 0\.200 < threshold 0\.500/);
    const signals = (record.escalation!.detail as { signals: Record<string, number> }).signals;
    expect(signals.minLogprob).toBeCloseTo(UNSURE, 9);
    expect(signals.tokens).toBe(4);
    const discarded = record.attempts.find((attempt) => attempt.provider === 'local')!;
    expect(discarded.outcome).toBe('discarded');
    expect(discarded.usage!.outputTokens).toBe(4);
  });

  it('escalates on the low quantile even when the mean looks fine', async () => {
    // Two unsure tokens in ten: the geometric mean stays above 0.5, the 10th percentile does not.
    const logprobs = (index: number) => (index === 3 || index === 7 ? Math.log(0.05) : CONFIDENT);
    const reply = 'one two three four five six seven eight nine ten';
    const byMean = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'], method: 'mean' })],
      local: { reply, logprobs },
    });
    expect((await byMean.router.chat(ask())).provider).toBe('local');
    const byQuantile = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'] })],
      local: { reply, logprobs },
    });
    expect((await byQuantile.router.chat(ask())).provider).toBe('cloud');
  });

  it('does not judge cloud answers by default (public data goes to cloud first)', async () => {
    const { router, audit } = setup({
      plugins: [logprobConfidence({ threshold: 0.99, to: ['big-local'] })],
      cloud: { logprobs: UNSURE },
    });
    const response = await router.chat(ask(), { dataClass: 'public' });
    expect(response.provider).toBe('cloud');
    expect(lastRecord(audit).escalation).toBeUndefined();
  });

  it('judges the providers named in `from`', async () => {
    const { router } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['big-local'], from: ['cloud'] })],
      cloud: { logprobs: UNSURE },
    });
    expect((await router.chat(ask(), { dataClass: 'public' })).provider).toBe('big-local');
  });
});

describe('logprobConfidence: unknown confidence', () => {
  it('accepts by default when the provider gives no logprobs, with confidence null', async () => {
    const { router, cloud, audit } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'] })],
      local: { logprobs: undefined },
    });
    const response = await router.chat(ask());
    expect(response.provider).toBe('local');
    expect(response.routing.confidence).toBeNull();
    expect(cloud.calls).toHaveLength(0);
    expect(lastRecord(audit).escalation).toMatchObject({ escalated: false, confidence: null });
    expect(lastRecord(audit).escalation!.reason).toContain('local returned no logprobs');
  });

  it("escalates unknown confidence with unknown: 'escalate'", async () => {
    const { router } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'], unknown: 'escalate' })],
      local: { logprobs: undefined },
    });
    const response = await router.chat(ask());
    expect(response.provider).toBe('cloud');
    expect(response.routing.confidence).toBeNull();
  });

  it('warns once when requests do not ask for logprobs and the plugin may not add them', async () => {
    const { router, warnings } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'], requestLogprobs: false })],
    });
    const response = await router.chat({ messages: [{ role: 'user', content: 'hi' }] });
    await router.chat({ messages: [{ role: 'user', content: 'hi again' }] });
    expect(response.routing.confidence).toBeNull();
    expect(warnings.filter((warning) => warning.code === 'confidence_logprobs_not_requested')).toHaveLength(
      1,
    );
  });

  it('asks the judged provider for logprobs itself, and not the escalation target', async () => {
    const { router, warnings } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'] })],
      local: { logprobs: UNSURE },
    });
    const response = await router.chat({ messages: [{ role: 'user', content: 'hi' }] });
    expect(response.routing.escalated).toBe(true);
    expect(response.routing.confidence).not.toBeNull();
    expect(warnings.filter((warning) => warning.code === 'confidence_logprobs_not_requested')).toHaveLength(0);
  });
});

describe('logprobConfidence: streaming (buffer, then decide)', () => {
  it('holds the whole unsure local answer back and streams only the cloud answer', async () => {
    const { router, audit } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'] })],
      local: { logprobs: UNSURE },
    });
    const seen = await collect(router.stream(ask()));
    expect(seen.provider).toBe('cloud');
    expect(seen.text).toBe('It is 42 (cloud)');
    expect(seen.events.filter((event) => event.type === 'route')).toHaveLength(1);
    const finish = seen.events.at(-1)!;
    expect(finish.type === 'finish' && finish.response.routing.escalated).toBe(true);
    const record = lastRecord(audit);
    expect(record.stream).toBe(true);
    expect(record.escalation).toMatchObject({ escalated: true, from: 'local' });
    expect(record.attempts.find((attempt) => attempt.provider === 'local')).toMatchObject({
      outcome: 'discarded',
      usage: { outputTokens: 4 },
    });
  });

  it('releases a confident local stream unchanged', async () => {
    const { router, cloud } = setup({ plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'] })] });
    const seen = await collect(router.stream(ask()));
    expect(seen.provider).toBe('local');
    expect(seen.text).toBe('The answer is 41');
    expect(cloud.calls).toHaveLength(0);
  });

  it('judges only the first N tokens with streamBuffer: N (partial)', async () => {
    // Confident for two tokens, then unsure: a 2-token buffer keeps it, the whole answer would not.
    const logprobs = (index: number) => (index < 2 ? CONFIDENT : UNSURE);
    const partial = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'], streamBuffer: 2 })],
      local: { logprobs },
    });
    const kept = await collect(partial.router.stream(ask()));
    expect(kept.provider).toBe('local');
    expect(kept.text).toBe('The answer is 41');
    const detail = lastRecord(partial.audit).escalation!.detail as { partial: boolean; tokens: number };
    expect(detail.partial).toBe(true);
    // The router counts text deltas; this fake sends each token's logprobs just after its delta, so the
    // judge may see one logprob fewer than the buffer.
    expect(detail.tokens).toBeGreaterThanOrEqual(1);
    expect(detail.tokens).toBeLessThanOrEqual(2);
    const whole = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'] })],
      local: { logprobs },
    });
    expect((await collect(whole.router.stream(ask()))).provider).toBe('cloud');
  });

  it('decides at once for a provider that declares no logprobs', async () => {
    const { router, audit } = setup({
      plugins: [logprobConfidence({ threshold: 0.5, to: ['cloud'], unknown: 'escalate' })],
      local: { logprobs: undefined, capabilities: { logprobs: false } },
    });
    const seen = await collect(router.stream(ask()));
    expect(seen.provider).toBe('cloud');
    expect(lastRecord(audit).escalation).toMatchObject({ escalated: true, confidence: null });
  });

  it('streams straight through for providers it does not judge', async () => {
    const plugin = logprobConfidence({ threshold: 0.5, to: ['cloud'], streamBuffer: 8 });
    const { cloud, local } = setup({ plugins: [plugin] });
    const context = {} as never;
    expect(plugin.streamBuffer!(cloud, context)).toBeUndefined();
    expect(plugin.streamBuffer!(local, context)).toBe(8);
  });
});

describe('logprobConfidence: calibration and options', () => {
  it('scores with a fitted calibration and its threshold', async () => {
    const rows = generateSyntheticLogprobs({ count: 800, seed: 5 });
    const { examples } = parseLabeledJsonl(rows.map((row) => JSON.stringify(row)).join('\n'));
    const { calibration } = fitCalibration(examples, { target: { escalationRate: 0.3 } });
    const hesitant = setup({
      plugins: [logprobConfidence({ calibration, to: ['cloud'] })],
      local: { logprobs: (index: number) => (index === 1 ? Math.log(0.15) : Math.log(0.99)) },
    });
    const escalated = await hesitant.router.chat(ask());
    expect(escalated.provider).toBe('cloud');
    expect(lastRecord(hesitant.audit).escalation!.detail).toMatchObject({
      method: 'calibrated',
      threshold: calibration.threshold,
    });
    const sure = setup({
      plugins: [logprobConfidence({ calibration, to: ['cloud'] })],
      local: { logprobs: Math.log(0.99) },
    });
    expect((await sure.router.chat(ask())).provider).toBe('local');
  });

  it('rejects bad options with ConfigError naming the field', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ to: ['cloud'] }, 'logprobConfidence.threshold'],
      [{ threshold: 2, to: ['cloud'] }, 'logprobConfidence.threshold'],
      [{ threshold: 0.5, to: [] }, 'logprobConfidence.to'],
      [{ threshold: 0.5, to: ['cloud'], unknown: 'maybe' }, 'logprobConfidence.unknown'],
      [{ threshold: 0.5, to: ['cloud'], streamBuffer: -1 }, 'logprobConfidence.streamBuffer'],
      [{ threshold: 0.5, to: ['cloud'], method: 'median' }, 'logprobConfidence.method'],
      [{ threshold: 0.5, to: ['cloud'], thresold: 1 }, 'logprobConfidence'],
      [{ calibration: { version: 1 }, to: ['cloud'] }, 'logprobConfidence.calibration.kind'],
    ];
    for (const [options, field] of cases) {
      try {
        logprobConfidence(options as never);
        expect.unreachable(`accepted ${JSON.stringify(options)}`);
      } catch (error) {
        expect(ConfigError.isInstance(error), String(error)).toBe(true);
        expect((error as ConfigError).field).toBe(field);
      }
    }
  });
});
