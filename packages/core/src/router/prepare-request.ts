import { ProviderError } from '../errors/errors';
import type { ChatRequest } from '../types/chat-request';
import type { Engine } from './engine';
import type { AttemptInfo } from './plugin';
import type { RequestRun } from './request-run';

/**
 * The request one provider call receives: the run's request, amended by `prepareRequest` hooks in
 * plugin order, with the attempt's abort signal.
 */
export function requestFor(
  engine: Engine,
  run: RequestRun,
  info: AttemptInfo,
  signal: AbortSignal,
): ChatRequest {
  let request = run.request;
  for (const plugin of engine.hooks.prepareRequest) {
    const amended = plugin.prepareRequest?.(request, info, run);
    if (amended === undefined) continue;
    if (typeof amended !== 'object' || amended === null || !Array.isArray(amended.messages)) {
      throw new ProviderError({
        message: `${plugin.name}.prepareRequest returned something that is not a request`,
      });
    }
    request = amended;
  }
  return { ...request, signal };
}
