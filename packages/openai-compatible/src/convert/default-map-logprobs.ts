import type { TokenLogprob } from '@switchyard/core';
import type { LogprobContext } from '../provider/dialect';
import { logprobContentOf, mapLogprobContent } from './map-logprobs';

/** OpenAI `logprobs.content`, keeping as many alternatives as the caller asked for. */
export function defaultMapLogprobs(logprobs: unknown, context: LogprobContext): TokenLogprob[] | undefined {
  const content = logprobContentOf(logprobs);
  if (!content) return undefined;
  return mapLogprobContent(content, { maxAlternatives: context.request.topLogprobs ?? 0 });
}
