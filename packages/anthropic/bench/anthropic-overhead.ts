/**
 * Added latency of the adapter over calling the official `@anthropic-ai/sdk` directly, both against
 * the same loopback simulator (in a child process): p50 of a whole non-streaming call, and p50 time
 * to the first text token of a stream. Calls alternate between the two so drift hits both alike.
 * Target: at most 5% added on each.
 *
 * Run: pnpm bench (node --conditions=@switchyard/source --import tsx bench/anthropic-overhead.ts)
 */
import { fork } from 'node:child_process';
import { measureOverhead } from '@switchyard/testing';
import Anthropic from '@anthropic-ai/sdk';
import { createAnthropic } from '../src/index';

const MODEL = 'claude-sonnet-5';

const child = fork(new URL('./simulator-child.ts', import.meta.url), {
  execArgv: ['--conditions=@switchyard/source', '--import', 'tsx'],
});
const { baseURL } = await new Promise<{ baseURL: string }>((resolve) =>
  child.once('message', resolve as never),
);

const system = 'You answer geography questions in one sentence.';
const question = 'What is the capital of France?';
const client = new Anthropic({ apiKey: 'sk-ant-bench', baseURL, maxRetries: 0 });
const provider = createAnthropic({ model: MODEL, apiKey: 'sk-ant-bench', baseURL });
const wire = {
  model: MODEL,
  max_tokens: 64,
  system: [{ type: 'text' as const, text: system }],
  messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: question }] }],
};
const request = {
  messages: [
    { role: 'system' as const, content: system },
    { role: 'user' as const, content: question },
  ],
  maxOutputTokens: 64,
};

async function sdkChat(): Promise<number> {
  const started = performance.now();
  await client.messages.create(wire);
  return performance.now() - started;
}

async function adapterChat(): Promise<number> {
  const started = performance.now();
  await provider.chat(request);
  return performance.now() - started;
}

async function sdkFirstToken(): Promise<number> {
  const started = performance.now();
  let first = 0;
  const stream = await client.messages.create({ ...wire, stream: true });
  for await (const event of stream) {
    if (first === 0 && event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      first = performance.now() - started;
    }
  }
  return first;
}

async function adapterFirstToken(): Promise<number> {
  const started = performance.now();
  let first = 0;
  for await (const event of provider.stream(request)) {
    if (first === 0 && event.type === 'text-delta') first = performance.now() - started;
  }
  return first;
}

const results = await measureOverhead(
  '@switchyard/anthropic vs the @anthropic-ai/sdk',
  [
    { name: 'non-streaming latency', baseline: sdkChat, adapter: adapterChat },
    { name: 'streaming first token', baseline: sdkFirstToken, adapter: adapterFirstToken },
  ],
  { baselineLabel: 'SDK' },
);
child.disconnect();
process.exitCode = results.every((result) => result.pass) ? 0 : 1;
