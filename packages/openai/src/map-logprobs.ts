import type { TokenLogprob } from '@switchyard/core';
import type { ChatCompletionTokenLogprob } from 'openai/resources/chat/completions';

/** Maps `choices[].logprobs.content` to core's logprob shape (natural-log probabilities). */
export function mapLogprobs(content: readonly ChatCompletionTokenLogprob[]): TokenLogprob[] {
  const out: TokenLogprob[] = new Array(content.length);
  for (let index = 0; index < content.length; index++) {
    const entry = content[index]!;
    const top = entry.top_logprobs ?? [];
    const topLogprobs = new Array(top.length);
    for (let rank = 0; rank < top.length; rank++) {
      topLogprobs[rank] = { token: top[rank]!.token, logprob: top[rank]!.logprob };
    }
    out[index] = { token: entry.token, logprob: entry.logprob, topLogprobs };
  }
  return out;
}
