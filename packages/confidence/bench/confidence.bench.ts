/**
 * `pnpm bench`: the two hot paths of @switchyard/confidence against their targets.
 * - scoring a 1,000-token answer with top-5 alternatives: <= 50 µs;
 * - the pre-router on a 2 KB prompt: <= 20 µs.
 */
import type { ChatRequest, ChatResponse, PluginContext, RouteDraft, TokenLogprob } from '@switchyard/core';
import os from 'node:os';
import { Bench } from 'tinybench';
import {
  complexityRouter,
  complexityScore,
  createConfidenceScorer,
  fitCalibration,
  generateSyntheticLogprobs,
  logprobConfidence,
  parseLabeledJsonl,
  seededRandom,
} from '../src/index';

const random = seededRandom(42);
const words = ['the', ' result', ' is', ' 42', ',', ' because', ' each', ' step', ' adds', ' one', '.', '\n'];

/** A 1,000-token answer: mostly confident tokens, some hesitant, five alternatives each. */
function answer(tokens: number): TokenLogprob[] {
  const out: TokenLogprob[] = [];
  for (let index = 0; index < tokens; index++) {
    const token = words[index % words.length]!;
    const probability = random() < 0.1 ? 0.2 + 0.5 * random() : 0.9 + 0.1 * random();
    const rest = 1 - probability;
    const topLogprobs = [{ token, logprob: Math.log(probability) }];
    for (const share of [0.5, 0.2, 0.1, 0.05])
      topLogprobs.push({ token: `${token}~`, logprob: Math.log(rest * share) });
    out.push({ token, logprob: Math.log(probability), topLogprobs });
  }
  return out;
}

/** A 2 KB prompt of mixed prose, numbers and a little code. */
function prompt(bytes: number): string {
  const sentences = [
    'A store sells 12 boxes of pencils each week, and each box holds 24 pencils. ',
    'First, compute how many pencils are sold in 6 weeks; then explain why the total changes if the price rises by 15%. ',
    'Write a short Python function `def total(weeks): return weeks * 12 * 24` and test it. ',
    'Summarize the answer in one sentence for the manager. ',
  ];
  let text = '';
  for (let index = 0; text.length < bytes; index++) text += sentences[index % sentences.length];
  return text.slice(0, bytes);
}

const logprobs = answer(1000);
const response: ChatResponse = {
  text: '',
  toolCalls: [],
  finishReason: 'stop',
  usage: { inputTokens: 10, outputTokens: 1000, cacheReadTokens: 0, cacheWriteTokens: 0 },
  logprobs,
  provider: 'local',
  model: 'bench',
  latencyMs: 0,
};
const request: ChatRequest = {
  messages: [{ role: 'user', content: prompt(2048) }],
  logprobs: true,
  topLogprobs: 5,
};
const context = {
  requestId: 'bench',
  request,
  workload: undefined,
  tags: {},
  dataClass: 'internal',
  classification: undefined,
  stream: false,
  startedAt: 0,
  plan: undefined,
  state: new Map(),
  emit: () => {},
} as PluginContext;
const localProvider = { id: 'local', kind: 'local' as const, model: 'bench' } as never;
const draft: RouteDraft = {
  candidates: [
    {
      provider: 'local',
      kind: 'local',
      model: 'm',
      eligible: true,
      rank: 0,
      rule: 'class-order',
      reason: '',
    },
    {
      provider: 'cloud',
      kind: 'cloud',
      model: 'm',
      eligible: true,
      rank: 1,
      rule: 'class-order',
      reason: '',
    },
  ],
  exclude: () => {},
  prefer: () => {},
};

const training = parseLabeledJsonl(
  generateSyntheticLogprobs({ count: 1000, seed: 1 })
    .map((row) => JSON.stringify(row))
    .join('\n'),
).examples;
const { calibration } = fitCalibration(training, { folds: 0 });
const scoreP10 = createConfidenceScorer();
const scoreCalibrated = createConfidenceScorer({ calibration });
const cascade = logprobConfidence({ threshold: 0.5, to: ['cloud'] });
const preRouter = complexityRouter({ threshold: 0.7, to: ['cloud'] });
const text = request.messages[0]!.content as string;

let sink = 0;
const tasks: [string, number, () => void][] = [
  [
    'confidence: score 1,000 tokens × top-5 (p10)',
    50,
    () => {
      sink += scoreP10(logprobs).score ?? 0;
    },
  ],
  [
    'confidence: score 1,000 tokens × top-5 (calibrated)',
    50,
    () => {
      sink += scoreCalibrated(logprobs).score ?? 0;
    },
  ],
  [
    'confidence: plugin judge() on a 1,000-token answer',
    50,
    () => {
      const decision = cascade.judge!(response, context, { partial: false, provider: localProvider });
      sink += (decision as { confidence: number }).confidence;
    },
  ],
  [
    'pre-router: complexityScore(2 KB prompt)',
    20,
    () => {
      sink += complexityScore(text).score;
    },
  ],
  [
    'pre-router: plugin route() on a 2 KB prompt',
    20,
    () => {
      preRouter.route!(draft, context);
    },
  ],
];

// Three rounds: on a shared machine other processes steal time unevenly, so each task's figure is its
// best round's median (the worst round's median is printed beside it).
const ROUNDS = 3;
const medians = new Map<string, number[]>();
const means = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++) {
  const bench = new Bench({ time: 700, warmupTime: 200 });
  for (const [name, , fn] of tasks) bench.add(name, fn);
  await bench.run();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    medians.set(task.name, [...(medians.get(task.name) ?? []), result.latency.p50 * 1000]);
    means.set(task.name, [...(means.get(task.name) ?? []), result.latency.mean * 1000]);
  }
}

console.log(
  `node ${process.version}, ${process.platform}/${process.arch}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`,
);
let failed = false;
for (const [name, target] of tasks) {
  const roundMedians = medians.get(name)!;
  const best = Math.min(...roundMedians);
  const worst = Math.max(...roundMedians);
  const mean = Math.min(...means.get(name)!);
  const ok = best <= target;
  if (!ok) failed = true;
  console.log(
    `${name.padEnd(52)} median ${best.toFixed(2).padStart(7)} µs (worst round ${worst.toFixed(2).padStart(7)}, best-round mean ${mean.toFixed(2).padStart(7)})  target <= ${target} µs: ${ok ? 'OK' : 'OVER'} (${(best / target).toFixed(2)}× the target)`,
  );
}
if (sink === Number.NEGATIVE_INFINITY) console.log(sink);
if (failed) process.exitCode = 1;
