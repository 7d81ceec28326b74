import { z } from 'zod';

/** What happens when a hard limit is reached. */
export type BudgetPolicy = 'route-local' | 'raise';

/**
 * A spending limit over a window. Budgets count cloud spend (what providers bill); local cost is
 * amortized and never blocked. A rule applies to a request when its `workload` and `tag` match.
 */
export interface BudgetRule {
  /** Unique name: part of the store key and of every message. */
  name: string;
  /** `day` or `month`, in UTC. */
  window: 'day' | 'month';
  /** The hard limit in USD. */
  limitUsd: number;
  /** Past this, a `warning` event (`budget_soft_limit`) is emitted once per window. */
  softLimitUsd?: number;
  /**
   * At the hard limit: `route-local` (default) removes the capped cloud providers from the route so
   * local providers serve the request; `raise` fails the request with `BudgetExceededError` when a
   * capped cloud provider is its first choice (later capped ones are removed).
   */
  onLimit?: BudgetPolicy;
  /** Only requests of this workload. */
  workload?: string;
  /** One budget per value of this request tag (e.g. `tenant`); requests without the tag are not counted. */
  tag?: string;
  /** With `tag`: only this value. */
  tagValue?: string;
  /** Only spend on this provider id. */
  provider?: string;
}

const usd = z
  .number({ error: 'must be a number (USD)' })
  .refine(Number.isFinite, 'must be a finite number')
  .pipe(z.number().positive('must be greater than 0'));

/** Schema of one budget rule. */
export const budgetRuleSchema = z
  .strictObject({
    name: z
      .string()
      .min(1, 'must not be empty')
      .regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, _ . and -'),
    window: z.enum(['day', 'month'], { error: "must be 'day' or 'month'" }),
    limitUsd: usd,
    softLimitUsd: usd.optional(),
    onLimit: z.enum(['route-local', 'raise'], { error: "must be 'route-local' or 'raise'" }).optional(),
    workload: z.string().min(1, 'must not be empty').optional(),
    tag: z.string().min(1, 'must not be empty').optional(),
    tagValue: z.string().min(1, 'must not be empty').optional(),
    provider: z.string().min(1, 'must not be empty').optional(),
  })
  .refine((rule) => rule.softLimitUsd === undefined || rule.softLimitUsd < rule.limitUsd, {
    message: 'must be below limitUsd',
    path: ['softLimitUsd'],
  })
  .refine((rule) => rule.tagValue === undefined || rule.tag !== undefined, {
    message: 'needs `tag` (the tag whose value it selects)',
    path: ['tagValue'],
  });
