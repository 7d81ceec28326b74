import { ConfigError, type ProviderKind } from '@switchyard/core';
import type { PriceCatalog } from '../catalog/price-catalog';
import type { PriceEntry } from '../catalog/price-entry';
import { usdPerBusySecond } from '../local/compute-tco';
import type { LocalDeployment } from '../local/local-deployment';

/** How one provider's calls are priced. */
export type Pricer =
  | { kind: 'cloud'; entry: PriceEntry; batch: boolean }
  | { kind: 'local'; deployment: LocalDeployment; usdPerBusySecond: number }
  | { kind: 'unknown'; code: 'unknown_price' | 'unknown_local_cost'; message: string };

/** Which catalog model a cloud provider bills as, and whether it uses the batch API. */
export interface ProviderPrice {
  model: string;
  batch?: boolean;
}

interface Cached {
  model: string;
  pricer: Pricer;
}

/**
 * Maps provider ids to prices: cloud providers by `prices[id]` or else by the model the adapter
 * reports, local providers by their deployment. Results are cached per provider (hot path).
 */
export function createProviderPricing(input: {
  catalog: PriceCatalog;
  prices: Readonly<Record<string, ProviderPrice>>;
  deployments: Readonly<Record<string, LocalDeployment>>;
}) {
  const { catalog } = input;
  const pinned = new Map<string, { entry: PriceEntry; batch: boolean }>();
  for (const [providerId, price] of Object.entries(input.prices)) {
    const entry = catalog.resolve(price.model);
    if (!entry) {
      throw new ConfigError({
        message: `createCostMeter: prices.${providerId}: no price for model '${price.model}' in the catalog (add it with catalog.with([...]))`,
        field: `prices.${providerId}`,
      });
    }
    pinned.set(providerId, { entry, batch: price.batch === true });
  }
  const local = new Map<string, Pricer>();
  for (const [providerId, deployment] of Object.entries(input.deployments)) {
    local.set(providerId, { kind: 'local', deployment, usdPerBusySecond: usdPerBusySecond(deployment) });
  }
  const cache = new Map<string, Cached>();

  const resolve = (providerId: string, kind: ProviderKind, model: string): Pricer => {
    if (kind === 'local') {
      return (
        local.get(providerId) ??
        local.get('*') ?? {
          kind: 'unknown',
          code: 'unknown_local_cost',
          message: `no deployment configured for local provider '${providerId}' (createCostMeter({ deployments: { '${providerId}': ... } }))`,
        }
      );
    }
    const fixed = pinned.get(providerId);
    if (fixed) return { kind: 'cloud', entry: fixed.entry, batch: fixed.batch };
    const entry = catalog.resolve(model);
    if (entry) return { kind: 'cloud', entry, batch: false };
    return {
      kind: 'unknown',
      code: 'unknown_price',
      message: `no price for model '${model}' of provider '${providerId}' (add it to the catalog or map the provider in \`prices\`)`,
    };
  };

  return {
    /** The pricer for a call to `providerId` serving `model`. */
    pricer(providerId: string, kind: ProviderKind, model: string): Pricer {
      const hit = cache.get(providerId);
      if (hit !== undefined && hit.model === model) return hit.pricer;
      const pricer = resolve(providerId, kind, model);
      if (cache.size >= 4_096) cache.clear();
      cache.set(providerId, { model, pricer });
      return pricer;
    },
    /** The catalog entry a cloud candidate would bill at (for shadow costs), or undefined. */
    cloudEntry(providerId: string, model: string): { entry: PriceEntry; batch: boolean } | undefined {
      const fixed = pinned.get(providerId);
      if (fixed) return fixed;
      const entry = catalog.resolve(model);
      return entry ? { entry, batch: false } : undefined;
    },
    deployment(providerId: string): LocalDeployment | undefined {
      const pricer = local.get(providerId) ?? local.get('*');
      return pricer?.kind === 'local' ? pricer.deployment : undefined;
    },
  };
}

export type ProviderPricing = ReturnType<typeof createProviderPricing>;
