import { readFileSync } from 'node:fs';
import { ConfigError } from '@switchyard/core';
import { parseOptions } from '../validation/parse-options';
import { type PriceEntry, priceCatalogFileSchema } from './price-entry';

/**
 * Validates a parsed catalog document (`{ "version": 1, "models": [...] }`) and returns its entries.
 * Throws a `ConfigError` naming the bad field, e.g. `models[3].outputPerMTok: must not be negative`.
 */
export function parsePriceCatalog(document: unknown, where = 'price catalog'): PriceEntry[] {
  const parsed = parseOptions(priceCatalogFileSchema, document, where);
  return parsed.models as PriceEntry[];
}

/**
 * Reads a JSON price catalog from a file (same format as the built-in `prices.json`).
 *
 * @example
 * const catalog = createPriceCatalog({ entries: loadPriceCatalog('./prices-2026-12.json') });
 */
export function loadPriceCatalog(path: string): PriceEntry[] {
  if (typeof path !== 'string' || path.length === 0) {
    throw new ConfigError({ message: 'loadPriceCatalog: `path` must be a non-empty string', field: 'path' });
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError({
      message: `loadPriceCatalog: cannot read ${path}: ${String(error)}`,
      field: 'path',
      cause: error,
    });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigError({
      message: `loadPriceCatalog: ${path} is not valid JSON: ${String(error)}`,
      field: 'path',
      cause: error,
    });
  }
  return parsePriceCatalog(document, `loadPriceCatalog(${path})`);
}
