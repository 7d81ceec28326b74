import { parsePriceCatalog } from './load-price-catalog';
import type { PriceEntry } from './price-entry';
import prices from './prices.json';

let cached: readonly PriceEntry[] | undefined;

/**
 * The built-in, dated price list (`src/catalog/prices.json`): OpenAI's gpt-4o, gpt-4.1, gpt-5 and
 * o-series models and Anthropic's Claude Opus, Sonnet and Haiku. Each entry carries `asOf` and `source`.
 */
export function defaultPriceEntries(): readonly PriceEntry[] {
  cached ??= Object.freeze(parsePriceCatalog(prices, 'built-in catalog'));
  return cached;
}
