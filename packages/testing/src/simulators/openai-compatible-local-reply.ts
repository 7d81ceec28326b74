import type { ToolCall } from '@switchyard/core';

/** What a local-server simulator answers. Logprobs are derived from the text, deterministically. */
export interface LocalReply {
  /** Answer text (default `'Hello from the simulator.'` when there are no tool calls). */
  text?: string;
  /** Tool calls to make instead of (or after) the text. */
  toolCalls?: ToolCall[];
  /**
   * Logprob of each generated token, by position, overriding the derived value (e.g. llama.cpp's
   * lowest float, `LLAMACPP_ZERO_PROB_LOGPROB`, for a zero-probability token).
   */
  logprobs?: number[];
}

/** A fixed reply, or one computed from the request body. */
export type LocalReplySource = LocalReply | ((body: Record<string, unknown>) => LocalReply);

/** One generated token with its logprob and the candidates at its position. */
export interface SimulatedToken {
  text: string;
  id: number;
  logprob: number;
  /** The most likely candidates at this position, most likely first (the chosen token among them). */
  candidates: { text: string; id: number; logprob: number }[];
}

const TOKEN_PATTERN = /\s*[\p{L}\p{N}_]+|\s*[^\s\p{L}\p{N}_]|\s+/gu;

/** Splits text the way a BPE tokenizer roughly would: words with their leading space, punctuation apart. */
export function tokenizeText(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

/** FNV-1a, for stable pseudo-random numbers. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A stable token id for a token's text. */
export function tokenId(text: string): number {
  return 100 + (hashText(text) % 151_000);
}

/** Prompt tokens of a chat body: message text, tool definitions, and a few tokens of template per message. */
export function countPromptTokens(body: Record<string, unknown>): number {
  let count = 0;
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const message of messages) {
    count += 4;
    const content = (message as { content?: unknown }).content;
    if (typeof content === 'string') count += tokenizeText(content).length;
    else if (Array.isArray(content)) {
      for (const part of content) {
        const text = (part as { text?: unknown }).text;
        if (typeof text === 'string') count += tokenizeText(text).length;
      }
    }
    const calls = (message as { tool_calls?: unknown }).tool_calls;
    if (calls !== undefined) count += tokenizeText(JSON.stringify(calls)).length;
  }
  if (typeof body.prompt === 'string') count += tokenizeText(body.prompt).length;
  if (Array.isArray(body.tools)) count += tokenizeText(JSON.stringify(body.tools)).length;
  return Math.max(count, 1);
}

const FILLERS = [
  'the',
  'a',
  'of',
  'and',
  'to',
  'in',
  'is',
  'it',
  'that',
  'on',
  'for',
  'as',
  'with',
  'at',
  'by',
];

/**
 * Derives logprobs and `count` candidates for each token. Most positions have the chosen token as
 * the most likely candidate; unless decoding is greedy, every seventh-ish position (by hash) it is
 * the second, so that code reading "the first candidate" as "the chosen token" is caught.
 */
export function simulateTokens(
  tokens: readonly string[],
  options: { candidates: number; overrides?: readonly number[] | undefined; greedy?: boolean },
): SimulatedToken[] {
  return tokens.map((text, position) => {
    const hash = hashText(`${text}#${position}`);
    // Greedy decoding always takes the most likely candidate.
    const demoted = !options.greedy && hash % 7 === 3;
    let logprob = -(0.02 + ((hash % 997) / 997) * 1.08);
    if (demoted) logprob = Math.min(logprob, -0.95);
    const override = options.overrides?.[position];
    if (override !== undefined) logprob = override;
    // Candidate probabilities share what the chosen token leaves, so they never sum past 1.
    const chosenP = Math.exp(logprob);
    const topP = demoted ? Math.min(chosenP * 1.35, (1 - chosenP) * 0.9) : 0;
    let remaining = 1 - chosenP - topP;
    const leading = /^\s*/.exec(text)?.[0] ?? '';
    const others: { text: string; id: number; logprob: number }[] = [];
    const seen = new Set([text]);
    for (let rank = 0; others.length < Math.max(0, options.candidates - 1); rank++) {
      let candidate = leading + FILLERS[(hash + rank) % FILLERS.length]!;
      if (seen.has(candidate)) candidate = `${text.trim()}${rank}`;
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      let probability: number;
      if (demoted && others.length === 0) probability = topP;
      else {
        probability = remaining * 0.5 * (0.6 + 0.1 * ((hash >>> rank) & 3));
        remaining -= probability;
      }
      others.push({ text: candidate, id: tokenId(candidate), logprob: Math.log(probability) });
    }
    const chosen = { text, id: tokenId(text), logprob };
    const candidates =
      options.candidates > 0 ? [...others, chosen].sort((a, b) => b.logprob - a.logprob) : [];
    return { text, id: tokenId(text), logprob, candidates: candidates.slice(0, options.candidates) };
  });
}

/** Resolves the reply for a body; default text when neither text nor tool calls are set. */
export function resolveReply(
  source: LocalReplySource,
  body: Record<string, unknown>,
): Required<Pick<LocalReply, 'text' | 'toolCalls'>> & LocalReply {
  const reply = typeof source === 'function' ? source(body) : source;
  const toolCalls = reply.toolCalls ?? [];
  const text = reply.text ?? (toolCalls.length > 0 ? '' : 'Hello from the simulator.');
  return { ...reply, text, toolCalls };
}

/** Splits a tool call's arguments into a few pieces, as servers stream them. */
export function splitArguments(text: string, pieces = 3): string[] {
  if (text.length === 0) return [];
  const size = Math.ceil(text.length / pieces);
  const out: string[] = [];
  for (let start = 0; start < text.length; start += size) out.push(text.slice(start, start + size));
  return out;
}
