import { z } from 'zod';
import { parseOptions } from '../validation/parse-options';
import { defaultPriceEntries } from './default-prices';
import { modelIdCandidates } from './model-id-candidates';
import { type PriceEntry, type PriceEntryInput, priceEntrySchema } from './price-entry';

/** A set of model prices with alias and snapshot resolution. */
export interface PriceCatalog {
  /** Every entry, built-in ones first, then yours (yours win on the same id or alias). */
  readonly entries: readonly PriceEntry[];
  /**
   * The price of a model id as an adapter reports it: exact id or alias first, then without a vendor
   * prefix, then without a dated snapshot or `-latest` suffix. `undefined` when unknown.
   */
  resolve(model: string): PriceEntry | undefined;
  /** A new catalog with these entries added or replacing ones with the same id. */
  with(entries: readonly PriceEntryInput[]): PriceCatalog;
}

/** Options of `createPriceCatalog()`. */
export interface PriceCatalogOptions {
  /** Entries to add, or to replace built-in ones with the same id or alias. */
  entries?: readonly PriceEntryInput[];
  /** Start from the built-in catalog. Default true. */
  includeDefaults?: boolean;
}

const optionsSchema = z.strictObject({
  entries: z.array(priceEntrySchema).optional(),
  includeDefaults: z.boolean().optional(),
});

/** Later entries replace earlier ones with the same id, keeping the replaced entry's aliases. */
function merge(entries: readonly PriceEntry[]): PriceEntry[] {
  const merged = new Map<string, PriceEntry>();
  for (const entry of entries) {
    const key = entry.id.toLowerCase();
    const previous = merged.get(key);
    merged.set(
      key,
      previous ? { ...entry, aliases: [...new Set([...previous.aliases, ...entry.aliases])] } : entry,
    );
  }
  return [...merged.values()];
}

function build(input: readonly PriceEntry[]): PriceCatalog {
  const entries = merge(input);
  const byId = new Map<string, PriceEntry>();
  // Later entries win, so user entries override built-in ones (also for aliases).
  for (const entry of entries) {
    byId.set(entry.id.toLowerCase(), entry);
    for (const alias of entry.aliases) byId.set(alias.toLowerCase(), entry);
  }
  const memo = new Map<string, PriceEntry | null>();
  const catalog: PriceCatalog = {
    entries,
    resolve(model) {
      const hit = memo.get(model);
      if (hit !== undefined) return hit ?? undefined;
      let found: PriceEntry | undefined;
      for (const candidate of modelIdCandidates(model)) {
        found = byId.get(candidate);
        if (found) break;
      }
      if (memo.size >= 1024) memo.clear();
      memo.set(model, found ?? null);
      return found;
    },
    with(more) {
      const parsed = parseOptions(
        z.array(priceEntrySchema),
        more,
        'PriceCatalog.with',
        'entries',
      ) as PriceEntry[];
      return build([...entries, ...parsed]);
    },
  };
  return catalog;
}

/**
 * Creates a price catalog: the built-in dated prices plus (or instead of) your entries.
 *
 * @example
 * const catalog = createPriceCatalog({
 *   entries: [{ id: 'my-finetune', provider: 'openai', inputPerMTok: 3.75, outputPerMTok: 15,
 *               asOf: '2026-11-01', source: 'https://platform.openai.com/docs/pricing' }],
 * });
 * catalog.resolve('gpt-4o-2024-08-06')?.id; // 'gpt-4o'
 */
export function createPriceCatalog(options: PriceCatalogOptions = {}): PriceCatalog {
  const parsed = parseOptions(optionsSchema, options, 'createPriceCatalog');
  const base = parsed.includeDefaults === false ? [] : defaultPriceEntries();
  return build([...base, ...((parsed.entries ?? []) as PriceEntry[])]);
}
