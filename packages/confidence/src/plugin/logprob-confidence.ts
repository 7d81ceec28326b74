import type {
  ChatResponse,
  EscalationDecision,
  PluginContext,
  Provider,
  RouterPlugin,
} from '@switchyard/core';
import { z } from 'zod';
import { type Calibration, calibrationSchema } from '../calibration/calibration';
import { createConfidenceScorer } from '../signals/confidence-scorer';
import { SCORE_METHODS, type ScoreMethod } from '../signals/score-signals';
import { type SpanOptions, spanOptionsSchema } from '../signals/span-options';
import { parseOptions } from '../validation/invalid-input';

/** Options of `logprobConfidence()`. Give `threshold`, `calibration`, or both (`threshold` wins). */
export interface LogprobConfidenceOptions {
  /** Escalate when the confidence score is below this (in [0, 1]). Overrides the calibration's. */
  threshold?: number;
  /** A fitted calibration (`switchyard calibrate`, `readCalibrationFile`): its logistic map gives the score. */
  calibration?: Calibration;
  /**
   * Providers to escalate to, in order. The router drops any the data class forbids: a regulated
   * request never escalates to cloud, but may escalate to a larger local model listed here.
   */
  to: string[];
  /**
   * What to do when confidence is unknown (the provider gave no logprobs, as Anthropic and some servers
   * do, or the request did not ask for them): keep the answer (`accept`, default) or `escalate`.
   */
  unknown?: 'accept' | 'escalate';
  /**
   * Streams: hold back this many tokens (or `'all'`, the default: the whole answer), judge them, then
   * release them or stream an escalation target instead. The caller never sees two answers.
   */
  streamBuffer?: number | 'all';
  /** Whose answers are judged: `local` providers (default), `all`, or these provider ids. */
  from?: 'local' | 'all' | string[];
  /** Without a calibration: how the score is read from the signals. Default `p10`. */
  method?: ScoreMethod;
  /** Without a calibration: which tokens are scored (reasoning blocks, answer marker, formatting). */
  span?: SpanOptions;
  /** Without a calibration: the probability floor of `lowProbabilityShare`. Default 0.5. */
  lowProbabilityFloor?: number;
  /**
   * Ask the judged providers for logprobs on every request (`logprobs: true` and this many
   * `topLogprobs`, default 5), so callers need not. `false`: leave requests as the caller sent them.
   */
  requestLogprobs?: false | { topLogprobs?: number };
  /** Plugin name (in warnings and audit). Default `logprob-confidence`. */
  name?: string;
}

const id = z.string().min(1, 'must not be empty');
const optionsSchema = z
  .strictObject({
    threshold: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(),
    calibration: calibrationSchema.optional(),
    to: z.array(id).min(1, 'must name at least one provider to escalate to'),
    unknown: z.enum(['accept', 'escalate']).optional(),
    streamBuffer: z.union([z.number().int().min(0), z.literal('all')]).optional(),
    from: z.union([z.literal('local'), z.literal('all'), z.array(id)]).optional(),
    method: z.enum(SCORE_METHODS as [ScoreMethod, ...ScoreMethod[]]).optional(),
    span: spanOptionsSchema.optional(),
    lowProbabilityFloor: z
      .number()
      .gt(0, 'must be between 0 and 1')
      .lt(1, 'must be between 0 and 1')
      .optional(),
    requestLogprobs: z
      .union([z.literal(false), z.strictObject({ topLogprobs: z.number().int().min(0).max(20).optional() })])
      .optional(),
    name: id.optional(),
  })
  .superRefine((value, context) => {
    if (value.threshold === undefined && value.calibration === undefined) {
      context.addIssue({ code: 'custom', path: ['threshold'], message: 'set `threshold` or `calibration`' });
    }
    if (value.calibration) {
      for (const field of ['method', 'span', 'lowProbabilityFloor'] as const) {
        if (value[field] !== undefined) {
          context.addIssue({
            code: 'custom',
            path: [field],
            message: 'comes from the calibration; leave it out',
          });
        }
      }
    }
  });

