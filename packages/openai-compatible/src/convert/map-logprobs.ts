import type { TokenLogprob, TopLogprob } from '@switchyard/core';
import type { WireLogprobEntry, WireTopLogprob } from '../wire/chat-wire';

/**
 * The floor for a log probability. A zero probability has no finite logarithm: llama-server sends
 * the lowest float (about -3.4e38) instead and other servers send null. Both become this value,
 * which is what OpenAI itself uses for "very unlikely".
 */
export const MIN_LOGPROB = -9999;

/** Clamps a logprob to `[MIN_LOGPROB, 0]`; null, NaN and -Infinity become `MIN_LOGPROB`. */
export function clampLogprob(value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < MIN_LOGPROB) return MIN_LOGPROB;
  return value > 0 ? 0 : value;
}

/** Options of `mapLogprobContent`. */
export interface MapLogprobsOptions {
  /** Alternatives kept per token (the caller's `topLogprobs`). */
  maxAlternatives: number;
  /** Turns a raw token into text (for servers that send vocabulary pieces). */
  decodeToken?: (token: string) => string;
}

function tokenText(entry: WireTopLogprob, decode: ((token: string) => string) | undefined): string {
  const token = typeof entry.token === 'string' ? entry.token : '';
  return decode ? decode(token) : token;
}

/** Maps an OpenAI-style `logprobs.content` array to core's shape. */
export function mapLogprobContent(
  content: readonly WireLogprobEntry[],
  options: MapLogprobsOptions,
): TokenLogprob[] {
  const out: TokenLogprob[] = new Array(content.length);
  const { maxAlternatives, decodeToken } = options;
  for (let index = 0; index < content.length; index++) {
    const entry = content[index]!;
    const alternatives: TopLogprob[] = [];
    const top = entry.top_logprobs;
    if (maxAlternatives > 0 && Array.isArray(top)) {
      const limit = Math.min(top.length, maxAlternatives);
      for (let rank = 0; rank < limit; rank++) {
        const alternative = top[rank]!;
        alternatives.push({
          token: tokenText(alternative, decodeToken),
          logprob: clampLogprob(alternative.logprob),
        });
      }
    }
    out[index] = {
      token: tokenText(entry, decodeToken),
      logprob: clampLogprob(entry.logprob),
      topLogprobs: alternatives,
    };
  }
  return out;
}

/** Reads `choice.logprobs.content` when present. */
export function logprobContentOf(logprobs: unknown): WireLogprobEntry[] | undefined {
  if (typeof logprobs !== 'object' || logprobs === null) return undefined;
  const content = (logprobs as { content?: unknown }).content;
  return Array.isArray(content) ? (content as WireLogprobEntry[]) : undefined;
}
