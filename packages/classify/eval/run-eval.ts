/**
 * `pnpm eval:classify`: scores the classifier on the development corpus (per-label precision,
 * recall and F2, the regulated-vs-not confusion matrix, every miss by id), then runs redact-pii and
 * @redactpii/node on the same texts for the labels their entity types cover (recall and speed).
 *
 * Options: `--corpus <dir>` (or SWITCHYARD_CORPUS_DIR), `--file <name.jsonl>`, `--json <out.json>`.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createClassifier, LABELS, type Label } from '../src/index';
import { type Baseline, loadRedactPii, loadRedactPiiNode } from './baselines';
import { corpusDir, loadCorpus } from './corpus';
import { countLabels, f2, num, precision, recall } from './metrics';

const REGULATED: readonly Label[] = ['phi', 'npi', 'privileged', 'trade_secret', 'credentials'];
const TARGETS = { regulatedRecall: 0.99, regulatedPrecision: 0.95, labelRecall: 0.95 };

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function throughput(
  texts: readonly string[],
  run: (text: string) => unknown,
  minMs = 1000,
): { mbPerS: number; usPerText: number } {
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  // Warm up long enough for the JIT to reach its optimizing tier (a few seconds for a large pipeline).
  const warmStart = performance.now();
  while (performance.now() - warmStart < 2500) for (const text of texts) run(text);
  let rounds = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const text of texts) run(text);
    rounds++;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return {
    mbPerS: (bytes * rounds) / 1e6 / (elapsed / 1000),
    usPerText: (elapsed * 1000) / (rounds * texts.length),
  };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

async function main(): Promise<void> {
  const dir = corpusDir();
  const { cases, org } = loadCorpus(dir, arg('--file') ?? 'dev.jsonl');
  const classifier = createClassifier({ org });
  const rows = cases.map((item) => {
    const result = classifier.classify(item.text);
    return {
      id: item.id,
      expected: new Set(item.labels),
      predicted: new Set(result.labels),
      dataClass: result.dataClass,
      detectors: [...new Set(result.findings.map((finding) => finding.type))],
    };
  });
  console.log(`Switchyard classify — eval on ${dir} (${cases.length} cases, org config: org.json)\n`);

  const counts = countLabels(rows, LABELS);
  const labelRows = LABELS.map((label) => {
    const c = counts.get(label)!;
    return [
      label,
      String(c.tp + c.fn),
      num(precision(c)),
      num(recall(c)),
      num(f2(c)),
      recall(c) >= TARGETS.labelRecall ? 'ok' : 'MISS',
    ];
  });
  console.log('Per-label (target: recall >= 0.95)');
  console.log(table(['label', 'support', 'precision', 'recall', 'F2', 'target'], labelRows));

  // Regulated vs not.
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  const regulatedMisses: string[] = [];
  const regulatedFalseAlarms: string[] = [];
  for (const row of rows) {
    const expected = REGULATED.some((label) => row.expected.has(label));
    const predicted = row.dataClass === 'regulated';
    if (expected && predicted) tp++;
    else if (expected) {
      fn++;
      regulatedMisses.push(row.id);
    } else if (predicted) {
      fp++;
      regulatedFalseAlarms.push(row.id);
    } else tn++;
  }
  const regRecall = tp / Math.max(1, tp + fn);
  const regPrecision = tp / Math.max(1, tp + fp);
  console.log('\nRegulated vs not (confusion matrix)');
  console.log(
    table(
      ['', 'predicted regulated', 'predicted not'],
      [
        ['actual regulated', String(tp), String(fn)],
        ['actual not', String(fp), String(tn)],
      ],
    ),
  );
  console.log(
    `regulated recall ${num(regRecall)} (target >= ${TARGETS.regulatedRecall}: ${regRecall >= TARGETS.regulatedRecall ? 'ok' : 'MISS'}), ` +
      `precision ${num(regPrecision)} (target >= ${TARGETS.regulatedPrecision}: ${regPrecision >= TARGETS.regulatedPrecision ? 'ok' : 'MISS'})`,
  );

  console.log('\nMisses (false negatives) by label');
  for (const label of LABELS) {
    const c = counts.get(label)!;
    console.log(`  ${label.padEnd(13)} missed: ${c.missed.join(', ') || '-'}`);
    console.log(`  ${''.padEnd(13)} extra:  ${c.extra.join(', ') || '-'}`);
  }
  console.log(`  regulated     missed: ${regulatedMisses.join(', ') || '-'}`);
  console.log(`  regulated     false alarms: ${regulatedFalseAlarms.join(', ') || '-'}`);

  // Baselines, side by side, on the labels their entity types cover.
  const texts = cases.map((item) => item.text);
  const ours = throughput(texts, (text) => classifier.classify(text));
  const baselines: Array<Baseline | { name: string; error: string }> = [];
  for (const load of [loadRedactPii, loadRedactPiiNode]) {
    try {
      baselines.push(await load());
    } catch (error) {
      baselines.push({
        name: load === loadRedactPii ? 'redact-pii' : '@redactpii/node',
        error: String(error),
      });
    }
  }
  console.log(
    "\nBaselines (document-level, on the labels each tool's entity types map to; same texts, same run)",
  );
  const baselineRows: string[][] = [];
  const summary: Record<string, unknown> = {};
  for (const baseline of baselines) {
    if ('error' in baseline) {
      console.log(`  ${baseline.name}: could not run offline — ${baseline.error}`);
      continue;
    }
    const predicted = cases.map((item) => ({
      id: item.id,
      expected: new Set(item.labels),
      predicted: baseline.detect(item.text),
    }));
    const theirCounts = countLabels(predicted, baseline.covers);
    const speed = throughput(texts, (text) => baseline.detect(text));
    for (const label of baseline.covers) {
      const theirs = theirCounts.get(label)!;
      const mine = counts.get(label)!;
      baselineRows.push([
        baseline.name,
        label,
        num(recall(theirs)),
        num(precision(theirs)),
        num(recall(mine)),
        num(precision(mine)),
      ]);
    }
    baselineRows.push([
      baseline.name,
      'speed',
      `${speed.mbPerS.toFixed(2)} MB/s`,
      `${speed.usPerText.toFixed(1)} µs/text`,
      `${ours.mbPerS.toFixed(2)} MB/s`,
      `${ours.usPerText.toFixed(1)} µs/text`,
    ]);
    console.log(`  ${baseline.name}@${baseline.version}: ${baseline.note}`);
    summary[baseline.name] = {
      version: baseline.version,
      speed,
      labels: Object.fromEntries(
        baseline.covers.map((label) => [
          label,
          { recall: recall(theirCounts.get(label)!), precision: precision(theirCounts.get(label)!) },
        ]),
      ),
    };
  }
  console.log(
    table(['tool', 'label', 'their recall', 'their precision', 'our recall', 'our precision'], baselineRows),
  );
  console.log(
    `\nOur throughput on the corpus: ${ours.mbPerS.toFixed(2)} MB/s, ${ours.usPerText.toFixed(1)} µs per text (mean ${Math.round(texts.reduce((s, t) => s + t.length, 0) / texts.length)} chars)`,
  );

  const jsonPath = arg('--json');
  if (jsonPath) {
    writeFileSync(
      jsonPath,
      JSON.stringify(
        {
          cases: cases.length,
          labels: Object.fromEntries(
            LABELS.map((label) => {
              const c = counts.get(label)!;
              return [
                label,
                { precision: precision(c), recall: recall(c), f2: f2(c), missed: c.missed, extra: c.extra },
              ];
            }),
          ),
          regulated: {
            tp,
            fp,
            fn,
            tn,
            recall: regRecall,
            precision: regPrecision,
            missed: regulatedMisses,
            falseAlarms: regulatedFalseAlarms,
          },
          throughput: ours,
          baselines: summary,
        },
        null,
        2,
      ),
    );
  }
  const failed =
    regRecall < TARGETS.regulatedRecall ||
    regPrecision < TARGETS.regulatedPrecision ||
    LABELS.some((label) => recall(counts.get(label)!) < TARGETS.labelRecall);
  if (failed) {
    console.log('\nTargets NOT met.');
    process.exitCode = 1;
  } else {
    console.log('\nAll targets met.');
  }
}

await main();
