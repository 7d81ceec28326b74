import { onTestFinished, vi } from 'vitest';
import type { ChatRequest, RouterEvents } from '../src/index';
import type { Router } from '../src/router/create-router';

/** A one-message request. */
export function ask(text = 'Summarize the attached ticket in two sentences.'): ChatRequest {
  return { messages: [{ role: 'user', content: text }] };
}

/** Records every router event, in order, for assertions. */
export function recordEvents(router: Router) {
  const events: Array<{ name: keyof RouterEvents; payload: unknown }> = [];
  const names: Array<keyof RouterEvents> = [
    'route',
    'attempt',
    'retry',
    'fallback',
    'escalate',
    'response',
    'error',
    'health',
    'warning',
  ];
  for (const name of names) router.on(name, (payload: unknown) => events.push({ name, payload }));
  return {
    events,
    named<K extends keyof RouterEvents>(name: K): RouterEvents[K][] {
      return events.filter((event) => event.name === name).map((event) => event.payload as RouterEvents[K]);
    },
  };
}

/** Runs an action expected to throw and returns what it threw. */
export async function failure(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but the call succeeded');
}

/** Consumes a router stream, returning its events. */
export async function drain<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const events: T[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

/** Fast retry/cooldown settings so tests do not wait on real backoff. */
export const fast = {
  retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 },
  probes: { healthTtlMs: 0, capacityTtlMs: 0 },
} as const;

/**
 * Stops `performance.now()` — the clock of the router's cooldowns and probe TTLs — and moves it only
 * by hand, so that a slow machine cannot end a cooldown early. Restored when the test ends.
 */
export function frozenClock(): { advance(ms: number): void } {
  let now = performance.now();
  const spy = vi.spyOn(performance, 'now').mockImplementation(() => now);
  onTestFinished(() => {
    spy.mockRestore();
  });
  return {
    advance(ms) {
      now += ms;
    },
  };
}
