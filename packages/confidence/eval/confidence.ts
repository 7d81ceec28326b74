/**
 * `pnpm eval:confidence`: how well logprob confidence picks the local answers worth escalating, on a
 * labeled logprob file (local logprobs, local correct?, cloud correct?): AUROC of each signal and of the
 * combined scores, the quality–cost curve (share escalated vs accuracy), and the share of escalations
 * needed to reach 95% of the strong model's quality.
 *
 * Runs on `<data>/arith-logprobs/arith-logprobs.jsonl` (real per-token logprobs of a small model) and on
 * a generated fixture with known structure. Options: --data <dir>, --file <labeled.jsonl> (instead of
 * the arith file), --only arith|fixture, --folds <k> (default 5), --seed <n> (fold assignment, default 1).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  auroc,
  type ConfidenceSignals,
  computeSignals,
  type CurvePoint,
  DEFAULT_FEATURES,
  generateSyntheticLogprobs,
  type LabeledExample,
  parseLabeledJsonl,
  qualityAt,
  qualityCurve,
  resolveSignalOptions,
  routerMetrics,
  SIGNAL_NAMES,
  type SignalName,
  scoreSignals,
  seededRandom,
  shareToReach,
  thresholdForEscalationRate,
} from '../src/index';
import { fitMap } from '../src/calibration/fit-calibration';
import { applyLogisticMap } from '../src/calibration/logistic-map';
import { argument, dataDir, fixed, percent, table } from './data-dir';

const argv = process.argv.slice(2);
const only = argument(argv, '--only');
const folds = Number(argument(argv, '--folds') ?? 5);
const foldSeed = Number(argument(argv, '--seed') ?? 1);

interface Scored {
  examples: LabeledExample[];
  signals: ConfidenceSignals[];
}

function score(examples: LabeledExample[]): Scored {
  const options = resolveSignalOptions(undefined);
  const kept: LabeledExample[] = [];
  const signals: ConfidenceSignals[] = [];
  for (const example of examples) {
    const computed = computeSignals(example.logprobs, options);
    if (!computed) continue;
    kept.push(example);
    signals.push(computed);
  }
  return { examples: kept, signals };
}

/** Out-of-fold logistic scores: each fold scored by a map fitted on the other folds. */
function outOfFold(scored: Scored, labels: boolean[]): number[] {
  const random = seededRandom(foldSeed);
  const fold = scored.signals.map(() => Math.floor(random() * folds));
  const scores = new Array<number>(labels.length).fill(0);
  for (let k = 0; k < folds; k++) {
    const trainSignals = scored.signals.filter((_, index) => fold[index] !== k);
    const trainLabels = labels.filter((_, index) => fold[index] !== k);
    const map = fitMap(trainSignals, trainLabels, DEFAULT_FEATURES, 1);
    scored.signals.forEach((entry, index) => {
      if (fold[index] === k) scores[index] = applyLogisticMap(map, entry);
    });
  }
  return scores;
}

/** The cascade's curve: escalate lowest-confidence answers first. */
function cascadeCurve(
  confidence: readonly number[],
  weak: readonly number[],
  strong: readonly number[],
): CurvePoint[] {
  return qualityCurve(
    confidence.map((value) => -value),
    weak,
    strong,
  );
}

