import { estimateAnthropicTokens } from './anthropic-wire';

/** How a request's input tokens split between the prompt cache and fresh input. */
export interface AnthropicCacheAccount {
  /** Every input token of the request. */
  totalTokens: number;
  /** Tokens neither read from nor written to the cache (the API's `input_tokens`). */
  inputTokens: number;
  cacheReadTokens: number;
  cacheCreation5mTokens: number;
  cacheCreation1hTokens: number;
  /** `cache_control` breakpoints in the request (the API allows 4). */
  breakpoints: number;
}

/** A simulated prompt cache: prefixes ending at `cache_control` breakpoints, kept for their TTL. */
export interface AnthropicPromptCache {
  account(body: Record<string, unknown>): AnthropicCacheAccount;
  clear(): void;
}

interface Block {
  text: string;
  ttl: '5m' | '1h' | undefined;
}

function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function ttlOf(block: unknown): '5m' | '1h' | undefined {
  if (!block || typeof block !== 'object') return undefined;
  const control = (block as { cache_control?: { type?: string; ttl?: string } | null }).cache_control;
  if (control?.type !== 'ephemeral') return undefined;
  return control.ttl === '1h' ? '1h' : '5m';
}

function withoutCacheControl(block: unknown): string {
  if (typeof block === 'string') return block;
  if (!block || typeof block !== 'object') return String(block);
  const { cache_control: _ignored, ...rest } = block as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** Blocks in the order the API caches them: tools, then system, then messages. */
export function anthropicCacheBlocks(body: Record<string, unknown>): Block[] {
  const blocks: Block[] = [];
  for (const tool of Array.isArray(body.tools) ? body.tools : []) {
    blocks.push({ text: withoutCacheControl(tool), ttl: ttlOf(tool) });
  }
  if (typeof body.system === 'string') blocks.push({ text: body.system, ttl: undefined });
  else if (Array.isArray(body.system)) {
    for (const block of body.system) blocks.push({ text: withoutCacheControl(block), ttl: ttlOf(block) });
  }
  for (const message of Array.isArray(body.messages) ? body.messages : []) {
    const record = (message ?? {}) as { role?: unknown; content?: unknown };
    const role = String(record.role);
    if (typeof record.content === 'string')
      blocks.push({ text: `${role}:${record.content}`, ttl: undefined });
    else if (Array.isArray(record.content)) {
      for (const block of record.content)
        blocks.push({ text: `${role}:${withoutCacheControl(block)}`, ttl: ttlOf(block) });
    }
  }
  // Top-level `cache_control` marks the last cacheable block.
  const automatic = ttlOf(body);
  const last = blocks.at(-1);
  if (automatic && last && last.ttl === undefined) last.ttl = automatic;
  return blocks;
}

/**
 * Creates a prompt cache that accounts requests like the API: the longest cached prefix ending at a
 * breakpoint is read; prefixes up to later breakpoints are written (split by their TTL), when at
 * least `minTokens` long (1024 for most models: shorter prefixes are silently not cached).
 */
export function createAnthropicPromptCache(
  minTokens = 1024,
  now: () => number = Date.now,
): AnthropicPromptCache {
  const entries = new Map<number, number>();
  return {
    account(body) {
      const blocks = anthropicCacheBlocks(body);
      const points: Array<{ tokens: number; hash: number; ttl: '5m' | '1h' }> = [];
      let total = 0;
      let hash = 0x811c9dc5;
      for (const block of blocks) {
        total += estimateAnthropicTokens(block.text);
        hash = fnv1a(block.text, hash);
        if (block.ttl) points.push({ tokens: total, hash, ttl: block.ttl });
      }
      const time = now();
      let read = 0;
      let readIndex = -1;
      for (let index = points.length - 1; index >= 0; index--) {
        const expires = entries.get(points[index]!.hash);
        if (expires !== undefined && expires > time) {
          read = points[index]!.tokens;
          readIndex = index;
          break;
        }
      }
      const lifetime = (ttl: '5m' | '1h') => (ttl === '1h' ? 3_600_000 : 300_000);
      if (readIndex >= 0) {
        const point = points[readIndex]!;
        entries.set(point.hash, time + lifetime(point.ttl));
      }
      let written5m = 0;
      let written1h = 0;
      let covered = read;
      for (let index = readIndex + 1; index < points.length; index++) {
        const point = points[index]!;
        if (point.tokens < minTokens) continue;
        const segment = point.tokens - covered;
        if (point.ttl === '1h') written1h += segment;
        else written5m += segment;
        covered = point.tokens;
        entries.set(point.hash, time + lifetime(point.ttl));
      }
      return {
        totalTokens: total,
        inputTokens: total - read - written5m - written1h,
        cacheReadTokens: read,
        cacheCreation5mTokens: written5m,
        cacheCreation1hTokens: written1h,
        breakpoints: points.length,
      };
    },
    clear() {
      entries.clear();
    },
  };
}
