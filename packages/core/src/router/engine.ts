import type { EventEmitter } from 'eventemitter3';
import type { ResolvedConfig } from '../validation/router-options-schema';
import type { RouterEvents } from './events';
import type { RouterPlugin } from './plugin';
import type { ProviderState } from './provider-state';

type Hook = Exclude<keyof RouterPlugin, 'name'>;

/** Plugins grouped by the hooks they implement, so the hot path skips the rest. */
export type PluginsByHook = { [K in Hook]: RouterPlugin[] };

/** Everything a request run needs from its router. Internal. */
export interface Engine {
  readonly config: ResolvedConfig;
  readonly states: ReadonlyMap<string, ProviderState>;
  readonly stateList: readonly ProviderState[];
  readonly emitter: EventEmitter<RouterEvents>;
  readonly hooks: PluginsByHook;
}

export function groupPlugins(plugins: readonly RouterPlugin[]): PluginsByHook {
  const hooks: PluginsByHook = {
    classify: [],
    route: [],
    prepareRequest: [],
    transformResponse: [],
    transformStream: [],
    beforeAttempt: [],
    afterAttempt: [],
    judge: [],
    streamBuffer: [],
    onAudit: [],
    close: [],
  };
  for (const plugin of plugins) {
    for (const hook of Object.keys(hooks) as Hook[]) {
      if (typeof plugin[hook] === 'function') hooks[hook].push(plugin);
    }
  }
  return hooks;
}

/** Awaits only real promises: synchronous hooks cost no microtask. */
export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}
