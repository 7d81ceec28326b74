import type { PluginContext, RouteDraft, RouterPlugin } from '@switchyard/core';
import { z } from 'zod';
import { parseOptions } from '../validation/invalid-input';
import { type ComplexityResult, type ComplexityScope, requestComplexity } from './complexity-score';

/** Options of `complexityRouter()`. */
export interface ComplexityRouterOptions {
  /** Requests scoring at least this (in [0, 1]) go straight to `to`. */
  threshold: number;
  /**
   * Providers (normally cloud) that clearly hard requests go to first, in order. Only eligible
   * candidates move: a regulated request has no cloud candidate, so it is never sent to cloud.
   */
  to: string[];
  /** Logit shift per workload (e.g. `{ agent: 1, summarize: -1 }`): a prior for the kind of work. */
  workloads?: Record<string, number>;
  /** Score every user message (`all-user`, default) or only the last one. */
  scope?: ComplexityScope;
  /** Plugin name (in plans and audit reasons). Default `complexity-router`. */
  name?: string;
}

const id = z.string().min(1, 'must not be empty');
const optionsSchema = z.strictObject({
  threshold: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  to: z.array(id).min(1, 'must name at least one provider'),
  workloads: z.record(id, z.number().refine(Number.isFinite, 'must be a finite number')).optional(),
  scope: z.enum(['all-user', 'last-user']).optional(),
  name: id.optional(),
});

/**
 * A pre-generation router: a cheap complexity score of the prompt, computed before any provider is
 * called, sends clearly hard requests straight to `to` (cloud) instead of trying the local model
 * first. Unlike a cascade (`logprobConfidence`), it never pays for a local answer it then discards;
 * it only sees the prompt, so it is less precise. Use either or both. The score and decision appear
 * in the route plan (`router.explain()`) and the audit record's `reason`; `context.state` holds the
 * result under the plugin's name.
 *
 * @example
 * const router = createRouter({
 *   providers: [localQwen, openai],
 *   plugins: [complexityRouter({ threshold: 0.7, to: ['openai-4o'] })],
 * });
 */
export function complexityRouter(options: ComplexityRouterOptions): RouterPlugin {
  const parsed = parseOptions(optionsSchema, options, 'complexityRouter');
  const name = parsed.name ?? 'complexity-router';
  const { threshold, to } = parsed;
  const scope = parsed.scope ?? 'all-user';
  const workloads = parsed.workloads ?? {};
  return {
    name,
    route(draft: RouteDraft, context: PluginContext) {
      const bias = context.workload === undefined ? 0 : (workloads[context.workload] ?? 0);
      const result: ComplexityResult = requestComplexity(context.request, scope, bias);
      context.state.set(name, result);
      if (result.score < threshold) return;
      const eligible = to.filter((provider) =>
        draft.candidates.some((candidate) => candidate.provider === provider && candidate.eligible),
      );
      if (eligible.length === 0) return;
      draft.prefer(
        eligible,
        name,
        `complexity ${result.score.toFixed(3)} >= ${threshold}: hard request, straight to ${eligible.join(', ')}`,
      );
    },
  };
}
