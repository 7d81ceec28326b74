/**
 * Added latency of the adapter over calling the official `openai` SDK directly, both against the
 * same loopback simulator (in a child process): p50 of a whole non-streaming call, and p50 time to
 * the first text token of a stream. Calls alternate between the two so drift hits both alike.
 * Target: at most 5% added on each.
 *
 * Run: pnpm bench (node --conditions=@switchyard/source --import tsx bench/openai-overhead.ts)
 */
import { fork } from 'node:child_process';
import { measureOverhead } from '@switchyard/testing';
import OpenAI from 'openai';
import { createOpenAI } from '../src/index';

const child = fork(new URL('./simulator-child.ts', import.meta.url), {
  execArgv: ['--conditions=@switchyard/source', '--import', 'tsx'],
});
const { baseURL } = await new Promise<{ baseURL: string }>((resolve) =>
  child.once('message', resolve as never),
);

const messages = [
  { role: 'system' as const, content: 'You answer geography questions in one sentence.' },
  { role: 'user' as const, content: 'What is the capital of France?' },
];
const client = new OpenAI({ apiKey: 'sk-bench', baseURL, maxRetries: 0 });
const provider = createOpenAI({ model: 'gpt-4o-mini', apiKey: 'sk-bench', baseURL });

async function sdkChat(): Promise<number> {
  const started = performance.now();
  await client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_completion_tokens: 64 });
  return performance.now() - started;
}

async function adapterChat(): Promise<number> {
  const started = performance.now();
  await provider.chat({ messages, maxOutputTokens: 64 });
  return performance.now() - started;
}

async function sdkFirstToken(): Promise<number> {
  const started = performance.now();
  let first = 0;
  const stream = await client.chat.completions.create({
    model: 'gpt-4o-mini',
    messages,
    max_completion_tokens: 64,
    stream: true,
    stream_options: { include_usage: true },
  });
  for await (const chunk of stream) {
    if (first === 0 && chunk.choices[0]?.delta.content) first = performance.now() - started;
  }
  return first;
}

async function adapterFirstToken(): Promise<number> {
  const started = performance.now();
  let first = 0;
  for await (const event of provider.stream({ messages, maxOutputTokens: 64 })) {
    if (first === 0 && event.type === 'text-delta') first = performance.now() - started;
  }
  return first;
}

const results = await measureOverhead(
  '@switchyard/openai vs the openai SDK',
  [
    { name: 'non-streaming latency', baseline: sdkChat, adapter: adapterChat },
    { name: 'streaming first token', baseline: sdkFirstToken, adapter: adapterFirstToken },
  ],
  { baselineLabel: 'SDK' },
);
child.disconnect();
process.exitCode = results.every((result) => result.pass) ? 0 : 1;
