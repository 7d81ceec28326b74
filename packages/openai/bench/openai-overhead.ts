/**
 * Added latency of the adapter over calling the official `openai` SDK directly, both against the
 * same loopback simulator (in a child process): p50 of a whole non-streaming call, and p50 time to
 * the first text token of a stream. Calls alternate between the two so drift hits both alike.
 * Target: at most 5% added on each.
 *
 * Run: pnpm bench (node --conditions=@switchyard/source --import tsx bench/openai-overhead.ts)
 */
import { fork } from 'node:child_process';
import OpenAI from 'openai';
import { createOpenAI } from '../src/index';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 3000);
const WARMUP = 300;
const TARGET = 0.05;

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
  `@switchyard/openai overhead vs the openai SDK, ${ITERATIONS} alternating calls each, loopback simulator`,
);
const chat = await compare('non-streaming latency', sdkChat, adapterChat);
const stream = await compare('streaming first token', sdkFirstToken, adapterFirstToken);
console.log(chat && stream ? 'within target' : 'target missed');
child.disconnect();