/**
 * Local → cloud escalation on the local model's own token probabilities (a cascade): the local answer
 * is scored from its logprobs and, below the threshold, replaced by an answer from `to`. Non-streaming
 * and streaming (buffer-then-decide) requests both work. The router records the confidence, the
 * decision and its signals in the audit record, and marks the replaced local call `discarded` with its
 * usage (what the cost meter prices). The plugin asks the providers it judges for logprobs
 * (`logprobs: true, topLogprobs: 5`) unless `requestLogprobs: false`.
 *
 * @example
 * const router = createRouter({
 *   providers: [localQwen, openai],
 *   plugins: [logprobConfidence({ threshold: 0.6, to: ['openai-4o'] })],
 * });
 * await router.chat({ messages, logprobs: true, topLogprobs: 5 });
 */
export function logprobConfidence(options: LogprobConfidenceOptions): RouterPlugin {
  const parsed = parseOptions(optionsSchema, options, 'logprobConfidence');
  const calibration = parsed.calibration as Calibration | undefined;
  const threshold = parsed.threshold ?? calibration!.threshold;
  const to = [...parsed.to];
  const unknownPolicy = parsed.unknown ?? 'accept';
  const buffer = parsed.streamBuffer ?? 'all';
  const from = parsed.from ?? 'local';
  const fromIds = Array.isArray(from) ? new Set(from) : undefined;
  const name = parsed.name ?? 'logprob-confidence';
  const score = createConfidenceScorer(
    calibration
      ? { calibration }
      : { method: parsed.method, span: parsed.span, lowProbabilityFloor: parsed.lowProbabilityFloor },
  );
  let warnedNotRequested = false;
  const askFor = parsed.requestLogprobs === false ? undefined : { topLogprobs: parsed.requestLogprobs?.topLogprobs ?? 5 };

  const judges = (provider: Provider): boolean =>
    fromIds ? fromIds.has(provider.id) : from === 'all' || provider.kind === 'local';

  return {
    name,
    prepareRequest(request, attempt) {
      // Escalation targets are not judged; only ask the providers whose answers are scored.
      if (!askFor || attempt.escalation || !judges(attempt.provider)) return undefined;
      if (attempt.provider.capabilities?.logprobs === false || request.logprobs === true) return undefined;
      return { ...request, logprobs: true, topLogprobs: askFor.topLogprobs };
    },
    streamBuffer(provider) {
      if (!judges(provider)) return undefined;
      // A provider that says it has no logprobs is judged at once: there is nothing to wait for.
      return provider.capabilities?.logprobs === false ? 0 : buffer;
    },
    judge(response: ChatResponse, context: PluginContext, info: { partial: boolean; provider: Provider }) {
      if (!judges(info.provider)) return undefined;
      const assessment = score(response.logprobs);
      if (assessment.score === null) {
        const why = unknownReason(response, context, info.provider);
        if (!askFor && context.request.logprobs !== true && !warnedNotRequested) {
          warnedNotRequested = true;
          context.emit('warning', {
            requestId: context.requestId,
            code: 'confidence_logprobs_not_requested',
            message: `${name}: the request did not set logprobs: true, so confidence is unknown (policy: ${unknownPolicy})`,
          });
        }
        const decision: EscalationDecision = {
          escalate: unknownPolicy === 'escalate',
          to,
          reason: `confidence unknown (${why}); unknown: '${unknownPolicy}'`,
          confidence: null,
          detail: { method: assessment.method, unknown: why, partial: info.partial, threshold },
        };
        return decision;
      }
      const confidence = assessment.score;
      const escalate = confidence < threshold;
      const signals = assessment.signals!;
      return {
        escalate,
        to,
        reason: `confidence ${confidence.toFixed(3)} ${escalate ? '<' : '>='} threshold ${threshold.toFixed(3)}${info.partial ? ` (first ${response.logprobs!.length} tokens)` : ''}`,
        confidence,
        detail: {
          method: assessment.method,
          threshold,
          partial: info.partial,
          tokens: response.logprobs!.length,
          signals,
        },
      };
    },
  };
}

function unknownReason(response: ChatResponse, context: PluginContext, provider: Provider): string {
  if (response.logprobs && response.logprobs.length > 0) return 'no answer tokens to score';
  if (context.request.logprobs !== true && provider.capabilities?.logprobs === false) {
    return `${provider.id} does not give logprobs`;
  }
  if (context.request.logprobs !== true) return 'logprobs were not requested';
  return `${provider.id} returned no logprobs`;
}
