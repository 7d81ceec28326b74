import type { AuditRecord } from '@switchyard/core';
import {
  createCostMeter,
  createPriceCatalog,
  HARDWARE_PRESET_NAMES,
  isHardwarePreset,
  loadPriceCatalog,
  type RequestCost,
} from '@switchyard/cost';

/** How records without a `cost` field (written without the meter) are priced. */
export interface UnmeteredPricing {
  price: (record: AuditRecord) => RequestCost;
  note: string;
}

/** The flags that say how to price unmetered records (plain data: worker threads rebuild the pricer). */
export interface PricingFlags {
  hardware: string | undefined;
  prices: string | undefined;
  shadow: string[] | undefined;
}

/**
 * A pricer for unmetered records: cloud calls from the catalog (built-in or `--prices FILE`),
 * local calls from `--hardware` (else unpriced), shadow costs from `--shadow` models.
 * Returns an error message for bad flags.
 */
export function unmeteredPricer(flags: PricingFlags): UnmeteredPricing | string {
  if (flags.hardware !== undefined && !isHardwarePreset(flags.hardware)) {
    return `unknown hardware preset '${flags.hardware}' (known: ${HARDWARE_PRESET_NAMES.join(', ')})`;
  }
  let catalog = createPriceCatalog();
  if (flags.prices !== undefined) {
    try {
      catalog = createPriceCatalog({ entries: loadPriceCatalog(flags.prices) });
    } catch (error) {
      return (error as Error).message;
    }
  }
  for (const model of flags.shadow ?? []) {
    if (!catalog.resolve(model)) return `--shadow: no price for model '${model}' in the catalog`;
  }
  const meter = createCostMeter({
    catalog,
    ...(flags.hardware ? { deployments: { '*': flags.hardware } } : {}),
    ...(flags.shadow && flags.shadow.length > 0 ? { shadow: { candidates: flags.shadow } } : {}),
  });
  const parts = [
    `priced here: cloud calls from ${flags.prices ?? 'the built-in catalog'}`,
    flags.hardware ? `local calls as ${flags.hardware}` : 'local calls unpriced (pass --hardware)',
    flags.shadow?.length
      ? `savings against ${flags.shadow.join(', ')}`
      : 'no savings for local answers (pass --shadow <model>)',
  ];
  return { price: (record) => meter.costOf(record), note: parts.join('; ') };
}
