/**
 * Added latency of the adapter over calling the official `@anthropic-ai/sdk` directly, both against
 * the same loopback simulator (in a child process): p50 of a whole non-streaming call, and p50 time
 * to the first text token of a stream. Calls alternate between the two so drift hits both alike.
 * Target: at most 5% added on each.
 *
 * Run: pnpm bench (node --conditions=@switchyard/source --import tsx bench/anthropic-overhead.ts)
 */
import { fork } from 'node:child_process';
import Anthropic from '@anthropic-ai/sdk';
import { createAnthropic } from '../src/index';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 3000);
const WARMUP = 300;
const TARGET = 0.05;
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function compare(name: string, direct: () => Promise<number>, adapter: () => Promise<number>) {
  for (let index = 0; index < WARMUP; index++) {
    await direct();
    await adapter();
  }
  const directTimes: number[] = [];
  const adapterTimes: number[] = [];
  for (let index = 0; index < ITERATIONS; index++) {
    // Alternate which goes first, so neither always follows the other.
    if (index % 2 === 0) {
      directTimes.push(await direct());
      adapterTimes.push(await adapter());
    } else {
      adapterTimes.push(await adapter());
      directTimes.push(await direct());
    }
  }
  const sdk = median(directTimes);
  const ours = median(adapterTimes);
  const added = ours / sdk - 1;
  const verdict = added <= TARGET ? 'PASS' : 'MISS';
  console.log(
    `${name.padEnd(26)} SDK p50 ${sdk.toFixed(3)} ms | adapter p50 ${ours.toFixed(3)} ms | added ${(added * 100).toFixed(2)}% (target <= ${TARGET * 100}%) ${verdict}`,
  );
  return added <= TARGET;
}

console.log(
  `@switchyard/anthropic overhead vs the Anthropic SDK, ${ITERATIONS} alternating calls each, loopback simulator`,
);
const chat = await compare('non-streaming latency', sdkChat, adapterChat);
const stream = await compare('streaming first token', sdkFirstToken, adapterFirstToken);
console.log(chat && stream ? 'within target' : 'target missed');
child.disconnect();