function run(name: string, examples: LabeledExample[], note: string): void {
  const scored = score(examples);
  const n = scored.examples.length;
  const labels = scored.examples.map((example) => example.acceptable);
  const weak: number[] = labels.map((label) => (label ? 1 : 0));
  const strong: number[] = scored.examples.map((example) => {
    if (example.cloudAcceptable === undefined)
      throw new Error(`${name}: every row needs the cloud model's correctness`);
    return example.cloudAcceptable ? 1 : 0;
  });
  const weakAccuracy = weak.reduce((sum, value) => sum + value, 0) / n;
  const strongAccuracy = strong.reduce((sum, value) => sum + value, 0) / n;
  console.log(`\n## ${name}`);
  console.log(note);
  console.log(
    `${n} answers scored (${examples.length - n} without answer tokens); local accuracy ${fixed(weakAccuracy)}, cloud accuracy ${fixed(strongAccuracy)}; local wrong & cloud right: ${labels.filter((label, index) => !label && strong[index] === 1).length}`,
  );

  // AUROC of each signal for telling acceptable local answers from the rest (higher = more confident).
  const rows: string[][] = [];
  for (const signal of SIGNAL_NAMES) {
    const sign = signal === 'meanEntropy' || signal === 'lowProbabilityShare' ? -1 : 1;
    rows.push([
      `${sign < 0 ? '−' : ''}${signal}`,
      fixed(
        auroc(
          scored.signals.map((entry) => sign * entry[signal as SignalName]),
          labels,
        ),
      ),
    ]);
  }
  const logistic = outOfFold(scored, labels);
  const p10 = scored.signals.map((entry) => scoreSignals(entry, 'p10'));
  const mean = scored.signals.map((entry) => scoreSignals(entry, 'mean'));
  rows.push([`combined: logistic map (${folds}-fold out-of-fold)`, fixed(auroc(logistic, labels))]);
  rows.push(['combined: p10 (default, no training)', fixed(auroc(p10, labels))]);
  console.log(`\nAUROC (local answer acceptable):\n${table(['signal', 'AUROC'], rows)}`);

  // Quality–cost curves: share escalated to the cloud vs overall accuracy.
  const random = seededRandom(99);
  const randomRuns = 200;
  const randomCurves = Array.from({ length: randomRuns }, () =>
    cascadeCurve(
      labels.map(() => random()),
      weak,
      strong,
    ),
  );
  const curves: [string, CurvePoint[]][] = [
    ['logistic (out-of-fold)', cascadeCurve(logistic, weak, strong)],
    ['p10', cascadeCurve(p10, weak, strong)],
    ['mean (geometric)', cascadeCurve(mean, weak, strong)],
    [
      'oracle',
      qualityCurve(
        strong.map((value, index) => value - weak[index]!),
        weak,
        strong,
      ),
    ],
  ];
  const shares = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1];
  const randomAt = (share: number) =>
    randomCurves.reduce((sum, curve) => sum + qualityAt(curve, share), 0) / randomRuns;
  console.log(
    `\nQuality–cost curve (accuracy when the least confident share is escalated):\n${table(
      ['escalated', ...curves.map(([label]) => label), `random (${randomRuns} seeds)`],
      shares.map((share) => [
        percent(share, 0),
        ...curves.map(([, curve]) => fixed(qualityAt(curve, share))),
        fixed(randomAt(share)),
      ]),
    )}`,
  );

  // Escalations needed for 95% of the strong model's quality, read two ways, plus RouteLLM's metrics.
  const literal = 0.95 * strongAccuracy;
  const gapTarget = weakAccuracy + 0.95 * (strongAccuracy - weakAccuracy);
  const needRows = curves.map(([label, curve]) => {
    const metrics = routerMetrics(curve);
    const best = curve.reduce((top, point) => (point.quality > top.quality ? point : top), curve[0]!);
    return [
      label,
      percent(shareToReach(curve, literal)),
      percent(shareToReach(curve, gapTarget)),
      fixed(metrics.apgr),
      percent(metrics.cpt50),
      percent(metrics.cpt80),
      `${fixed(best.quality)} @ ${percent(best.share)}`,
    ];
  });
  const randomMetrics = randomCurves.map((curve) => routerMetrics(curve));
  const meanOf = (values: (number | undefined)[]) => {
    const defined = values.filter((value): value is number => value !== undefined);
    return defined.reduce((sum, value) => sum + value, 0) / defined.length;
  };
  needRows.push([
    `random (${randomRuns} seeds)`,
    percent(meanOf(randomCurves.map((curve) => shareToReach(curve, literal)))),
    percent(meanOf(randomCurves.map((curve) => shareToReach(curve, gapTarget)))),
    fixed(meanOf(randomMetrics.map((metrics) => metrics.apgr))),
    percent(meanOf(randomMetrics.map((metrics) => metrics.cpt50))),
    percent(meanOf(randomMetrics.map((metrics) => metrics.cpt80))),
    '',
  ]);
  console.log(
    `\nEscalations needed (95% of strong quality: accuracy >= ${fixed(literal)}; 95% of the gap: accuracy >= ${fixed(gapTarget)}):\n${table(
      ['score', '95% of strong', '95% of gap', 'APGR', 'CPT(50%)', 'CPT(80%)', 'best accuracy @ share'],
      needRows,
    )}`,
  );

  // A calibrated threshold fitted on half the data, checked on the other half.
  const split = seededRandom(foldSeed + 1);
  const inTrain = labels.map(() => split() < 0.5);
  const trainIndex = labels.map((_, index) => index).filter((index) => inTrain[index]);
  const testIndex = labels.map((_, index) => index).filter((index) => !inTrain[index]);
  const map = fitMap(
    trainIndex.map((index) => scored.signals[index]!),
    trainIndex.map((index) => labels[index]!),
    DEFAULT_FEATURES,
    1,
  );
  const trainScores = trainIndex.map((index) => applyLogisticMap(map, scored.signals[index]!));
  const calibrationRows: string[][] = [];
  for (const rate of [0.05, 0.1, 0.2]) {
    const choice = thresholdForEscalationRate(
      trainScores,
      trainIndex.map((index) => labels[index]!),
      rate,
    );
    let escalated = 0;
    let good = 0;
    for (const index of testIndex) {
      const escalate = applyLogisticMap(map, scored.signals[index]!) < choice.threshold;
      if (escalate) escalated++;
      good += escalate ? strong[index]! : weak[index]!;
    }
    calibrationRows.push([
      percent(rate, 0),
      choice.threshold.toPrecision(3),
      percent(escalated / testIndex.length),
      fixed(good / testIndex.length),
    ]);
  }
  console.log(
    `\nCalibrated threshold (fit on a random half, ${trainIndex.length} answers; applied to the other half, ${testIndex.length}):\n${table(
      ['target escalation', 'threshold', 'held-out escalation', 'held-out accuracy'],
      calibrationRows,
    )}`,
  );
}

console.log('# Confidence evaluation (local → cloud cascade)');
if (only === undefined || only === 'arith') {
  const file = argument(argv, '--file') ?? join(dataDir(argv), 'arith-logprobs', 'arith-logprobs.jsonl');
  const { examples } = parseLabeledJsonl(readFileSync(file, 'utf8'));
  run(
    file.endsWith('arith-logprobs.jsonl')
      ? 'arith-logprobs (real logprobs: 1.4M-parameter weak model, 11.5M strong)'
      : file,
    examples,
    `file: ${file}`,
  );
}
if (only === undefined || only === 'fixture') {
  const rows = generateSyntheticLogprobs({ count: 3000, seed: 7 });
  const { examples } = parseLabeledJsonl(rows.map((row) => JSON.stringify(row)).join('\n'));
  run(
    'synthetic fixture (known structure: wrong answers hold 1-2 hesitant tokens; see generateSyntheticLogprobs)',
    examples,
    'generated in memory: 3,000 rows, seed 7',
  );
}
