import type { TokenLogprob } from '@switchyard/core';
import { fastExp } from './fast-exp';
import { isFormattingToken } from './is-formatting-token';
import { quantileInPlace } from './select-quantile';
import { selectSpan } from './select-span';
import { type ResolvedSpanOptions, resolveSpanOptions, type SpanOptions } from './span-options';

/**
 * Signals of one answer's token logprobs (natural log), over the scored span. Higher `meanLogprob`,
 * quantiles, `geometricMeanProbability` and `meanMargin` mean more confident; higher `meanEntropy` and
 * `lowProbabilityShare` mean less.
 */
export interface ConfidenceSignals {
  /** Tokens scored (after span selection). */
  tokens: number;
  /** Mean token logprob: the length-normalized log-likelihood. */
  meanLogprob: number;
  /** The least likely token's logprob. */
  minLogprob: number;
  /** 5th and 10th percentile of token logprobs (interpolated). */
  p5Logprob: number;
  p10Logprob: number;
  /** exp(meanLogprob): the per-token geometric-mean probability. */
  geometricMeanProbability: number;
  /**
   * Mean entropy (nats) over the top-k alternatives at each position: −Σ p·ln p over the alternatives
   * given (the chosen token alone when none are), a lower bound on the full entropy.
   */
  meanEntropy: number;
  /** Mean of p(top-1) − p(top-2) over positions. */
  meanMargin: number;
  /** Share of scored tokens whose probability is below the floor. */
  lowProbabilityShare: number;
}

/** Names of the signals, in a fixed order (the order of calibration features). */
export const SIGNAL_NAMES = [
  'meanLogprob',
  'minLogprob',
  'p5Logprob',
  'p10Logprob',
  'geometricMeanProbability',
  'meanEntropy',
  'meanMargin',
  'lowProbabilityShare',
] as const;

export type SignalName = (typeof SIGNAL_NAMES)[number];

export interface SignalOptions {
  /** Which tokens count (reasoning blocks, answer markers, formatting tokens). */
  span?: SpanOptions;
  /** Probability under which a token counts as low for `lowProbabilityShare`. Default 0.5. */
  lowProbabilityFloor?: number;
}

/** Signal options with defaults applied; build once with `resolveSignalOptions` for hot paths. */
export interface ResolvedSignalOptions {
  span: ResolvedSpanOptions;
  lowProbabilityFloor: number;
  logFloor: number;
}

export const DEFAULT_LOW_PROBABILITY_FLOOR = 0.5;

export function resolveSignalOptions(options: SignalOptions | undefined): ResolvedSignalOptions {
  const floor = options?.lowProbabilityFloor ?? DEFAULT_LOW_PROBABILITY_FLOOR;
  return { span: resolveSpanOptions(options?.span), lowProbabilityFloor: floor, logFloor: Math.log(floor) };
}

// Logprobs of -Infinity (probability 0, as some servers report) would make every mean -Infinity.
const LOGPROB_FLOOR = -100;

let scratch = new Float64Array(1024);

/**
 * Computes the confidence signals of an answer from its token logprobs, or `undefined` when no token
 * is left to score. Linear in the number of tokens and alternatives; allocates only the result.
 *
 * @example
 * const signals = computeSignals(response.logprobs ?? [], { span: { answerMarker: 'Answer:' } });
 * if (signals) console.log(signals.p10Logprob, signals.meanEntropy);
 */
export function computeSignals(
  logprobs: readonly TokenLogprob[],
  options?: SignalOptions | ResolvedSignalOptions,
): ConfidenceSignals | undefined {
  const resolved = isResolved(options) ? options : resolveSignalOptions(options);
  const { start, end } = selectSpan(logprobs, resolved.span);
  if (scratch.length < end - start) scratch = new Float64Array(Math.max(end - start, scratch.length * 2));
  const values = scratch;
  const skipFormatting = resolved.span.skipFormatting;
  const logFloor = resolved.logFloor;
  let n = 0;
  let sum = 0;
  let min = 0;
  let entropySum = 0;
  let marginSum = 0;
  let low = 0;
  for (let index = start; index < end; index++) {
    const entry = logprobs[index]!;
    if (skipFormatting && isFormattingToken(entry.token)) continue;
    // biome-ignore lint/complexity/useMathMinMax: a NaN logprob must map to the floor, not spread NaN.
    const logprob = entry.logprob > LOGPROB_FLOOR ? entry.logprob : LOGPROB_FLOOR;
    values[n] = logprob;
    sum += logprob;
    if (n === 0 || logprob < min) min = logprob;
    if (logprob < logFloor) low++;
    n++;

    // Entropy and margin from the alternatives; the chosen token alone when there are none.
    const top = entry.topLogprobs;
    let mass = 0;
    let entropy = 0;
    let first = 0;
    let second = 0;
    if (top.length === 0) {
      const probability = fastExp(logprob);
      mass = probability;
      entropy = -probability * logprob;
      first = probability;
    } else {
      for (let rank = 0; rank < top.length; rank++) {
        const alternative = top[rank]!.logprob;
        const probability = fastExp(alternative);
        if (probability === 0) continue;
        mass += probability;
        entropy -= probability * alternative;
        if (probability > first) {
          second = first;
          first = probability;
        } else if (probability > second) second = probability;
      }
    }
    // With one known outcome the runner-up can hold at most the mass left over.
    const rest = 1 - mass;
    if (top.length < 2 && rest > second) second = Math.min(rest, first);
    entropySum += entropy;
    marginSum += first - second;
  }
  if (n === 0) return undefined;
  const p10 = quantileInPlace(values, n, 0.1);
  const p5 = quantileInPlace(values, n, 0.05, Math.min(n - 1, Math.floor(0.1 * (n - 1)) + 1));
  const mean = sum / n;
  return {
    tokens: n,
    meanLogprob: mean,
    minLogprob: min,
    p5Logprob: p5,
    p10Logprob: p10,
    geometricMeanProbability: fastExp(mean),
    meanEntropy: entropySum / n,
    meanMargin: marginSum / n,
    lowProbabilityShare: low / n,
  };
}

function isResolved(
  options: SignalOptions | ResolvedSignalOptions | undefined,
): options is ResolvedSignalOptions {
  return options !== undefined && 'logFloor' in options;
}
