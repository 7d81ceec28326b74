import {
  type AuditRecord,
  type ChatRequest,
  createMemoryAuditSink,
  createRouter,
  type RequestContext,
  type RouterPlugin,
  type RouterStreamEvent,
} from '@switchyard/core';
import { createFakeProvider, type FakeProviderOptions } from '@switchyard/testing';

/** A request that asks for logprobs with three alternatives a token. */
export function ask(content = 'What is 6 times 7?', extra: Partial<ChatRequest> = {}): ChatRequest {
  return { messages: [{ role: 'user', content }], logprobs: true, topLogprobs: 3, ...extra };
}

/** Logprob of every token: confident (p ≈ 0.95) or unsure (p ≈ 0.2). */
export const CONFIDENT = Math.log(0.95);
export const UNSURE = Math.log(0.2);

/**
 * A router with a small local model, a larger local model and a cloud model (all fakes), an audit
 * sink, and the plugins given.
 */
export function setup(input: {
  plugins: RouterPlugin[];
  local?: Partial<FakeProviderOptions>;
  big?: Partial<FakeProviderOptions>;
  cloud?: Partial<FakeProviderOptions>;
}) {
  const local = createFakeProvider({
    id: 'local',
    kind: 'local',
    reply: 'The answer is 41',
    logprobs: CONFIDENT,
    ...input.local,
  });
  const big = createFakeProvider({
    id: 'big-local',
    kind: 'local',
    reply: 'It is 42 (big local)',
    logprobs: CONFIDENT,
    ...input.big,
  });
  const cloud = createFakeProvider({ id: 'cloud', kind: 'cloud', reply: 'It is 42 (cloud)', ...input.cloud });
  const audit = createMemoryAuditSink();
  const warnings: { code: string; message: string }[] = [];
  const router = createRouter({
    providers: [local, big, cloud],
    plugins: input.plugins,
    audit: { sinks: [audit], includeLogprobs: true },
    retry: { retries: 0 },
  });
  router.on('warning', (warning) => warnings.push({ code: warning.code, message: warning.message }));
  return { router, local, big, cloud, audit, warnings };
}

/** Streams a request and returns what the caller saw. */
export async function collect(
  stream: AsyncIterable<RouterStreamEvent>,
): Promise<{ events: RouterStreamEvent[]; text: string; provider: string | undefined }> {
  const events: RouterStreamEvent[] = [];
  let text = '';
  let provider: string | undefined;
  for await (const event of stream) {
    events.push(event);
    if (event.type === 'text-delta') text += event.text;
    if (event.type === 'route') provider = event.provider;
  }
  return { events, text, provider };
}

export function lastRecord(audit: { records: readonly AuditRecord[] }): AuditRecord {
  const record = audit.records[audit.records.length - 1];
  if (!record) throw new Error('no audit record written');
  return record;
}

export type { RequestContext };
