import type { ChatResponse } from '../types/chat-response';
import type { Engine } from './engine';
import type { AttemptInfo } from './plugin';
import type { RequestRun } from './request-run';

/**
 * Applies the plugins' `transformResponse` hooks in order. A hook that throws or returns something
 * that is not a response is skipped with a warning: the answer as the provider gave it is kept.
 */
export function transformResponse(
  engine: Engine,
  run: RequestRun,
  info: AttemptInfo,
  response: ChatResponse,
): ChatResponse {
  let current = response;
  for (const plugin of engine.hooks.transformResponse) {
    try {
      const next = plugin.transformResponse?.(current, info, run);
      if (next === undefined) continue;
      if (typeof next !== 'object' || next === null || typeof next.text !== 'string') {
        run.warn(
          'plugin_error',
          `${plugin.name}.transformResponse returned something that is not a response`,
        );
        continue;
      }
      current = next;
    } catch (error) {
      run.warn('plugin_error', `${plugin.name}.transformResponse failed: ${String(error)}`);
    }
  }
  return current;
}
