import { StreamInterruptedError } from '../errors/errors';
import type { ChatResponse } from '../types/chat-response';
import type { StreamEvent } from '../types/stream-event';
import { StreamAccumulator } from './stream-accumulator';

/**
 * Consumes a provider stream into one `ChatResponse`. An `error` event is thrown; a stream that ends
 * without `finish` throws `StreamInterruptedError`. Adapters can implement `chat()` with it.
 *
 * @example
 * const response = await collectStream(provider.stream(request), { provider: provider.id, model: provider.model });
 */
export async function collectStream(
  events: AsyncIterable<StreamEvent>,
  meta: { provider: string; model: string },
): Promise<ChatResponse> {
  const started = performance.now();
  let firstEventAt: number | undefined;
  const accumulator = new StreamAccumulator();
  for await (const event of events) {
    firstEventAt ??= performance.now();
    if (event.type === 'error') throw event.error;
    accumulator.add(event);
    if (event.type === 'finish') break;
  }
  if (!accumulator.finished) {
    throw new StreamInterruptedError({
      message: `${meta.provider}: stream ended without a finish event`,
      provider: meta.provider,
    });
  }
  return accumulator.toResponse({
    ...meta,
    latencyMs: performance.now() - started,
    ...(firstEventAt === undefined ? {} : { timeToFirstTokenMs: firstEventAt - started }),
  });
}
