/**
 * `pnpm bench`: throughput and latency of `classify()`. Prints each figure with its target:
 * p50 <= 50 µs for a 2 KB prompt, >= 100 MB/s aggregate, 100 KB and 1 MB timings (time linear in
 * size), and every adversarial input <= 50 ms.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Bench } from 'tinybench';
import { createClassifier } from '../src/index';
import { adversarial, document, prompt } from './fixtures';

const org = {
  codenames: [
    'Project Nightjar',
    'ARGONAUT-7',
    'Project Saltmarsh',
    'CINDERWOOD',
    'Operation Tidewell',
    'VELVET HARBOR',
  ],
  clients: ['Pellucid Freight Systems', 'Oxbury & Lane Capital', 'Vantorra Biologics'],
  internalDomains: ['corp.example-co.com', 'eng.example-co.internal'],
};
const classifier = createClassifier({ org });

const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Median of individually timed calls (µs). */
function timeCalls(text: string, calls: number): { p50: number; p99: number } {
  for (let index = 0; index < 200; index++) classifier.classify(text);
  const samples: number[] = [];
  for (let index = 0; index < calls; index++) {
    const start = performance.now();
    classifier.classify(text);
    samples.push((performance.now() - start) * 1000);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

async function main(): Promise<void> {
  console.log('Switchyard classify — benchmark (2-core machine; other processes may add noise)\n');

  // tinybench: throughput per prompt size.
  const sizes = [512, 1024, 2048, 4096];
  // Warm the JIT on the prompts first: the pipeline takes a few seconds to reach the optimizing tier.
  // (Documents are not part of the warm-up: their first rounds re-optimize paths prompts never take,
  // which the document timings below include — warming on them measured slower overall.)
  const warmStart = performance.now();
  while (performance.now() - warmStart < 3000) for (const size of sizes) classifier.classify(prompt(size, 1));
  const bench = new Bench({ time: 800, warmupTime: 300 });
  for (const size of sizes) {
    const texts = [0, 1, 2, 3, 4].map((offset) => prompt(size, offset));
    let turn = 0;
    bench.add(`prompt ${size} B`, () => {
      classifier.classify(texts[turn++ % texts.length]!);
    });
  }
  await bench.run();
  console.log('tinybench (realistic prompts, 5 variants each):');
  console.table(
    bench.tasks.map((task) => {
      const size = Number(task.name.split(' ')[1]);
      const result = task.result as
        | { latency?: { p50?: number; mean?: number }; throughput?: { mean?: number } }
        | undefined;
      const hz = result?.throughput?.mean ?? 0;
      return {
        task: task.name,
        'ops/s': Math.round(hz),
        'p50 µs': ((result?.latency?.p50 ?? 0) * 1000).toFixed(1),
        'MB/s': ((hz * size) / 1e6).toFixed(1),
      };
    }),
  );

  // p50 for a 2 KB prompt, timed call by call.
  const prompt2k = prompt(2048, 2);
  const twoKb = timeCalls(prompt2k, 5000);
  console.log(
    `\n2 KB prompt: p50 ${twoKb.p50.toFixed(1)} µs, p99 ${twoKb.p99.toFixed(1)} µs  (target p50 <= 50 µs: ${verdict(twoKb.p50 <= 50)})`,
  );
  const cpuTwoKb = process.cpuUsage();
  for (let index = 0; index < 5000; index++) classifier.classify(prompt2k);
  const cpuTwoKbUsage = process.cpuUsage(cpuTwoKb);
  const cpuPerCall = (cpuTwoKbUsage.user + cpuTwoKbUsage.system) / 5000;
  console.log(`2 KB prompt, mean process CPU time per call: ${cpuPerCall.toFixed(1)} µs`);
  console.log(
    `Load average before the timed runs: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );

  // Documents.
  const doc100k = document(100_000);
  const doc1m = document(1_000_000);
  const timeDoc = (text: string, rounds: number) => {
    classifier.classify(text);
    const samples: number[] = [];
    for (let index = 0; index < rounds; index++) {
      const start = performance.now();
      classifier.classify(text);
      samples.push(performance.now() - start);
    }
    return percentile(samples, 50);
  };
  const ms100k = timeDoc(doc100k, 30);
  const ms1m = timeDoc(doc1m, 10);
  console.log(`100 KB document: ${ms100k.toFixed(2)} ms (${(0.1 / (ms100k / 1000)).toFixed(1)} MB/s)`);
  console.log(`1 MB document:   ${ms1m.toFixed(2)} ms (${(1 / (ms1m / 1000)).toFixed(1)} MB/s)`);
  const ratio = ms1m / ms100k;
  console.log(
    `1 MB / 100 KB time ratio: ${ratio.toFixed(1)} (linear = 10; target <= 13: ${verdict(ratio <= 13)})`,
  );

  // Aggregate: a realistic mix (prompts 0.5-4 KB plus the documents), total bytes / total time.
  const mix = [
    ...sizes.flatMap((size) => [0, 1, 2, 3, 4].map((offset) => prompt(size, offset))),
    doc100k,
    doc1m,
  ];
  const mixBytes = mix.reduce((sum, text) => sum + text.length, 0);
  let rounds = 0;
  const started = performance.now();
  while (performance.now() - started < 2000) {
    for (const text of mix) classifier.classify(text);
    rounds++;
  }
  const aggregate = (mixBytes * rounds) / 1e6 / ((performance.now() - started) / 1000);
  // CPU time of this process (user + system) over the same mix: less sensitive to other processes.
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < 3; round++) for (const text of mix) classifier.classify(text);
  const cpu = process.cpuUsage(cpuStart);
  const cpuAggregate = (mixBytes * 3) / 1e6 / ((cpu.user + cpu.system) / 1e6);
  const promptsOnly = mix.slice(0, -2);
  const promptBytes = promptsOnly.reduce((sum, text) => sum + text.length, 0);
  let promptRounds = 0;
  const promptStart = performance.now();
  while (performance.now() - promptStart < 1000) {
    for (const text of promptsOnly) classifier.classify(text);
    promptRounds++;
  }
  const promptAggregate = (promptBytes * promptRounds) / 1e6 / ((performance.now() - promptStart) / 1000);
  console.log(
    `\nAggregate throughput (prompts + 100 KB + 1 MB): ${aggregate.toFixed(1)} MB/s (target >= 100 MB/s: ${verdict(aggregate >= 100)})`,
  );
  console.log(`Aggregate throughput by CPU time (same mix): ${cpuAggregate.toFixed(1)} MB/s`);
  console.log(`Aggregate throughput (prompts 0.5-4 KB only): ${promptAggregate.toFixed(1)} MB/s`);

  // Adversarial inputs.
  console.log('\nAdversarial inputs (target <= 50 ms each):');
  let worst = 0;
  for (const { name, text } of adversarial()) {
    classifier.classify(text.slice(0, 1000));
    const samples: number[] = [];
    for (let index = 0; index < 5; index++) {
      const start = performance.now();
      classifier.classify(text);
      samples.push(performance.now() - start);
    }
    const ms = percentile(samples, 50);
    worst = Math.max(worst, ms);
    console.log(
      `  ${name.padEnd(36)} ${(text.length / 1e6).toFixed(2)} MB  ${ms.toFixed(2).padStart(8)} ms  ${verdict(ms <= 50)}`,
    );
  }
  console.log(`  worst: ${worst.toFixed(2)} ms (${verdict(worst <= 50)})`);
}

await main();
