import { ConfigError, createRouter, type Provider, type StreamEvent } from '@switchyard/core';
import { createFakeProvider } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { createClassifier } from '../create-classifier';

const classifier = createClassifier();
const pii = 'Draft a reply to Jane Doe at jane.doe@example.com about moving our call to Thursday.';

/** `chunk`: the cloud streams its text in pieces of this many characters (tokens cut in between). */
function setup(options?: Parameters<typeof classifier.redactForCloud>[0], chunk?: number) {
  const local = createFakeProvider({ id: 'local', health: 'down' });
  const cloud = createFakeProvider({
    id: 'cloud',
    kind: 'cloud',
    // Echo the e-mail token back, as a model drafting a reply would.
    reply: (request) =>
      `To: ${/<EMAIL_ADDRESS_[0-9a-f]+>|\[EMAIL_ADDRESS\]|\*{5,}/.exec(String(request.messages[0]?.content))?.[0] ?? '?'}`,
  });
  const streamed: Provider =
    chunk === undefined ? cloud : { ...cloud, stream: (request) => rechunk(cloud.stream(request), chunk) };
  const router = createRouter({
    providers: [local, streamed],
    classifier: classifier.forRouter(),
    plugins: [classifier.redactForCloud(options)],
    probes: { healthTtlMs: 0 },
  });
  return { local, cloud, router };
}

async function* rechunk(events: AsyncIterable<StreamEvent>, size: number): AsyncGenerator<StreamEvent> {
  for await (const event of events) {
    if (event.type !== 'text-delta') yield event;
    else
      for (let at = 0; at < event.text.length; at += size)
        yield { type: 'text-delta', text: event.text.slice(at, at + size) };
  }
}

describe('redactForCloud', () => {
  it('pseudonymizes PII bound for cloud and re-identifies the answer', async () => {
    const { cloud, router } = setup();
    const response = await router.chat({ messages: [{ role: 'user', content: pii }] });
    expect(response.routing.dataClass).toBe('internal');
    const sent = String(cloud.calls[0]?.request.messages[0]?.content);
    expect(sent).not.toContain('jane.doe@example.com');
    expect(sent).toMatch(/<EMAIL_ADDRESS_[0-9a-f]{8,}>/);
    expect(response.text).toBe('To: jane.doe@example.com');
  });

  it('re-identifies a streamed answer delta by delta, and its finish event', async () => {
    const { cloud, router } = setup({}, 5);
    const deltas: string[] = [];
    let finished = '';
    for await (const event of router.stream({ messages: [{ role: 'user', content: pii }] })) {
      if (event.type === 'text-delta') deltas.push(event.text);
      if (event.type === 'finish') finished = event.response.text;
    }
    expect(cloud.calls[0]?.request.messages[0]?.content).not.toContain('jane.doe@example.com');
    // The cloud streams the token in five-character pieces; none of them reaches the caller as such.
    expect(deltas.length).toBeGreaterThan(1);
    for (const delta of deltas) expect(delta).not.toMatch(/EMAIL|ADDRESS|[0-9a-f]{5}/);
    expect(deltas.join('')).toBe('To: jane.doe@example.com');
    expect(finished).toBe('To: jane.doe@example.com');
  });

  it('replaces with type tokens or masks when asked (no re-identification)', async () => {
    const typed = setup({ mode: 'type' });
    const response = await typed.router.chat({ messages: [{ role: 'user', content: pii }] });
    expect(String(typed.cloud.calls[0]?.request.messages[0]?.content)).toContain('[EMAIL_ADDRESS]');
    expect(response.text).toBe('To: [EMAIL_ADDRESS]');
    const masked = setup({ mode: 'mask' });
    await masked.router.chat({ messages: [{ role: 'user', content: pii }] });
    expect(String(masked.cloud.calls[0]?.request.messages[0]?.content)).not.toContain('jane.doe@example.com');
  });

  it('leaves requests for local providers and requests without PII unchanged', async () => {
    const local = createFakeProvider({ id: 'local' });
    const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud' });
    const router = createRouter({
      providers: [local, cloud],
      classifier: classifier.forRouter(),
      plugins: [classifier.redactForCloud()],
    });
    await router.chat({ messages: [{ role: 'user', content: pii }] });
    expect(local.calls[0]?.request.messages[0]?.content).toBe(pii);
    await router.chat(
      { messages: [{ role: 'user', content: 'Write a haiku about autumn.' }] },
      { dataClass: 'public' },
    );
    expect(cloud.calls[0]?.request.messages[0]?.content).toBe('Write a haiku about autumn.');
  });

  it('validates its options', () => {
    expect(() => classifier.redactForCloud({ mode: 'blur' as never })).toThrow(ConfigError);
    expect(() => classifier.redactForCloud({ key: 'short' })).toThrow(/redactForCloud.key/);
  });
});
